using System.Text.Json;
using Qdc.Tests.TestSupport;

namespace Qdc.Tests.Cli;

/// <summary>qdc compile: placement, lowering, report.json, and --validate through the simulator.</summary>
public class CompileCommandTests
{
    private const string TwoQpus = "{ \"name\": \"two\", \"qpus\": [ { \"id\": \"a\", \"dataQubits\": 3 }, { \"id\": \"b\", \"dataQubits\": 3 } ], \"links\": [ { \"between\": [\"a\", \"b\"] } ] }\n";

    private const string SixQubits = "OPENQASM 2.0;\ninclude \"qelib1.inc\";\nqreg q[6];\ncreg c[6];\nh q[0];\ncx q[0],q[3];\nrz(0.3) q[3];\n"
        + "cx q[1],q[4];\ncp(0.7) q[2],q[5];\nh q[5];\ncx q[5],q[0];\nccx q[0],q[1],q[2];\nswap q[2],q[4];\nmeasure q -> c;\n";

    private static string Example(string name) => Path.Combine(RepoPaths.Root, "examples", name);

    private static string Temp(string name, string text)
    {
        var dir = Path.Combine(Path.GetTempPath(), $"qdc-compile-{Guid.NewGuid():N}");
        Directory.CreateDirectory(dir);
        var path = Path.Combine(dir, name);
        File.WriteAllText(path, text);
        return path;
    }

