using Qdc.Tests.TestSupport;

namespace Qdc.Tests.Cli;

/// <summary>
/// The examples' outputs are golden files: a change in a placement, a gate count or a topology
/// table shows up as a reviewable diff (accept with QDC_ACCEPT=1).
/// </summary>
public class ExampleGoldenTests
{
    private static string Example(string name) => Path.Combine(RepoPaths.Root, "examples", name);

    [Theory]
    [InlineData("qft16.qasm", "dc4.json")]
    [InlineData("qft16.qasm", "line4.json")]
    [InlineData("ghz12.qasm", "mixed.json")]
    public void PartitionJson(string circuit, string topology)
    {
        var path = Path.Combine(Path.GetTempPath(), $"qdc-golden-{Guid.NewGuid():N}.json");
        var (exit, _, err) = CliHarness.Run("partition", Example(circuit), "--topology", Example(topology), "-o", path);
        Assert.True(exit == 0, err);
        Golden.Verify($"partition.{Path.GetFileNameWithoutExtension(circuit)}.{Path.GetFileNameWithoutExtension(topology)}", File.ReadAllText(path), "json");
    }

    [Theory]
    [InlineData("qft16.qasm")]
    [InlineData("ghz12.qasm")]
    public void StatsJson(string circuit)
    {
        var (exit, output, err) = CliHarness.Run("stats", Example(circuit), "--json");
        Assert.True(exit == 0, err);
        Golden.Verify($"stats.{Path.GetFileNameWithoutExtension(circuit)}", output, "json");
    }
}
