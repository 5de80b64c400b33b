using System.Text.Json;
using Qdc.Tests.TestSupport;
using Qdc.Tests.Topology;

namespace Qdc.Tests.Cli;

public class TopologyCommandTests
{
    private static string Example(string name) => Path.Combine(RepoPaths.Root, "examples", name);

    private static string WriteTemp(string json)
    {
        string path = Path.Combine(Path.GetTempPath(), $"qdc-topology-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, json);
        return path;
    }

    [Theory]
    [InlineData("dc4.json", "4 QPUs (24 data qubits, 8 comm qubits), 6 links, all-to-all, swapping on")]
    [InlineData("line4.json", "4 QPUs (24 data qubits, 8 comm qubits), 3 links, not all-to-all, swapping on")]
    [InlineData("mixed.json", "4 QPUs (24 data qubits, 6 comm qubits), 4 links, not all-to-all, swapping on")]
    public void CheckPrintsOneOkLineForAGoodFile(string file, string summary)
    {
        var (exit, output, err) = CliHarness.Run("topology", "check", Example(file));
        Assert.Equal(0, exit);
        Assert.Equal($"ok: {Example(file)}: {summary}\n", output);
        Assert.Equal("", err);
    }

    [Fact]
    public void CheckReportsEveryErrorOnStandardErrorAndExitsOne()
    {
        string path = WriteTemp("{\n  \"qpus\": [ { \"id\": \"a\", \"dataQubits\": 0 } ],\n  \"links\": [ { \"between\": [\"a\", \"b\"] } ]\n}\n");
        try
        {
            var (exit, output, err) = CliHarness.Run("topology", "check", path);
            Assert.Equal(1, exit);
            Assert.Equal("", output);
            Assert.Equal(
                $"{path}:2:40: error QDC0516: $.qpus[0].dataQubits: must be at least 1, found 0\n"
                + "    \"qpus\": [ { \"id\": \"a\", \"dataQubits\": 0 } ],\n"
                + "                                         ^\n"
                + $"{path}:3:33: error QDC0511: $.links[0].between[1]: no QPU has the id 'b'\n"
                + "    \"links\": [ { \"between\": [\"a\", \"b\"] } ]\n"
                + "                                  ^~~\n"
                + "2 errors\n",
                err);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void CheckOfAMissingFileIsAnInputError()
    {
        var (exit, _, err) = CliHarness.Run("topology", "check", "no/such/dc.json");
        Assert.Equal(1, exit);
        Assert.StartsWith("no/such/dc.json: error QDC0500: cannot read the topology file", err, StringComparison.Ordinal);
    }

    [Fact]
    public void CheckShowsWarningsButSucceeds()
    {
        string path = WriteTemp("""
            { "qpus": [ { "id": "a", "dataQubits": 1 }, { "id": "b", "dataQubits": 1 }, { "id": "c", "dataQubits": 1 } ],
              "links": [ { "between": ["a", "b"] }, { "between": ["b", "c"] } ], "swapping": false }
            """);
        try
        {
            var (exit, output, err) = CliHarness.Run("topology", "check", path);
            Assert.Equal(0, exit);
            Assert.StartsWith("ok: ", output, StringComparison.Ordinal);
            Assert.Contains("warning QDC0517", err, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void ShowPrintsAlignedTablesOfQpusLinksAndHops()
    {
        var (exit, output, err) = CliHarness.Run("topology", "show", Example("line4.json"));
        Assert.Equal(0, exit);
        Assert.Equal("", err);
        Assert.Equal(
            """
            topology line4: 4 QPUs (24 data qubits, 8 comm qubits), 3 links, not all-to-all, swapping on

            QPUs
            id    platform         data  comm  native gates    1q     2q  measure  reset     T1    T2
            qpu0  superconducting     6     2  rz,sx,x,cz    30ns  300ns      1us    1us  100us  80us
            qpu1  superconducting     6     2  rz,sx,x,cz    30ns  300ns      1us    1us  100us  80us
            qpu2  superconducting     6     2  rz,sx,x,cz    30ns  300ns      1us    1us  100us  80us
            qpu3  superconducting     6     2  rz,sx,x,cz    30ns  300ns      1us    1us  100us  80us

            Links
            between       rate (pairs/s)  fidelity  latency  parallel
            qpu0 -- qpu1            1000      0.98     10us         1
            qpu1 -- qpu2            1000      0.98     10us         1
            qpu2 -- qpu3            1000      0.98     10us         1

            Hop distances
                  qpu0  qpu1  qpu2  qpu3
            qpu0     0     1     2     3
            qpu1     1     0     1     2
            qpu2     2     1     0     1
            qpu3     3     2     1     0

            """.Replace("\r\n", "\n", StringComparison.Ordinal),
            output);
    }

    [Fact]
    public void ShowJsonHasSortedKeysDefaultsAppliedAndSeconds()
    {
        var (exit, output, _) = CliHarness.Run("topology", "show", Example("mixed.json"), "--json");
        Assert.Equal(0, exit);
        Assert.DoesNotContain("\r", output, StringComparison.Ordinal);
        using var doc = JsonDocument.Parse(output);
        var root = doc.RootElement;
        Assert.Equal(["formatVersion", "hops", "links", "name", "qpus", "swapping"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal(1, root.GetProperty("formatVersion").GetInt32());
        var ion1 = root.GetProperty("qpus")[3];
        Assert.Equal("trapped-ion", ion1.GetProperty("platform").GetString());
        Assert.Equal(150e-6, ion1.GetProperty("durationsSeconds").GetProperty("2q").GetDouble());
        Assert.Equal(1e-5, root.GetProperty("links")[0].GetProperty("latencySeconds").GetDouble());
        Assert.Equal(2, root.GetProperty("hops")[0][3].GetInt32());
        var names = ion1.EnumerateObject().Select(p => p.Name).ToList();
        Assert.Equal(names.Order(StringComparer.Ordinal), names);
    }

    [Fact]
    public void ShowIsByteForByteRepeatable()
    {
        var first = CliHarness.Run("topology", "show", Example("mixed.json"), "--json");
        var second = CliHarness.Run("topology", "show", Example("mixed.json"), "--json");
        Assert.Equal(first.Out, second.Out);
    }

    [Fact]
    public void SchemaPrintsTheEmbeddedSchema()
    {
        var (exit, output, _) = CliHarness.Run("topology", "schema");
        Assert.Equal(0, exit);
        using var doc = JsonDocument.Parse(output);
        Assert.Equal("object", doc.RootElement.GetProperty("type").GetString());
    }

    [Fact]
    public void HelpListsTheSubcommandsWithExamples()
    {
        var (exit, output, _) = CliHarness.Run("topology", "--help");
        Assert.Equal(0, exit);
        Assert.Contains("check <FILE>", output, StringComparison.Ordinal);
        Assert.Contains("show <FILE>", output, StringComparison.Ordinal);
        Assert.Contains("schema", output, StringComparison.Ordinal);
        var check = CliHarness.Run("topology", "check", "--help");
        Assert.Contains("qdc topology check examples/dc4.json", check.Out, StringComparison.Ordinal);
        var show = CliHarness.Run("topology", "show", "--help");
        Assert.Contains("--json", show.Out, StringComparison.Ordinal);
        Assert.Contains("qdc topology show examples/mixed.json", show.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingFileArgumentIsAUsageError()
    {
        var (exit, _, _) = CliHarness.Run("topology", "check");
        Assert.Equal(2, exit);
    }
}
