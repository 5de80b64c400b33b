using System.Text.Json;
using Qdc.Tests.TestSupport;

namespace Qdc.Tests.Cli;

/// <summary>qdc partition from a QASM file to partition.json, as a user runs it.</summary>
public class PartitionCommandTests
{
    private static string Example(string name) => Path.Combine(RepoPaths.Root, "examples", name);

    private static string TempPath(string ext) => Path.Combine(Path.GetTempPath(), $"qdc-partition-{Guid.NewGuid():N}.{ext}");

    [Fact]
    public void GhzOnTwoFullQpusCostsExactlyOneEbit()
    {
        var json = TempPath("json");
        var (exit, output, err) = CliHarness.Run("partition", Example("ghz12.qasm"), "--topology", Example("dc4.json"), "-o", json);
        Assert.True(exit == 0, err);
        Assert.StartsWith("ebits 1 ", output);
        using var doc = JsonDocument.Parse(File.ReadAllText(json));
        var root = doc.RootElement;
        Assert.Equal(1, root.GetProperty("ebits").GetInt64());
        Assert.Equal(1, root.GetProperty("formatVersion").GetInt32());
        Assert.Equal(12, root.GetProperty("placement").EnumerateObject().Count());
        Assert.Equal(11, root.GetProperty("gates").GetArrayLength());
        Assert.Equal(0, root.GetProperty("moves").GetArrayLength());
        // Capacities are hard: no QPU holds more than its 6 data qubits.
        var perQpu = root.GetProperty("placement").EnumerateObject().GroupBy(p => p.Value.GetString()).Select(g => g.Count());
        Assert.All(perQpu, n => Assert.True(n <= 6));
        // Exactly one gate crosses QPUs: the one cx whose qubits were split.
        Assert.Equal(1, root.GetProperty("gates").EnumerateArray().Count(g => g.GetProperty("realization").GetString() == "telegate"));
    }

    [Fact]
    public void SameSeedSameBytes()
    {
        string a = TempPath("json"), b = TempPath("json");
        Assert.Equal(0, CliHarness.Run("partition", Example("qft16.qasm"), "--topology", Example("line4.json"), "-o", a, "--seed", "3").Exit);
        Assert.Equal(0, CliHarness.Run("partition", Example("qft16.qasm"), "--topology", Example("line4.json"), "-o", b, "--seed", "3").Exit);
        Assert.Equal(File.ReadAllBytes(a), File.ReadAllBytes(b));
    }

    [Fact]
    public void ExportsTheHypergraphInHmetisFormat()
    {
        var hgr = TempPath("hgr");
        Assert.Equal(0, CliHarness.Run("partition", Example("ghz12.qasm"), "--topology", Example("dc4.json"), "--export-hmetis", hgr).Exit);
        var header = File.ReadLines(hgr).First(l => !l.StartsWith('%')).Split(' ');
        // 12 qubit vertices + 11 gate vertices; fmt 10 means vertex weights follow.
        Assert.Equal("23", header[1]);
        Assert.Equal("10", header[2]);
    }

    [Fact]
    public void TooManyQubitsIsInfeasible()
    {
        var path = TempPath("qasm");
        File.WriteAllText(path, "OPENQASM 3.0;\ninclude \"stdgates.inc\";\nqubit[30] q;\nh q;\n");
        var (exit, _, err) = CliHarness.Run("partition", path, "--topology", Example("dc4.json"));
        Assert.Equal(4, exit);
        Assert.Contains("holds only 24 data qubits", err);
    }

    [Fact]
    public void WithoutATopologyTheDefaultIsUsedAndNamed()
    {
        var (exit, _, err) = CliHarness.Run("partition", Example("ghz12.qasm"));
        Assert.Equal(0, exit);
        Assert.Contains("no --topology given", err);
    }

    [Fact]
    public void ABadTopologyIsAnInputError()
    {
        var path = TempPath("json");
        File.WriteAllText(path, "{ \"qpus\": [ { \"id\": \"a\" } ], \"links\": [] }\n");
        var (exit, _, err) = CliHarness.Run("partition", Example("ghz12.qasm"), "--topology", path);
        Assert.Equal(1, exit);
        Assert.Contains("error QDC05", err);
    }
}
