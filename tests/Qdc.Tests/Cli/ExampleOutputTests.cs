using System.Text;
using Qdc.Tests.TestSupport;

namespace Qdc.Tests.Cli;

/// <summary>
/// The examples' compiled outputs: byte-identical at every thread count, and equal to the golden
/// copies committed under examples/out/&lt;circuit&gt;.&lt;topology&gt;/ — every file compile writes, so
/// a new output file shows up here too (QDC_ACCEPT=1 replaces the folder with the new output).
/// </summary>
public class ExampleOutputTests
{
    public static readonly TheoryData<string, string> Examples = new()
    {
        { "qft16", "dc4" },
        { "qft16", "line4" },
        { "ghz12", "mixed" },
        { "adder4", "line4" },
        { "qaoa10", "dc4" },
        { "teleport-chain", "mixed" },
        { "cluster-ring", "chain4" },
    };

    public static string GoldenDirectory(string circuit, string topology) =>
        Path.Combine(RepoPaths.Root, "examples", "out", $"{circuit}.{topology}");

    private static void Compile(string circuit, string topology, string output, params string[] extra)
    {
        var args = new[]
        {
            "compile", Path.Combine(RepoPaths.Root, "examples", circuit + ".qasm"),
            "--topology", Path.Combine(RepoPaths.Root, "examples", topology + ".json"),
            "-o", output, "--report", "--quiet",
        }.Concat(extra).ToArray();
        var (exit, _, err) = CliHarness.Run(args);
        Assert.True(exit == 0, $"qdc {string.Join(' ', args)} exited {exit}:\n{err}");
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void One_thread_and_all_threads_write_the_same_bytes(string circuit, string topology)
    {
        using var one = new TempDirectory();
        using var all = new TempDirectory();
        Compile(circuit, topology, one.Path, "--threads", "1");
        Compile(circuit, topology, all.Path, "--threads", Math.Max(4, Environment.ProcessorCount).ToString(System.Globalization.CultureInfo.InvariantCulture));
        AssertSameFiles(TempDirectory.Snapshot(one.Path), TempDirectory.Snapshot(all.Path), "--threads 1", "all threads");
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void The_output_matches_the_committed_golden_folder(string circuit, string topology)
    {
        using var fresh = new TempDirectory();
        Compile(circuit, topology, fresh.Path);
        string golden = GoldenDirectory(circuit, topology);
        if (Environment.GetEnvironmentVariable(Golden.AcceptVariable) == "1")
        {
            if (Directory.Exists(golden))
            {
                Directory.Delete(golden, recursive: true);
            }
            foreach (var (relative, bytes) in TempDirectory.Snapshot(fresh.Path))
            {
                string target = Path.Combine(golden, relative);
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.WriteAllBytes(target, bytes);
            }
            return;
        }
        Assert.True(Directory.Exists(golden), $"no golden output at {golden}; run with {Golden.AcceptVariable}=1 to create it");
        AssertSameFiles(TempDirectory.Snapshot(golden), TempDirectory.Snapshot(fresh.Path), golden, "this build");
        // The CI recipe: qdc diff against the golden folder finds nothing.
        var (exit, output, err) = CliHarness.Run("diff", golden, fresh.Path);
        Assert.True(exit == 0, output + err);
    }

    private static void AssertSameFiles(SortedDictionary<string, byte[]> expected, SortedDictionary<string, byte[]> actual, string expectedName, string actualName)
    {
        Assert.True(expected.Keys.SequenceEqual(actual.Keys),
            $"{expectedName} has [{string.Join(", ", expected.Keys)}] but {actualName} has [{string.Join(", ", actual.Keys)}] ({Golden.AcceptVariable}=1 accepts)");
        foreach (var (path, bytes) in expected)
        {
            if (!bytes.AsSpan().SequenceEqual(actual[path]))
            {
                Assert.Fail($"{path} differs between {expectedName} and {actualName} ({Golden.AcceptVariable}=1 accepts)\n"
                    + Golden.UnifiedDiff(Encoding.UTF8.GetString(bytes), Encoding.UTF8.GetString(actual[path])));
            }
        }
    }
}
