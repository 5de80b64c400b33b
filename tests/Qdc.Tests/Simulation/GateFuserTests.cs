using Qdc.Circuits.Gates;
using Qdc.Simulation;

namespace Qdc.Tests.Simulation;

[Collection(SimulationSwitches.Name)]
public class GateFuserTests
{
    private static CompiledGate G(string name, params int[] qubits) =>
        CompiledGate.From(RandomCircuits.RandomGate(name, new Random(qubits.Sum() + name.Length)), qubits);

    [Fact]
    public void CheapKernelsStayOutOfDenseBlocks()
    {
        // h·rx merge (one dense 2×2 for two); the cx and cz beside them touch only part of the state, for
        // less than merging costs, even into the two-term kernel.
        var gates = new[] { G("h", 4), G("rx", 4), G("cx", 4, 5), G("cz", 5, 6) };
        var fused = GateFuser.Fuse(gates, 4);
        Assert.Equal([1, 2, 2], fused.Select(g => g.Qubits.Length));
        Assert.Equal([GateKernelKind.Pair, GateKernelKind.Swap, GateKernelKind.Diagonal], fused.Select(g => g.KernelKind));
        Assert.Single(Widest(gates, 4));
        AssertSameState(gates, fused, 7);
    }

    [Fact]
    public void OneQubitGatesJoinADiagonalOnTheirPairAtOneQubitCost()
    {
        // rx·rzz·rz on one pair is two 2×2 blocks up to row order: the two-term kernel, one sweep for three.
        var gates = new[] { G("rx", 4), G("rzz", 4, 5), G("rz", 5) };
        var fused = GateFuser.Fuse(gates, 4);
        Assert.True(Assert.Single(fused).TwoTerm);
        AssertSameState(gates, fused, 7);
    }

    [Fact]
    public void DenseGatesOnOnePairMergeButAThirdQubitWouldCostMore()
    {
        // Gates on the same two qubits share one 4×4 sweep; an 8×8 sweep costs more than two 4×4 ones.
        var same = new[] { G("rxx", 4, 5), G("u3", 4), G("rxx", 4, 5) };
        var fused = GateFuser.Fuse(same, 4);
        Assert.Equal([4, 5], Assert.Single(fused).Qubits);
        AssertSameState(same, fused, 6);
        var chain = new[] { G("rxx", 4, 5), G("rxx", 5, 6) };
        fused = GateFuser.Fuse(chain, 4);
        Assert.Equal([2, 2], fused.Select(g => g.Qubits.Length));
        Assert.Single(Widest(chain, 4));
        AssertSameState(chain, fused, 7);
    }

    [Fact]
    public void DiagonalsMergeWhenNoneIsCheaperAlone()
    {
        // rz and p change every amplitude; merged they still do it in one sweep.
        var gates = new[] { G("rz", 4), G("p", 4), G("rzz", 4, 5) };
        var fused = GateFuser.Fuse(gates, 4);
        Assert.Equal(GateKernelKind.Diagonal, Assert.Single(fused).KernelKind);
        AssertSameState(gates, fused, 6);
    }

    [Fact]
    public void ABlockSealedOnOneQubitTakesLaterGatesOnItsOthers()
    {
        // The cz stays a cheap diagonal after the rxx block; the u3 on qubit 4 still joins that block.
        var gates = new[] { G("rxx", 4, 5), G("cz", 5, 6), G("u3", 4), G("u3", 5) };
        var fused = GateFuser.Fuse(gates, 4);
        Assert.Equal([GateKernelKind.Dense, GateKernelKind.Diagonal, GateKernelKind.Pair], fused.Select(g => g.KernelKind));
        Assert.Equal([4, 5], fused[0].Qubits);
        AssertSameState(gates, fused, 7);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void RandomRunsFuseToTheSameState(int maxQubits)
    {
        // Gates of every arity, with wide ones that no block takes, both with and without the cost model.
        var rng = new Random(40 + maxQubits);
        var gates = new List<CompiledGate>();
        for (int i = 0; i < 300; i++)
        {
            var gate = RandomCircuits.RandomGate(RandomCircuits.GateNames[rng.Next(RandomCircuits.GateNames.Length)], rng);
            gates.Add(CompiledGate.From(gate, RandomCircuits.RandomQubits(8, gate.Matrix.Qubits, rng)));
        }
        var fused = GateFuser.Fuse(gates, maxQubits);
        Assert.True(fused.Count < gates.Count);
        AssertSameState(gates, fused, 8);
        AssertSameState(gates, Widest([.. gates], maxQubits), 8);
    }

    private static List<CompiledGate> Widest(CompiledGate[] gates, int maxQubits)
    {
        GateFuser.CostAware = false;
        try
        {
            return GateFuser.Fuse(gates, maxQubits);
        }
        finally
        {
            GateFuser.CostAware = true;
        }
    }

    private static void AssertSameState(IEnumerable<CompiledGate> unfused, IEnumerable<CompiledGate> fused, int n)
    {
        var start = DenseReference.RandomState(n, new Random(n));
        var a = StateVector.FromAmplitudes(start.ToArray(), threads: 1);
        var b = StateVector.FromAmplitudes(start.ToArray(), threads: 1);
        foreach (var g in unfused)
        {
            g.Apply(a);
        }
        foreach (var g in fused)
        {
            g.Apply(b);
        }
        Assert.True(DenseReference.MaxDistance(MathNet.Numerics.LinearAlgebra.Vector<System.Numerics.Complex>.Build.DenseOfArray(a.Amplitudes.ToArray()), b.Amplitudes) < 1e-12);
    }
}
