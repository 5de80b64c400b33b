using Qdc.Circuits.Diagnostics;
using Qdc.Compiler.Topology;
using Qdc.Tests.TestSupport;
using QdcTopology = Qdc.Compiler.Topology.Topology;

namespace Qdc.Tests.Topology;

public class TopologyLoaderTests
{
    private static QdcTopology Load(string json)
    {
        var bag = new DiagnosticBag();
        var topology = TopologyLoader.LoadText(json, "dc.json", bag);
        Assert.Empty(bag.Items);
        return Assert.IsType<QdcTopology>(topology);
    }

    [Fact]
    public void OmittedFieldsTakeTheDocumentedDefaults()
    {
        var t = Load("""{ "qpus": [ { "id": "a", "dataQubits": 3 }, { "id": "b", "dataQubits": 5 } ], "links": [ { "between": ["a", "b"] } ] }""");
        Assert.Equal("dc", t.Name);
        Assert.True(t.Swapping);
        var a = t.Qpus[0];
        Assert.Equal(("a", 3, 2, Platform.Generic), (a.Id, a.DataQubits, a.CommQubits, a.Platform));
        Assert.Equal(["u", "cx"], a.NativeGates.ToArray());
        Assert.Equal(PlatformPreset.Superconducting.Durations, a.Durations);
        var link = Assert.Single(t.Links);
        Assert.Equal(new Link(0, 1, 1000, 1.0, 0, 1), link);
        Assert.Equal(8, t.TotalDataQubits);
    }

    [Theory]
    [InlineData("superconducting", Platform.Superconducting, 30e-9, 300e-9, 1e-6, 100e-6)]
    [InlineData("trapped-ion", Platform.TrappedIon, 10e-6, 200e-6, 100e-6, 10)]
    [InlineData("neutral-atom", Platform.NeutralAtom, 1e-6, 1e-6, 1e-3, 10)]
    public void PlatformPresetsFillGatesAndTimings(string name, Platform platform, double oneQ, double twoQ, double measure, double t1)
    {
        var q = Load($$"""{ "qpus": [ { "id": "a", "dataQubits": 1, "platform": "{{name}}" } ] }""").Qpus[0];
        Assert.Equal(platform, q.Platform);
        Assert.Equal(PlatformPreset.For(platform).NativeGates, q.NativeGates);
        Assert.Equal((oneQ, twoQ, measure, t1), (q.Durations.OneQubit, q.Durations.TwoQubit, q.Durations.Measure, q.T1));
        Assert.True(q.T2 <= 2 * q.T1);
    }

    [Fact]
    public void ExplicitFieldsOverrideThePresetOneByOne()
    {
        var q = Load("""
            { "qpus": [ { "id": "ion", "dataQubits": 2, "commQubits": 1, "platform": "trapped-ion",
                          "nativeGates": ["rz", "ms"], "durations": { "2q": "120us" }, "t2": "500ms" } ] }
            """).Qpus[0];
        Assert.Equal(1, q.CommQubits);
        Assert.Equal(["rz", "ms"], q.NativeGates.ToArray());
        Assert.Equal(new QpuDurations(10e-6, 120e-6, 100e-6, 50e-6), q.Durations);
        Assert.Equal((10.0, 0.5), (q.T1, q.T2));
    }

    [Fact]
    public void LoweringT1AloneKeepsThePresetT2Physical()
    {
        var q = Load("""{ "qpus": [ { "id": "a", "dataQubits": 1, "platform": "superconducting", "t1": "20us" } ] }""").Qpus[0];
        Assert.Equal((20e-6, 40e-6), (q.T1, q.T2));
    }

    [Fact]
    public void CapacitiesFollowQpuOrder()
    {
        var t = Load("""{ "qpus": [ { "id": "a", "dataQubits": 3 }, { "id": "b", "dataQubits": 7 } ], "links": [ { "between": ["a", "b"] } ] }""");
        Assert.Equal([3, 7], t.Capacities.ToArray());
        Assert.Equal((0, 1, -1), (t.IndexOf("a"), t.IndexOf("b"), t.IndexOf("c")));
    }

