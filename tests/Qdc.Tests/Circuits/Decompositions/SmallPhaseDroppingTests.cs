using System.Numerics;
using Qdc.Circuits;
using Qdc.Circuits.Decompositions;
using Qdc.Circuits.Gates;
using Qdc.Tests.TestSupport;

namespace Qdc.Tests.Circuits.Decompositions;

/// <summary>The approximate normalization: which gates go, and that the error bound it reports holds.</summary>
public class SmallPhaseDroppingTests
{
    private static Circuit Build(Action<CircuitBuilder> gates, int qubits = 3)
    {
        var b = new CircuitBuilder();
        b.AddQuantumRegister("q", qubits);
        gates(b);
        return b.Build();
    }

    [Theory]
    [InlineData("cp", 0.3, 0.3)]
    [InlineData("cp", -0.3, 0.3)]
    [InlineData("crz", 0.3, 0.3)]
    [InlineData("rzz", 0.3, 0.3)]
    [InlineData("cp", (2 * Math.PI) - 0.01, 0.01)]
    public void ThePhaseSpanIsTheShortestArcHoldingTheDiagonal(string name, double angle, double span)
    {
        Assert.Equal(span, SmallPhaseDropping.PhaseSpan(Gate.Create(name, angle).Matrix), 12);
    }

    [Fact]
    public void CzSpansHalfTheCircle() => Assert.Equal(Math.PI, SmallPhaseDropping.PhaseSpan(Gate.Create("cz").Matrix), 12);

    [Fact]
    public void OnlySmallTwoQubitDiagonalsGo()
    {
        var c = Build(b => b
            .Gate("cp", [1e-6], 0, 1)
            .Gate("rzz", [-2e-6], 1, 2)
            .Gate("cp", [0.5], 0, 2)
            .Gate("p", [1e-6], 0)
            .Gate("cx", 0, 1)
            .Gate("cp", [(2 * Math.PI) - 1e-7], 2, 0));
        var n = Normalizer.ToBasis(c, 1e-5, out var approximation);
        Assert.Equal(["cp", "p", "cx"], n.Operations.OfType<GateOperation>().Select(g => g.Gate.Name));
        Assert.Equal(0.5, n.Operations.OfType<GateOperation>().First().Gate.Parameters[0]);
        Assert.Equal(3, approximation.DroppedGates);
        Assert.Equal(2 * (Math.Sin(1e-6 / 4) + Math.Sin(2e-6 / 4) + Math.Sin(1e-7 / 4)), approximation.ErrorBound, 15);
        Assert.False(approximation.IsExact);
    }

    [Fact]
    public void ZeroKeepsTheCircuitExact()
    {
        var c = Build(b => b.Gate("cp", [1e-14], 0, 1).Gate("h", 0));
        var n = Normalizer.ToBasis(c, 0, out var approximation);
        Assert.Same(Approximation.Exact, approximation);
        Assert.Equal(Normalizer.ToBasis(c).Operations.ToArray(), n.Operations.ToArray());
        Assert.Contains(n.Operations.OfType<GateOperation>(), g => g.Gate.Name == "cp");
    }

    /// <summary>
    /// On random QFT-like circuits the exact and approximate unitaries differ, and by no more
    /// than the bound, once the approximation takes the global phase of the dropped gates' mid-span.
    /// </summary>
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void TheErrorBoundHolds(int seed)
    {
        var rng = new SplitMix64((ulong)seed);
        var c = Build(b =>
        {
            for (int i = 0; i < 30; i++)
            {
                int a = rng.Next(4), t = (a + 1 + rng.Next(3)) % 4;
                if (i % 3 == 0)
                {
                    b.Gate("h", a);
                }
                b.Gate("cp", [rng.NextDouble() * 0.4], a, t);
            }
        }, qubits: 4);
        var n = Normalizer.ToBasis(c, 0.2, out var approximation);
        Assert.InRange(approximation.DroppedGates, 1, 29);
        double midSpans = c.Operations.OfType<GateOperation>().Where(g => g.Gate.Name == "cp" && g.Gate.Parameters[0] < 0.2).Sum(g => g.Gate.Parameters[0] / 2);
        var exact = Unitaries.Of(c);
        var approximate = Unitaries.Of(n) * Complex.FromPolarCoordinates(1, midSpans);
        double distance = (exact - approximate).L2Norm();
        Assert.True(distance <= approximation.ErrorBound + 1e-12, $"{distance} > {approximation.ErrorBound}");
        Assert.True(distance > approximation.ErrorBound / 100, "the approximation changed nothing measurable");
    }
}