    [Theory]
    [InlineData("telegate")]
    [InlineData("auto")]
    [InlineData("teledata")]
    public void CompilesAndValidatesACircuitThatCrossesQpus(string strategy)
    {
        var circuit = Temp("six.qasm", SixQubits);
        var topology = Temp("two.json", TwoQpus);
        var outDir = Path.Combine(Path.GetDirectoryName(circuit)!, "out");
        var (exit, output, err) = CliHarness.Run("compile", circuit, "--topology", topology, "-o", outDir, "--validate", "--strategy", strategy);
        Assert.True(exit == 0, err);
        Assert.Contains("validated: equivalent", output);
        using var report = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "report.json")));
        var root = report.RootElement;
        Assert.Equal(1, root.GetProperty("formatVersion").GetInt32());
        Assert.Equal(2, root.GetProperty("qpus").GetInt32());
        Assert.Equal(6, root.GetProperty("circuit").GetProperty("qubits").GetInt32());
        long ebits = root.GetProperty("ebits").GetInt64();
        Assert.True(ebits > 0);
        Assert.Equal(ebits, root.GetProperty("ebitsByLink").GetProperty("a--b").GetInt64());
        Assert.Equal(ebits, root.GetProperty("telegates").GetInt64() + root.GetProperty("teledata").GetInt64());
        using var partition = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "partition.json")));
        if (strategy == "telegate")
        {
            // Telegates only: the ebits spent are what the partitioner predicted, plus any serialisation.
            Assert.Equal(partition.RootElement.GetProperty("ebits").GetInt64() + root.GetProperty("serialisationEbits").GetInt64(), ebits);
        }
    }

    [Fact]
    public void QasmBenchBb84ValidatesThoughItsMeasuredQubitsGetCancellingPairs()
    {
        // Each qubit is measured, gets h, h or x, x (which the compiler cancels) and is measured
        // again: the source measures mid-circuit and the node programs measure twice at the end.
        // Validation once compared the source's collapsed state with the programs' uncollapsed one.
        var source = Path.Combine(RepoPaths.Corpus, "qasmbench", "small", "bb84_n8", "bb84_n8.qasm");
        var outDir = Path.Combine(Path.GetTempPath(), $"qdc-compile-{Guid.NewGuid():N}");
        var (exit, output, err) = CliHarness.Run("compile", source, "--topology", Example("dc4.json"), "-o", outDir, "--validate");
        Assert.True(exit == 0, err);
        Assert.Contains("validated: equivalent", output, StringComparison.Ordinal);
    }

    [Fact]
    public void GhzAlongALineValidatesWithOneEbit()
    {
        var outDir = Path.Combine(Path.GetTempPath(), $"qdc-compile-{Guid.NewGuid():N}");
        var (exit, output, err) = CliHarness.Run("compile", Example("ghz12.qasm"), "--topology", Example("line4.json"), "-o", outDir, "--validate");
        Assert.True(exit == 0, err);
        Assert.StartsWith("ebits 1 (predicted 1)", output);
        Assert.Contains("validated: equivalent", output);
    }

    [Fact]
    public void TheSameRunWritesTheSameBytes()
    {
        string a = Path.Combine(Path.GetTempPath(), $"qdc-compile-{Guid.NewGuid():N}");
        string b = Path.Combine(Path.GetTempPath(), $"qdc-compile-{Guid.NewGuid():N}");
        Assert.Equal(0, CliHarness.Run("compile", Example("qft16.qasm"), "--topology", Example("mixed.json"), "-o", a).Exit);
        Assert.Equal(0, CliHarness.Run("compile", Example("qft16.qasm"), "--topology", Example("mixed.json"), "-o", b).Exit);
        foreach (var file in new[] { "partition.json", "report.json" })
        {
            Assert.Equal(File.ReadAllBytes(Path.Combine(a, file)), File.ReadAllBytes(Path.Combine(b, file)));
        }
    }

    /// <summary>
    /// Compiles, with --validate, a chain of <paramref name="qubits"/> (each link a cx, then
    /// <paramref name="gate"/> on its target) onto four QPUs in a line of <paramref name="dataQubits"/> each.
    /// </summary>
    private static (int Exit, string Output, string Error) CompileChain(int qubits, string gate, int dataQubits)
    {
        var dir = Path.Combine(Path.GetTempPath(), $"qdc-compile-{Guid.NewGuid():N}");
        Directory.CreateDirectory(dir);
        var circuit = Path.Combine(dir, "chain.qasm");
        File.WriteAllText(circuit, $"OPENQASM 2.0;\ninclude \"qelib1.inc\";\nqreg q[{qubits}];\nh q[0];\n"
            + string.Concat(Enumerable.Range(1, qubits - 1).Select(i => $"cx q[{i - 1}],q[{i}];\n{gate} q[{i}];\n")));
        var topology = Path.Combine(dir, "four.json");
        File.WriteAllText(topology, "{ \"qpus\": [" + string.Join(", ", Enumerable.Range(0, 4).Select(i => $"{{ \"id\": \"p{i}\", \"dataQubits\": {dataQubits} }}"))
            + "], \"links\": [" + string.Join(", ", Enumerable.Range(1, 3).Select(i => $"{{ \"between\": [\"p{i - 1}\", \"p{i}\"] }}")) + "] }");
        return CliHarness.Run("compile", circuit, "--topology", topology, "-o", Path.Combine(dir, "out"), "--validate");
    }

    [Fact]
    public void ValidationOfAProgramTooLargeToSimulateIsSkippedAndSaid()
    {
        // 30 data qubits, not Clifford (the rz), so neither the statevector nor the tableau takes it.
        var (exit, _, err) = CompileChain(30, "rz(0.3)", 8);
        Assert.Equal(0, exit);
        Assert.Contains("--validate skipped", err);
        Assert.Contains("need 3", err);
    }

    /// <summary>
    /// 23 qubits fit the statevector, but checking them there would take a minute; a Clifford
    /// source goes to the tableau past 5 s of estimated work.
    /// </summary>
    [Fact]
    public void ACliffordCircuitTooSlowForTheStatevectorIsValidatedOnTheTableau()
    {
        var (exit, output, _) = CompileChain(23, "h", 8);
        Assert.Equal(0, exit);
        Assert.Contains("validating on a stabilizer tableau", output);
        Assert.Contains("would take the statevector check about", output);
        Assert.Contains("validated (Clifford): equivalent", output);
    }

    [Fact]
    public void ALargeCliffordCircuitIsValidatedOnTheTableau()
    {
        // 40 qubits on four QPUs: no statevector holds the joined programs, a tableau does.
        var (exit, output, err) = CompileChain(40, "s", 11);
        Assert.True(exit == 0, err);
        Assert.Contains("validating on a stabilizer tableau", output);
        Assert.Contains("validated (Clifford): equivalent", output);
    }

    [Fact]
    public void AnUnknownStrategyIsAUsageError()
    {
        var (exit, _, err) = CliHarness.Run("compile", Example("ghz12.qasm"), "--strategy", "magic");
        Assert.Equal(2, exit);
        Assert.Contains("magic", err);
    }
}
