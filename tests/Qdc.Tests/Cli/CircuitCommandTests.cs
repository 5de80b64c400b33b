using System.Text.Json;
using Qdc.Tests.TestSupport;

namespace Qdc.Tests.Cli;

/// <summary>qdc stats and qdc simulate, run in-process as a user would run them.</summary>
public class CircuitCommandTests
{
    private static string Example(string name) => Path.Combine(RepoPaths.Root, "examples", name);

    private static string Temp(string text)
    {
        var path = Path.Combine(Path.GetTempPath(), $"qdc-cli-{Guid.NewGuid():N}.qasm");
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void StatsJsonHasTheDocumentedKeys()
    {
        var (exit, output, err) = CliHarness.Run("stats", Example("qft16.qasm"), "--json");
        Assert.Equal(0, exit);
        Assert.Equal("", err);
        using var doc = JsonDocument.Parse(output);
        var root = doc.RootElement;
        Assert.Equal(16, root.GetProperty("qubits").GetInt32());
        Assert.Equal(16, root.GetProperty("clbits").GetInt32());
        Assert.Equal(144, root.GetProperty("gates").GetInt32());
        Assert.Equal(128, root.GetProperty("twoQubitGates").GetInt32());
        Assert.Equal(120, root.GetProperty("gateCounts").GetProperty("cp").GetInt32());
        Assert.True(root.GetProperty("depth").GetInt32() > 16);
        // Keys are sorted, so that scripts and golden files see a stable order.
        var keys = root.EnumerateObject().Select(p => p.Name).ToList();
        Assert.Equal(keys.Order(StringComparer.Ordinal), keys);
    }

    [Fact]
    public void StatsTextIsReadable()
    {
        var (exit, output, _) = CliHarness.Run("stats", Example("ghz12.qasm"));
        Assert.Equal(0, exit);
        Assert.Contains("qubits          12", output);
        Assert.Contains("two-qubit gates 11", output);
    }

    [Fact]
    public void InputErrorsExitOneWithDiagnosticsOnStandardError()
    {
        var path = Temp("OPENQASM 2.0;\ninclude \"qelib1.inc\";\nqreg q[2];\nfoo q[0];\nx q[9];\n");
        var (exit, output, err) = CliHarness.Run("stats", path);
        Assert.Equal(1, exit);
        Assert.Equal("", output);
        Assert.Contains(":4:1: error QDC0301: unknown gate 'foo'", err);
        Assert.Contains(":5:5: error QDC0304:", err);
        Assert.Contains("  foo q[0];\n  ^~~", err);
        Assert.Contains("2 errors", err);
    }

    [Fact]
    public void ParamsFeedInputs()
    {
        var path = Temp("OPENQASM 3.0;\ninclude \"stdgates.inc\";\ninput float theta;\nqubit q;\nrx(theta) q;\n");
        Assert.Equal(1, CliHarness.Run("stats", path).Exit);
        Assert.Equal(0, CliHarness.Run("stats", path, "--param", "theta=0.5").Exit);
        Assert.Equal(2, CliHarness.Run("stats", path, "--param", "theta").Exit);
    }

    [Fact]
    public void SimulateCountsAreDeterministicForASeed()
    {
        var a = CliHarness.Run("simulate", Example("ghz12.qasm"), "--shots", "200", "--seed", "5");
        var b = CliHarness.Run("simulate", Example("ghz12.qasm"), "--shots", "200", "--seed", "5");
        Assert.Equal(0, a.Exit);
        Assert.Equal(a.Out, b.Out);
        using var doc = JsonDocument.Parse(a.Out);
        var counts = doc.RootElement.GetProperty("counts").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt32());
        Assert.Equal(["000000000000", "111111111111"], counts.Keys.Order());
        Assert.Equal(200, counts.Values.Sum());
    }

    [Fact]
    public void SimulateStatevectorOfABellPair()
    {
        var path = Temp("OPENQASM 3.0;\ninclude \"stdgates.inc\";\nqubit[2] q;\nh q[0];\ncx q[0], q[1];\n");
        var (exit, output, _) = CliHarness.Run("simulate", path, "--statevector");
        Assert.Equal(0, exit);
        using var doc = JsonDocument.Parse(output);
        var amps = doc.RootElement.GetProperty("amplitudes").EnumerateArray().Select(a => a[0].GetDouble()).ToArray();
        Assert.Equal(Math.Sqrt(0.5), amps[0], 12);
        Assert.Equal(0, amps[1], 12);
        Assert.Equal(0, amps[2], 12);
        Assert.Equal(Math.Sqrt(0.5), amps[3], 12);
    }

    [Fact]
    public void SimulateRefusesTooManyQubitsForAStatevector()
    {
        var (exit, _, err) = CliHarness.Run("simulate", Example("qft16.qasm"), "--statevector");
        Assert.Equal(0, exit);
        Assert.Equal("", err);
        var big = Temp("OPENQASM 3.0;\ninclude \"stdgates.inc\";\nqubit[17] q;\nh q;\n");
        var (exit2, _, err2) = CliHarness.Run("simulate", big, "--statevector");
        Assert.Equal(2, exit2);
        Assert.Contains("at most 16 qubits", err2);
    }

    [Fact]
    public void EveryCommandHasHelp()
    {
        foreach (var command in new[] { "stats", "simulate", "topology", "hypergraph" })
        {
            var (exit, output, _) = CliHarness.Run(command, "--help");
            Assert.Equal(0, exit);
            Assert.Contains("Usage:", output);
        }
    }
}
