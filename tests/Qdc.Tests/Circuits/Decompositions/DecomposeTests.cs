using System.Numerics;
using MathNet.Numerics.LinearAlgebra;
using Qdc.Circuits;
using Qdc.Circuits.Decompositions;
using Qdc.Circuits.Gates;
using Qdc.Tests.TestSupport;

namespace Qdc.Tests.Circuits.Decompositions;

public class DecomposeTests
{
    internal static Matrix<Complex> UnitaryOf(Decomposition d, int n)
    {
        var b = new CircuitBuilder();
        b.AddQuantumRegister("q", n);
        foreach (var op in d.Operations)
        {
            b.Add(op);
        }
        b.GlobalPhase = d.GlobalPhase;
        return Unitaries.Of(b.Build());
    }

    internal static Matrix<Complex> UnitaryOf(GateMatrix m, int[] qubits, int n) => Unitaries.Embed(Unitaries.FromGate(m), qubits, n);

    private static GateMatrix RandomOneQubit(SplitMix64 rng) =>
        GateLibrary.U(rng.NextAngle(), rng.NextAngle(), rng.NextAngle()).Scale(Complex.FromPolarCoordinates(1, rng.NextAngle()));

    [Fact]
    public void CxAndCzConvertIntoEachOther()
    {
        Unitaries.AssertEqual(UnitaryOf(GateLibrary.X.Controlled(1), [2, 0], 3), UnitaryOf(Decompose.CxViaCz(2, 0), 3));
        Unitaries.AssertEqual(UnitaryOf(GateLibrary.Z.Controlled(1), [1, 2], 3), UnitaryOf(Decompose.CzViaCx(1, 2), 3));
        Assert.Equal(["h", "cz", "h"], Decompose.CxViaCz(0, 1).Operations.Select(o => o.Gate.Name));
    }

    [Fact]
    public void SwapIsThreeCx()
    {
        var d = Decompose.Swap(0, 2);
        Assert.Equal(3, d.Operations.Length);
        Assert.All(d.Operations, o => Assert.Equal("cx", o.Gate.Name));
        Unitaries.AssertEqual(UnitaryOf(GateLibrary.Swap, [0, 2], 3), UnitaryOf(d, 3));
    }

    [Fact]
    public void CcxIsTheSixCxNetworkExactly()
    {
        var d = Decompose.Ccx(2, 0, 1);
        Assert.Equal(6, d.Operations.Count(o => o.Gate.Name == "cx"));
        Assert.Equal(0, d.GlobalPhase);
        Unitaries.AssertEqual(UnitaryOf(GateLibrary.X.Controlled(2), [2, 0, 1], 3), UnitaryOf(d, 3));
    }

    [Fact]
    public void OneQubitAndControlledUAreExactWithPhase()
    {
        var rng = new SplitMix64(5);
        for (int i = 0; i < 100; i++)
        {
            var u = RandomOneQubit(rng);
            Unitaries.AssertEqual(UnitaryOf(u, [1], 2), UnitaryOf(Decompose.OneQubit(u, 1), 2));
            var d = Decompose.Controlled(u, 1, 0);
            Assert.Equal(2, d.Operations.Count(o => o.Gate.Name == "cx"));
            Unitaries.AssertEqual(UnitaryOf(u.Controlled(1), [1, 0], 2), UnitaryOf(d, 2));
        }
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void MultiControlledUIsExact(int controls)
    {
        var rng = new SplitMix64((ulong)controls);
        int n = controls + 1;
        foreach (var u in new[] { GateLibrary.X, RandomOneQubit(rng), RandomOneQubit(rng) })
        {
            // Shuffled operands: the target in the middle, the controls out of order.
            int[] order = [.. Enumerable.Range(0, n).Reverse()];
            (order[0], order[n / 2]) = (order[n / 2], order[0]);
            var d = Decompose.MultiControlled(u, order[..^1], order[^1]);
            Assert.All(d.Operations, o => Assert.True(o.Gate.QubitCount == 1 || o.Gate.Name == "cx", o.ToString()));
            Unitaries.AssertEqual(UnitaryOf(u.Controlled(controls), order, n), UnitaryOf(d, n));
        }
    }

    [Fact]
    public void ConditionsAreCopiedToEveryProducedGate()
    {
        var cond = new Condition([0, 1], 2);
        var d = Decompose.ToBasis(new GateOperation(Gate.Create("cswap"), [0, 1, 2], cond));
        Assert.NotEmpty(d.Operations);
        Assert.All(d.Operations, o => Assert.Same(cond, o.Condition));
    }
}
