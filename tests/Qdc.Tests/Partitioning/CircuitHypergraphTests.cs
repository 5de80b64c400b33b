using Qdc.Circuits;
using Qdc.Compiler.Partitioning;

namespace Qdc.Tests.Partitioning;

public class CircuitHypergraphTests
{
    private static string[] Nets(CircuitHypergraph h) =>
        [.. Enumerable.Range(0, h.Graph.NetCount).Select(e => string.Join(" ", h.Graph.Pins(e).ToArray()))];

    private static CircuitBuilder Qubits(int n)
    {
        var b = new CircuitBuilder();
        b.AddQuantumRegister("q", n);
        return b;
    }

    [Fact]
    public void CxControlsShareOneRunAndTargetsTheirOwn()
    {
        // Gates are vertices 3 (cx 0,1) and 4 (cx 0,2).
        var h = CircuitHypergraph.Build(Qubits(3).Gate("h", 0).Gate("cx", 0, 1).Gate("cx", 0, 2).Build());
        Assert.Equal(["0 3 4", "1 3", "2 4"], Nets(h));
        Assert.Equal([1, 2], h.GateOperation.ToArray());
        Assert.Equal([1, 1, 1, 0, 0], h.Graph.VertexWeights.ToArray());
    }

    [Fact]
    public void EachGateKnowsItsOperandsAndTheirRuns()
    {
        // cx 1,0 then h 1 (breaks qubit 1's control run) then cz 1,2: gate vertices 3 and 4.
        var h = CircuitHypergraph.Build(Qubits(3).Gate("cx", 1, 0).Gate("h", 1).Gate("cz", 1, 2).Build());
        Assert.Equal([1, 0, 1, 2], h.GateQubits.ToArray());
        for (int slot = 0; slot < h.GateNets.Length; slot++)
        {
            int net = h.GateNets[slot];
            Assert.Equal(h.GateQubits[slot], h.NetQubit[net]);
            Assert.Contains(h.GateVertex(slot / 2), h.Graph.Pins(net).ToArray());
        }
        Assert.NotEqual(h.GateNets[0], h.GateNets[2]);
    }

    [Fact]
    public void CxTargetsOnOneQubitShareARun()
    {
        var h = CircuitHypergraph.Build(Qubits(3).Gate("cx", 0, 2).Gate("cx", 1, 2).Build());
        Assert.Equal(["0 3", "1 4", "2 3 4"], Nets(h));
        Assert.Equal([InteractionKind.Diagonal, InteractionKind.Diagonal, InteractionKind.XType], h.NetKind.ToArray());
        Assert.Equal([0, 1, 2], h.NetQubit.ToArray());
    }

    [Fact]
    public void CxChainSplitsTheMiddleQubitBetweenTargetAndControl()
    {
        var h = CircuitHypergraph.Build(Qubits(3).Gate("cx", 0, 1).Gate("cx", 1, 2).Build());
        Assert.Equal(["1 3", "0 3", "1 4", "2 4"], Nets(h));
    }

    [Fact]
    public void CpLadderIsOneRunPerQubitUntilAHadamard()
    {
        var h = CircuitHypergraph.Build(Qubits(3)
            .Gate("cp", [0.5], 0, 1).Gate("rz", [0.1], 0).Gate("cz", 0, 2).Gate("t", 1).Gate("rzz", [0.3], 1, 2)
            .Gate("h", 0).Gate("cp", [0.2], 0, 1)
            .Build());
        // Gates: 3 = cp(0,1), 4 = cz(0,2), 5 = rzz(1,2), 6 = cp(0,1) after h on q0.
        Assert.Equal(["0 3 4", "0 6", "1 3 5 6", "2 4 5"], Nets(h));
    }

    [Fact]
    public void XTypeAndDiagonalRunsNeverMerge()
    {
        var h = CircuitHypergraph.Build(Qubits(3).Gate("cx", 1, 0).Gate("cz", 0, 2).Build());
        Assert.Equal(["0 3", "0 4", "1 3", "2 4"], Nets(h));
    }

    [Fact]
    public void WithoutEmbeddingAnAnticommutingGateEndsTheRun()
    {
        // x anticommutes with the cz run on qubit 0 (gates 2 and 3): embedded, one run; not, two.
        var circuit = Qubits(2).Gate("cz", 0, 1).Gate("x", 0).Gate("cz", 0, 1).Build();
        Assert.Contains("0 2 3", Nets(CircuitHypergraph.Build(circuit)));
        var plain = Nets(CircuitHypergraph.Build(circuit, embed: false));
        Assert.Contains("0 2", plain);
        Assert.Contains("0 3", plain);
        // A commuting gate never ends it.
        Assert.Contains("0 2 3", Nets(CircuitHypergraph.Build(Qubits(2).Gate("cz", 0, 1).Gate("t", 0).Gate("cz", 0, 1).Build(), embed: false)));
    }

    [Fact]
    public void DiagonalGateBreaksAnXRunButXDoesNot()
    {
        var h = CircuitHypergraph.Build(Qubits(3).Gate("cx", 1, 0).Gate("x", 0).Gate("cx", 2, 0).Gate("rz", [0.4], 0).Gate("cx", 1, 0).Build());
        Assert.Contains("0 3 4", Nets(h));
        Assert.Contains("0 5", Nets(h));
    }

    [Fact]
    public void SwapStandsAloneAndMeasureBreaksButBarrierDoesNot()
    {
        var b = Qubits(2);
        b.AddClassicalRegister("c", 1);
        var h = CircuitHypergraph.Build(b.Gate("cz", 0, 1).Barrier(0, 1).Gate("cz", 0, 1).Gate("swap", 0, 1).Gate("cz", 0, 1).Measure(0, 0).Gate("cz", 0, 1).Build());
        // Gates 2, 3 = cz, 4 = swap, 5 = cz, 6 = cz after measuring q0.
        Assert.Equal(["0 2 3", "0 4", "1 2 3", "1 4", "0 5", "0 6", "1 5 6"], Nets(h));
        Assert.Equal(InteractionKind.Other, h.NetKind[1]);
    }

    [Fact]
    public void ThreeQubitGatesAreRejected()
    {
        Assert.Throws<ArgumentException>(() => CircuitHypergraph.Build(Qubits(3).Gate("ccx", 0, 1, 2).Build()));
    }

    [Fact]
    public void ExportWritesVertexWeights()
    {
        var h = CircuitHypergraph.Build(Qubits(2).Gate("cz", 0, 1).Build());
        Assert.Equal("2 3 10\n1 3\n2 3\n1\n1\n0\n", HmetisWriter.ToText(h.Graph, forceVertexWeights: true));
    }
}
