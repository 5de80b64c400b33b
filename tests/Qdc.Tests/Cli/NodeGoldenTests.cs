using Qdc.Tests.TestSupport;

namespace Qdc.Tests.Cli;

/// <summary>The examples' node programs are golden files, one per QPU (accept a change with QDC_ACCEPT=1).</summary>
public class NodeGoldenTests
{
    private static string Example(string name) => Path.Combine(RepoPaths.Root, "examples", name);

    [Theory]
    [InlineData("qft16.qasm", "dc4.json")]
    [InlineData("ghz12.qasm", "mixed.json")]
    public void NodePrograms(string circuit, string topology)
    {
        var dir = Path.Combine(Path.GetTempPath(), $"qdc-nodes-{Guid.NewGuid():N}");
        var (exit, _, err) = CliHarness.Run("compile", Example(circuit), "--topology", Example(topology), "-o", dir);
        Assert.True(exit == 0, err);
        var files = Directory.GetFiles(Path.Combine(dir, "nodes"), "*.qasm").Order(StringComparer.Ordinal).ToList();
        Assert.Equal(4, files.Count);
        foreach (var file in files)
        {
            Golden.Verify($"nodes.{Path.GetFileNameWithoutExtension(circuit)}.{Path.GetFileNameWithoutExtension(topology)}.{Path.GetFileNameWithoutExtension(file)}", File.ReadAllText(file), "qasm");
        }
        Directory.Delete(dir, recursive: true);
    }
}
