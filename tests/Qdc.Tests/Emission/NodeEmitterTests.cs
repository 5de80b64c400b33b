using Qdc.Circuits;
using Qdc.Circuits.Diagnostics;
using Qdc.Compiler.Distribution;
using Qdc.Compiler.Emission;
using Qdc.Compiler.Partitioning;
using Qdc.Compiler.Topology;
using Qdc.Qasm;
using Qdc.Qasm.NodePrograms;
using QdcTopology = Qdc.Compiler.Topology.Topology;

namespace Qdc.Tests.Emission;

/// <summary>What the emitter writes for cross-QPU classical conditions and for native sets that fall short.</summary>
public class NodeEmitterTests
{
    private static QdcTopology Two(string[] natives) => new(
        "two",
        [Qpu.FromPreset("a", 2, Platform.Generic) with { NativeGates = [.. natives] }, Qpu.FromPreset("b", 2, Platform.Generic) with { NativeGates = [.. natives] }],
        [Link.WithDefaults(0, 1)],
        Swapping: true);

    /// <summary>q0, q1 on QPU a and q2, q3 on b: a measures, b uses the bit.</summary>
    private static Circuit MeasureHereUseThere()
    {
        const string text = "OPENQASM 3.0;\ninclude \"stdgates.inc\";\nqubit[4] q;\nbit[4] c;\ncx q[0], q[1];\ncx q[2], q[3];\nh q[0];\n"
            + "c[0] = measure q[0];\nif (c[0]) x q[2];\nif (c[0]) z q[3];\nc[1] = measure q[1];\n";
        return QasmFrontEnd.LoadText(text, "cond.qasm", QasmOptions.Default, new DiagnosticBag())!;
    }

    private static DistributedProgram Lowered(Circuit source, QdcTopology topology, int[] qpuOf)
    {
        var normalized = Qdc.Circuits.Decompositions.Normalizer.ToBasis(source);
        var graph = CircuitHypergraph.Build(normalized);
        var gates = graph.GateOperation.Select(op =>
        {
            var qs = normalized.Operations[op].Qubits;
            return new GatePlacement(op, qpuOf[qs[0]], qpuOf[qs[0]] == qpuOf[qs[1]] ? GateRealization.Local : GateRealization.Telegate);
        }).ToArray();
        var loads = Enumerable.Range(0, topology.QpuCount).Select(p => (long)qpuOf.Count(x => x == p));
        return Distributor.Lower(new Placement(normalized, [.. qpuOf], [.. gates], 0, [.. loads], graph), topology);
    }

    [Fact]
    public void ABitMeasuredOnOneQpuAndUsedOnAnotherTravelsOnceAsAMessage()
    {
        var program = Lowered(MeasureHereUseThere(), Two(["u", "cx"]), [0, 0, 1, 1]);
        var bag = new DiagnosticBag();
        var nodes = NodeEmitter.Emit(program, Two(["u", "cx"]), bag).Select(NodeFixtures.Parse).ToList();
        Assert.False(bag.HasErrors);
        var (a, b) = (nodes[0], nodes[1]);
        var send = Assert.Single(a.Calls, c => c.Kind == NetworkCallKind.Send);
        var recv = Assert.Single(b.Calls, c => c.Kind == NetworkCallKind.Recv);
        Assert.Equal((0, 1, 0, 0), (send.Bit, send.Peer, recv.Peer, recv.Bit));
        Assert.Equal(send.Tag, recv.Tag);
        // The send follows the measurement of c[0]; the recv comes before b's first conditioned gate.
        Assert.Equal(a.Circuit.Operations.ToList().FindIndex(o => o is MeasureOperation { Clbit: 0 }) + 1, send.Position);
        Assert.Equal(b.Circuit.Operations.ToList().FindIndex(o => o.Condition is not null), recv.Position);
        Assert.Equal([0, 1], a.Header.Writes.ToArray());
        Assert.Empty(b.Header.Writes);

        // Joined, both of b's conditions read the very clbit a's measurement wrote.
        var (joined, diagnostics) = NodeFixtures.Join(nodes.Zip(NodeEmitter.Emit(program, Two(["u", "cx"]), bag)).Select(x => (x.Second.FileName, x.Second.Text)));
        Assert.False(diagnostics.HasErrors);
        var ops = joined!.Circuit.Operations;
        int measured = ops.OfType<MeasureOperation>().First().Clbit;
        var conditioned = ops.Where(o => o.Condition is not null).ToList();
        Assert.Equal(2, conditioned.Count);
        Assert.All(conditioned, o => Assert.Equal([measured], o.Condition!.Clbits.ToArray()));
    }

    [Theory]
    [InlineData(new[] { "rz", "cz" }, "cannot express the one-qubit gate")]
    [InlineData(new[] { "u", "swap" }, "have no two-qubit gate (cx, cz or rzz)")]
    public void NativeGatesThatFallShortAreADiagnostic(string[] natives, string message)
    {
        var source = QasmFrontEnd.LoadText("OPENQASM 3.0;\ninclude \"stdgates.inc\";\nqubit[4] q;\nh q[0];\ncx q[0], q[2];\ncx q[1], q[3];\n", "x.qasm", QasmOptions.Default, new DiagnosticBag())!;
        var topology = Two(natives);
        var program = Lowered(source, topology, [0, 0, 1, 1]);
        var bag = new DiagnosticBag();
        Assert.Empty(NodeEmitter.Emit(program, topology, bag));
        Assert.All(bag.Items, d => Assert.Equal((EmissionCodes.NotExpressible, "two"), (d.Code, d.Location.Path)));
        Assert.Contains(bag.Items, d => d.Message.Contains(message, StringComparison.Ordinal));
    }
}