    [Fact]
    public void LinkFieldsAreReadWithUnits()
    {
        var t = Load("""
            { "name": "pair", "swapping": false,
              "qpus": [ { "id": "a", "dataQubits": 1 }, { "id": "b", "dataQubits": 1 } ],
              "links": [ { "between": ["b", "a"], "eprRate": 2500.5, "eprFidelity": 0.9, "latency": "1.5ms", "parallelPairs": 3 } ] }
            """);
        Assert.Equal("pair", t.Name);
        Assert.False(t.Swapping);
        Assert.Equal(new Link(1, 0, 2500.5, 0.9, 1.5e-3, 3), t.Links[0]);
        Assert.True(t.IsAllToAll);
    }

    [Fact]
    public void CommentsAndAByteOrderMarkAreAccepted()
    {
        var bag = new DiagnosticBag();
        byte[] bytes = [0xEF, 0xBB, 0xBF, .. System.Text.Encoding.UTF8.GetBytes("// hand-written\n{ \"qpus\": [ { \"id\": \"a\", /* one */ \"dataQubits\": 1 } ] }")];
        Assert.NotNull(TopologyLoader.LoadBytes(bytes, "x.json", bag));
        Assert.Empty(bag.Items);
    }

    [Fact]
    public void ColumnsCountCharactersNotBytes()
    {
        var bag = new DiagnosticBag();
        TopologyLoader.LoadText("{ \"name\": \"µ-dc\", \"qpus\": [], \"x\": 1 }", "dc.json", bag);
        var unknown = Assert.Single(bag.Items, d => d.Code == TopologyDiagnosticCodes.UnknownProperty);
        Assert.Equal(31, unknown.Location.Column); // 32 if bytes were counted
    }

    [Theory]
    [InlineData("examples/dc4.json", 4, 6, 24, true)]
    [InlineData("examples/line4.json", 4, 3, 24, false)]
    [InlineData("examples/mixed.json", 4, 4, 24, false)]
    public void ExampleTopologiesLoadCleanly(string file, int qpus, int links, int capacity, bool allToAll)
    {
        var bag = new DiagnosticBag();
        var t = TopologyLoader.Load(Path.Combine(RepoPaths.Root, file), bag);
        Assert.Empty(bag.Items);
        Assert.NotNull(t);
        Assert.Equal((qpus, links, capacity, allToAll), (t.QpuCount, t.Links.Length, t.TotalDataQubits, t.IsAllToAll));
        Assert.True(t.TotalDataQubits >= 16, "a 16-qubit circuit (qft16) must fit");
    }

    [Fact]
    public void MixedExampleHasBothPlatformsWithRealisticLinks()
    {
        var t = TopologyLoader.Load(Path.Combine(RepoPaths.Root, "examples", "mixed.json"), new DiagnosticBag())!;
        Assert.Equal(2, t.Qpus.Count(q => q.Platform == Platform.Superconducting));
        Assert.Equal(2, t.Qpus.Count(q => q.Platform == Platform.TrappedIon));
        Assert.All(t.Links, l => Assert.Equal((1000.0, 10e-6), (l.EprRate, l.Latency)));
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(1, 2)]
    [InlineData(16, 5)]
    [InlineData(17, 6)]
    [InlineData(100, 26)]
    public void DefaultTopologyIsFourAllToAllQpusSizedToTheCircuit(int qubits, int perQpu)
    {
        var t = QdcTopology.DefaultFor(qubits);
        Assert.Equal(4, t.QpuCount);
        Assert.All(t.Qpus, q => Assert.Equal((perQpu, Platform.Superconducting), (q.DataQubits, q.Platform)));
        Assert.True(t.IsAllToAll);
        Assert.Equal(6, t.Links.Length);
        Assert.True(t.TotalDataQubits >= qubits + 4);
        Assert.Equal(["qpu0", "qpu1", "qpu2", "qpu3"], t.Qpus.Select(q => q.Id));
    }

    [Fact]
    public void SchemaIsValidJsonAndDescribesEveryTopLevelField()
    {
        using var doc = System.Text.Json.JsonDocument.Parse(TopologySchema.Text);
        var props = doc.RootElement.GetProperty("properties").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Equal(["$schema", "name", "qpus", "links", "swapping"], props);
        Assert.EndsWith("}\n", TopologySchema.Text, StringComparison.Ordinal);
    }
}
