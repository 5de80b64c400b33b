using Qdc.Circuits.Diagnostics;
using Qdc.Qasm;
using Qdc.Simulation.Stabilizer;
using Qdc.Tests.TestSupport;

namespace Qdc.Tests.Cli;

/// <summary>qdc proxy, and qdc validate --clifford on what compile wrote from a proxy, broken programs and every bad input.</summary>
public class CliffordCommandTests
{
    private static string Example(string name) => Path.Combine(RepoPaths.Root, "examples", name);

    private static void Compile(string circuit, string dir)
    {
        var (exit, _, err) = CliHarness.Run("compile", circuit, "--topology", Example("dc4.json"), "-o", dir, "--quiet");
        Assert.True(exit == 0, err);
    }

    [Fact]
    public void ProxyWritesACliffordCircuitToStandardOutputOrAFile()
    {
        using var tmp = new TempDirectory();
        var (exit, text, err) = CliHarness.Run("proxy", Example("qft16.qasm"));
        Assert.True(exit == 0, err);
        var bag = new DiagnosticBag();
        var proxy = QasmFrontEnd.LoadText(text, "proxy.qasm", QasmOptions.Default, bag);
        Assert.NotNull(proxy);
        Assert.NotNull(CliffordProgram.TryCompile(proxy!, out _));
        Assert.Equal(16, proxy!.QubitCount);
        var (exitFile, said, _) = CliHarness.Run("proxy", Example("qft16.qasm"), "-o", tmp["p.qasm"]);
        Assert.Equal(0, exitFile);
        Assert.Equal(text, File.ReadAllText(tmp["p.qasm"]));
        Assert.Contains("gates made Clifford", said);
        // Deterministic to the byte.
        Assert.Equal(text, CliHarness.Run("proxy", Example("qft16.qasm")).Out);
    }

    [Fact]
    public void ProxyOfAMissingFileExits1()
    {
        var (exit, _, err) = CliHarness.Run("proxy", Example("no-such.qasm"));
        Assert.Equal(1, exit);
        Assert.Contains("QDC", err);
    }

    [Fact]
    public void TheCompiledProxyValidatesAndATamperedProgramDoesNot()
    {
        using var tmp = new TempDirectory();
        Assert.Equal(0, CliHarness.Run("proxy", Example("qft16.qasm"), "-o", tmp["p.qasm"]).Exit);
        Compile(tmp["p.qasm"], tmp["out"]);
        var (exit, output, err) = CliHarness.Run("validate", "--clifford", tmp["p.qasm"], tmp["out"]);
        Assert.True(exit == 0, err);
        Assert.Contains("validated (Clifford): equivalent on 32 measurement branches", output);
        Assert.Contains("equivalent on 5 measurement branches", CliHarness.Run("validate", "--clifford", "--branches", "5", tmp["p.qasm"], tmp["out"]).Out);

        // Drop each correction of one program in turn: the check must notice at least one, and never fail on the original.
        var file = Directory.GetFiles(tmp["out/nodes"], "*.qasm").Order(StringComparer.Ordinal).First();
        var original = File.ReadAllLines(file);
        var corrections = Enumerable.Range(0, original.Length).Where(i => original[i].StartsWith("if (", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(corrections);
        int caught = 0;
        foreach (int line in corrections)
        {
            File.WriteAllLines(file, original.Where((_, i) => i != line));
            var (broken, _, why) = CliHarness.Run("validate", "--clifford", tmp["p.qasm"], tmp["out"]);
            Assert.True(broken is 0 or 3, why);
            if (broken == 3)
            {
                Assert.Contains("validation failed", why);
                Assert.Contains("NOT equivalent: branch", why);
                caught++;
            }
        }
        Assert.True(caught > 0, $"none of {corrections.Count} dropped corrections was caught");
        File.WriteAllLines(file, original);

        // A flipped gate: a cz of the cat-entangled copy turned into a cx, and an extra x on a data qubit at the end.
        var text = File.ReadAllText(file);
        int at = text.IndexOf("\ncz data[", StringComparison.Ordinal);
        Assert.True(at > 0);
        File.WriteAllText(file, text[..(at + 1)] + "cx" + text[(at + 3)..]);
        Assert.Equal(3, CliHarness.Run("validate", "--clifford", tmp["p.qasm"], tmp["out"]).Exit);
        File.WriteAllText(file, text + "x data[0];\n");
        Assert.Equal(3, CliHarness.Run("validate", "--clifford", tmp["p.qasm"], tmp["out"]).Exit);
    }

    [Fact]
    public void ANonCliffordSourceIsQdc0703AtItsPlace()
    {
        using var tmp = new TempDirectory();
        Assert.Equal(0, CliHarness.Run("proxy", Example("qft16.qasm"), "-o", tmp["p.qasm"]).Exit);
        Compile(tmp["p.qasm"], tmp["out"]);
        var (exit, _, err) = CliHarness.Run("validate", "--clifford", Example("qft16.qasm"), tmp["out"]);
        Assert.Equal(1, exit);
        Assert.Contains("qft16.qasm:7:1: error QDC0703: gate 'cp' is not Clifford; run qdc proxy first", err);
        Assert.Contains("cp(pi/2) q[1], q[0];", err);
    }

    [Fact]
    public void ProgramsCompiledFromTheOriginalCannotBeCheckedAgainstTheProxy()
    {
        using var tmp = new TempDirectory();
        Assert.Equal(0, CliHarness.Run("proxy", Example("qft16.qasm"), "-o", tmp["p.qasm"]).Exit);
        Compile(Example("qft16.qasm"), tmp["out"]);
        var (exit, _, err) = CliHarness.Run("validate", "--clifford", tmp["p.qasm"], tmp["out"]);
        Assert.Equal(4, exit);
        Assert.Contains("is not Clifford", err);
        Assert.Contains("qdc proxy", err);
    }

    [Fact]
    public void AMidCircuitMeasurementInTheSourceIsQdc0704AndExit4()
    {
        using var tmp = new TempDirectory();
        Compile(Example("teleport-chain.qasm"), tmp["out"]);
        var (exit, _, err) = CliHarness.Run("validate", "--clifford", Example("teleport-chain.qasm"), tmp["out"]);
        Assert.Equal(4, exit);
        Assert.Contains("teleport-chain.qasm:17:1: error QDC0704: a measurement before the end", err);
    }

    [Fact]
    public void BadBranchesAndMissingProgramsAreUsageAndInputErrors()
    {
        using var tmp = new TempDirectory();
        Compile(Example("ghz12.qasm"), tmp["out"]);
        Assert.Equal(0, CliHarness.Run("validate", "--clifford", Example("ghz12.qasm"), tmp["out"]).Exit);
        Assert.Equal(2, CliHarness.Run("validate", "--clifford", "--branches", "0", Example("ghz12.qasm"), tmp["out"]).Exit);
        Assert.Equal(1, CliHarness.Run("validate", "--clifford", Example("ghz12.qasm"), tmp["nothing"]).Exit);
    }
}
