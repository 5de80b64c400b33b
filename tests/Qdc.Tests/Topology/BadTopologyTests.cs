using Qdc.Circuits.Diagnostics;
using Qdc.Compiler.Topology;
using Codes = Qdc.Compiler.Topology.TopologyDiagnosticCodes;

namespace Qdc.Tests.Topology;

/// <summary>
/// Every kind of bad topology, one at a time. In each document '»' marks where the one error must
/// point; the test removes it and derives the expected line:column from its place.
/// </summary>
public class BadTopologyTests
{
    private const string TwoQpus = """
        { "id": "a", "dataQubits": 4 },
            { "id": "b", "dataQubits": 4 }
        """;

    public static TheoryData<string, string, string, string> Cases => new()
    {
        { "syntax: missing value", Codes.InvalidJson, "", "{\n  \"qpus\": [ »}\n}" },
        { "syntax: trailing comma", Codes.InvalidJson, "", "{\n  \"qpus\": [ { \"id\": \"a\", \"dataQubits\": 1 }, »]\n}" },
        { "syntax: empty file", Codes.InvalidJson, "", "»" },
        { "root is not an object", Codes.WrongType, "$", "»[1, 2]" },
        { "no qpus", Codes.MissingProperty, "$", "»{ \"links\": [] }" },
        { "empty qpus", Codes.WrongItemCount, "$.qpus", "{ \"qpus\": »[] }" },
        { "dataQubits as a string", Codes.WrongType, "$.qpus[0].dataQubits", "{ \"qpus\": [ { \"id\": \"a\", \"dataQubits\": »\"4\" } ] }" },
        { "missing dataQubits", Codes.MissingProperty, "$.qpus[0]", "{\n  \"qpus\": [\n    »{ \"id\": \"a\" }\n  ]\n}" },
        { "zero capacity", Codes.NoCapacity, "$.qpus[0].dataQubits", "{ \"qpus\": [ { \"id\": \"a\", \"dataQubits\": »0 } ] }" },
        { "negative capacity", Codes.NoCapacity, "$.qpus[0].dataQubits", "{ \"qpus\": [ { \"id\": \"a\", \"dataQubits\": »-3 } ] }" },
        { "fractional capacity", Codes.WrongType, "$.qpus[0].dataQubits", "{ \"qpus\": [ { \"id\": \"a\", \"dataQubits\": »2.5 } ] }" },
        { "no comm qubits", Codes.OutOfRange, "$.qpus[0].commQubits", "{ \"qpus\": [ { \"id\": \"a\", \"dataQubits\": 2, \"commQubits\": »0 } ] }" },
        { "unknown platform", Codes.NotAllowed, "$.qpus[0].platform", "{ \"qpus\": [ { \"id\": \"a\", \"dataQubits\": 2, \"platform\": »\"ion-trap\" } ] }" },
        { "bad id", Codes.BadPattern, "$.qpus[0].id", "{ \"qpus\": [ { \"id\": »\"qpu 0\", \"dataQubits\": 2 } ] }" },
        { "unknown QPU field", Codes.UnknownProperty, "$.qpus[0].dataqubit", "{ \"qpus\": [ { \"id\": \"a\", \"dataQubits\": 2, »\"dataqubit\": 3 } ] }" },
        { "unknown root field", Codes.UnknownProperty, "$.swaping", "{\n  \"qpus\": [ { \"id\": \"a\", \"dataQubits\": 2 } ],\n  »\"swaping\": false\n}" },
        { "unknown duration kind", Codes.UnknownProperty, "$.qpus[0].durations.cx", "{ \"qpus\": [ { \"id\": \"a\", \"dataQubits\": 2, \"durations\": { »\"cx\": \"1us\" } } ] }" },
        { "unknown unit", Codes.BadDuration, "$.qpus[0].durations['2q']", "{ \"qpus\": [ { \"id\": \"a\", \"dataQubits\": 2, \"durations\": { \"2q\": »\"300dt\" } } ] }" },
        { "duration without unit", Codes.BadDuration, "$.qpus[0].t1", "{ \"qpus\": [ { \"id\": \"a\", \"dataQubits\": 2, \"t1\": »\"100\" } ] }" },
        { "negative duration", Codes.BadDuration, "$.qpus[0].t2", "{ \"qpus\": [ { \"id\": \"a\", \"dataQubits\": 2, \"t2\": »\"-5us\" } ] }" },
        { "duration as a number", Codes.WrongType, "$.links[0].latency", "{ \"qpus\": [ " + TwoQpus + " ],\n  \"links\": [ { \"between\": [\"a\", \"b\"], \"latency\": »10 } ] }" },
        { "duplicate QPU id", Codes.DuplicateQpu, "$.qpus[1].id", "{ \"qpus\": [\n  { \"id\": \"a\", \"dataQubits\": 1 },\n  { \"id\": »\"a\", \"dataQubits\": 1 } ] }" },
        { "duplicate property", Codes.DuplicateProperty, "$.qpus[0].dataQubits", "{ \"qpus\": [ { \"id\": \"a\", \"dataQubits\": 1, »\"dataQubits\": 2 } ] }" },
        { "link to an unknown QPU", Codes.UnknownQpu, "$.links[0].between[1]", "{ \"qpus\": [ " + TwoQpus + " ],\n  \"links\": [ { \"between\": [\"a\", »\"c\"] } ] }" },
        { "self-link", Codes.SelfLink, "$.links[0].between", "{ \"qpus\": [ " + TwoQpus + " ],\n  \"links\": [ { \"between\": »[\"a\", \"a\"] }, { \"between\": [\"a\", \"b\"] } ] }" },
        { "duplicate link", Codes.DuplicateLink, "$.links[1].between", "{ \"qpus\": [ " + TwoQpus + " ],\n  \"links\": [ { \"between\": [\"a\", \"b\"] },\n { \"between\": »[\"b\", \"a\"] } ] }" },
        { "link with one end", Codes.WrongItemCount, "$.links[0].between", "{ \"qpus\": [ " + TwoQpus + " ],\n  \"links\": [ { \"between\": »[\"a\"] } ] }" },
        { "link without ends", Codes.MissingProperty, "$.links[0]", "{ \"qpus\": [ " + TwoQpus + " ],\n  \"links\": [ »{ } ] }" },
        { "fidelity above 1", Codes.BadFidelity, "$.links[0].eprFidelity", "{ \"qpus\": [ " + TwoQpus + " ],\n  \"links\": [ { \"between\": [\"a\", \"b\"], \"eprFidelity\": »1.5 } ] }" },
        { "fidelity zero", Codes.BadFidelity, "$.links[0].eprFidelity", "{ \"qpus\": [ " + TwoQpus + " ],\n  \"links\": [ { \"between\": [\"a\", \"b\"], \"eprFidelity\": »0 } ] }" },
        { "rate zero", Codes.OutOfRange, "$.links[0].eprRate", "{ \"qpus\": [ " + TwoQpus + " ],\n  \"links\": [ { \"between\": [\"a\", \"b\"], \"eprRate\": »0 } ] }" },
        { "fractional parallel pairs", Codes.WrongType, "$.links[0].parallelPairs", "{ \"qpus\": [ " + TwoQpus + " ],\n  \"links\": [ { \"between\": [\"a\", \"b\"], \"parallelPairs\": »1.5 } ] }" },
        { "swapping as a string", Codes.WrongType, "$.swapping", "{ \"qpus\": [ " + TwoQpus + " ],\n  \"links\": [ { \"between\": [\"a\", \"b\"] } ], \"swapping\": »\"yes\" }" },
        { "disconnected", Codes.Disconnected, "$.links", "{ \"qpus\": [ " + TwoQpus + ", { \"id\": \"c\", \"dataQubits\": 1 } ],\n  \"links\": »[ { \"between\": [\"a\", \"b\"] } ] }" },
        { "several QPUs and no links", Codes.Disconnected, "$", "»{ \"qpus\": [ " + TwoQpus + " ] }" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void EachFaultGetsItsCodePathAndPosition(string name, string code, string path, string marked)
    {
        int at = marked.IndexOf('»', StringComparison.Ordinal);
        Assert.True(at >= 0, name);
        string json = marked.Remove(at, 1);
        string before = json[..at];
        int line = before.Count(c => c == '\n') + 1;
        int column = at - (before.LastIndexOf('\n') + 1) + 1;

        var bag = new DiagnosticBag();
        var topology = TopologyLoader.LoadText(json, "dc.json", bag);

        Assert.Null(topology);
        var error = Assert.Single(bag.Items, d => d.IsError);
        Assert.Equal(code, error.Code);
        Assert.Equal(new SourceLocation("dc.json", line, column, error.Location.Length), error.Location);
        if (path.Length > 0)
        {
            Assert.StartsWith(path + ": ", error.Message, StringComparison.Ordinal);
        }
        Assert.NotNull(error.SourceLine);
    }

    [Fact]
    public void CasesCoverEveryErrorCodeButUnreadableFiles()
    {
        var covered = Cases.Select(row => (string)row[1]).ToHashSet();
        var errorCodes = TopologyDiagnosticCodes.All.Select(c => c.Code)
            .Except([Codes.CannotRead, Codes.NoSwappingNonAdjacent, Codes.UnphysicalCoherence]);
        Assert.Empty(errorCodes.Except(covered));
        Assert.True(Cases.Count() >= 15);
    }

    [Fact]
    public void AllFaultsAreReportedInOneRunSortedByPosition()
    {
        string json = """
            {
              "qpus": [
                { "id": "a", "dataQubits": 0, "platform": "superconductor" },
                { "id": "a", "dataQubits": 2, "t1": "5 parsecs" }
              ],
              "links": [ { "between": ["a", "z"], "eprFidelity": 2 } ],
              "swaping": true
            }
            """;
        var bag = new DiagnosticBag();
        Assert.Null(TopologyLoader.LoadText(json, "dc.json", bag));
        Assert.Equal(
            [Codes.NoCapacity, Codes.NotAllowed, Codes.DuplicateQpu, Codes.BadDuration, Codes.UnknownQpu, Codes.BadFidelity, Codes.UnknownProperty],
            bag.Sorted().Select(d => d.Code));
    }

    [Theory]
    [InlineData("{ \"qpus\": [ { \"id\": \"a\", \"dataqubits\": 1 } ] }", "did you mean 'dataQubits'?")]
    [InlineData("{ \"qpus\": [ { \"id\": \"a\", \"dataQubits\": 1, \"platform\": \"trapped_ion\" } ] }", "did you mean 'trapped-ion'?")]
    [InlineData("{ \"qpus\": [ { \"id\": \"qpu0\", \"dataQubits\": 1 }, { \"id\": \"qpu1\", \"dataQubits\": 1 } ], \"links\": [ { \"between\": [\"qpu0\", \"qpu_1\"] } ] }", "did you mean 'qpu1'?")]
    [InlineData("{ \"qpus\": [ { \"id\": \"a\", \"dataQubits\": 1 } ], \"link\": [] }", "did you mean 'links'?")]
    [InlineData("{ \"qpus\": [ { \"id\": \"a\", \"dataQubits\": 1 } ], \"zzz\": 1 }", "expected one of 'name', 'qpus', 'links', 'swapping'")]
    public void MisspeltNamesGetASuggestion(string json, string expected)
    {
        var bag = new DiagnosticBag();
        TopologyLoader.LoadText(json, "dc.json", bag);
        Assert.Contains(expected, Assert.Single(bag.Items).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SwappingOffWithNonAdjacentQpusWarnsButLoads()
    {
        string json = """
            { "qpus": [ { "id": "a", "dataQubits": 1 }, { "id": "b", "dataQubits": 1 }, { "id": "c", "dataQubits": 1 } ],
              "links": [ { "between": ["a", "b"] }, { "between": ["b", "c"] } ],
              "swapping": false }
            """;
        var bag = new DiagnosticBag();
        Assert.NotNull(TopologyLoader.LoadText(json, "dc.json", bag));
        var warning = Assert.Single(bag.Items);
        Assert.Equal(Codes.NoSwappingNonAdjacent, warning.Code);
        Assert.Contains("a -- c", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CoherenceBeyondTwiceT1Warns()
    {
        var bag = new DiagnosticBag();
        Assert.NotNull(TopologyLoader.LoadText("""{ "qpus": [ { "id": "a", "dataQubits": 1, "t1": "10us", "t2": "30us" } ] }""", "dc.json", bag));
        Assert.Equal(Codes.UnphysicalCoherence, Assert.Single(bag.Items).Code);
    }

    [Fact]
    public void AnUnreadableFileIsADiagnosticNotAnException()
    {
        var bag = new DiagnosticBag();
        Assert.Null(TopologyLoader.Load(Path.Combine(Path.GetTempPath(), "qdc-no-such-dir", "dc.json"), bag));
        Assert.Equal(Codes.CannotRead, Assert.Single(bag.Items).Code);
    }

    [Fact]
    public void DiagnosticsShowTheLineWithACaretUnderTheValue()
    {
        var bag = new DiagnosticBag();
        TopologyLoader.LoadText("{\n  \"qpus\": [ { \"id\": \"a\", \"dataQubits\": \"many\" } ]\n}", "dc.json", bag);
        Assert.Equal(
            "dc.json:2:40: error QDC0502: $.qpus[0].dataQubits: expected an integer, found the string 'many'\n"
            + "    \"qpus\": [ { \"id\": \"a\", \"dataQubits\": \"many\" } ]\n"
            + "                                         ^~~~~~",
            Assert.Single(bag.Items).Format());
    }
}
