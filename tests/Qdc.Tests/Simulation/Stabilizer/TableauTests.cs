using System.Numerics;
using Qdc.Circuits;
using Qdc.Circuits.Gates;
using Qdc.Simulation;
using Qdc.Simulation.Stabilizer;
using Qdc.Tests.TestSupport;

namespace Qdc.Tests.Simulation.Stabilizer;

/// <summary>The tableau against the statevector simulator on random Clifford circuits with mid-circuit measurements.</summary>
public class TableauTests
{
    [Fact]
    public void RandomCliffordCircuitsGiveTheStatevectorsStabilizers()
    {
        int randomMeasurements = 0, determinedMeasurements = 0;
        for (ulong seed = 0; seed < 60; seed++)
        {
            var rng = new SplitMix64(seed + 900);
            int n = 1 + rng.Next(8);
            var state = StateVector.Zero(n, 1);
            var tableau = new Tableau(n);
            for (int step = 0; step < 40; step++)
            {
                if (rng.Chance(0.12))
                {
                    int q = rng.Next(n);
                    double p1 = state.ProbabilityOfOne(q);
                    bool determined = p1 < 1e-9 || p1 > 1 - 1e-9;
                    Assert.Equal(determined, tableau.IsDeterministic(q));
                    int forced = rng.Next(2);
                    int outcome = tableau.Measure(q, forced, out bool wasRandom);
                    Assert.Equal(!determined, wasRandom);
                    if (determined)
                    {
                        Assert.Equal(p1 > 0.5 ? 1 : 0, outcome);
                        determinedMeasurements++;
                    }
                    else
                    {
                        Assert.Equal(forced, outcome);
                        Assert.Equal(0.5, p1, 9);
                        state.Collapse(q, outcome, outcome == 1 ? p1 : 1 - p1);
                        randomMeasurements++;
                    }
                    continue;
                }
                var g = RandomCliffords.NextGate(rng, n);
                var op = new GateOperation(g, [.. TestSupport.RandomCircuits.Distinct(rng, n, g.QubitCount)]);
                state.Apply(op);
                var program = CliffordProgram.TryCompile(Single(n, op), out int bad);
                Assert.True(program is not null, $"{op} should be Clifford");
                program!.Run(tableau, [], new Xoshiro256(0), out _);
            }
            AssertStabilizes(tableau, state, $"seed {seed}");
        }
        Assert.True(randomMeasurements > 50 && determinedMeasurements > 50, $"{randomMeasurements} random, {determinedMeasurements} determined");
    }

    /// <summary>The same on qubits spread over several 64-bit words of a wide tableau, the rest left in |0⟩.</summary>
    [Fact]
    public void WideTableausAgreeAcrossWordBoundaries()
    {
        int[] spread = [3, 63, 64, 65, 127, 128, 130, 199];
        for (ulong seed = 0; seed < 30; seed++)
        {
            var rng = new SplitMix64(seed + 5100);
            int n = 2 + rng.Next(7);
            var state = StateVector.Zero(n, 1);
            var tableau = new Tableau(200);
            for (int step = 0; step < 40; step++)
            {
                if (rng.Chance(0.1))
                {
                    int q = rng.Next(n);
                    double p1 = state.ProbabilityOfOne(q);
                    int outcome = tableau.Measure(spread[q], rng.Next(2), out bool wasRandom);
                    Assert.Equal(p1 is > 1e-9 and < 1 - 1e-9, wasRandom);
                    state.Collapse(q, outcome, outcome == 1 ? p1 : 1 - p1);
                    continue;
                }
                var g = RandomCliffords.NextGate(rng, n);
                var qs = TestSupport.RandomCircuits.Distinct(rng, n, g.QubitCount);
                state.Apply(new GateOperation(g, [.. qs]));
                var wide = new CircuitBuilder();
                wide.AddQuantumRegister("q", 200);
                wide.Add(new GateOperation(g, [.. qs.Select(q => spread[q])]));
                CliffordProgram.TryCompile(wide.Build(), out _)!.Run(tableau, [], new Xoshiro256(0), out _);
            }
            var group = StabilizerGroup.Restricted(tableau, spread[..n]);
            Assert.True(group.IsComplete, $"seed {seed}: the other qubits should stay a product");
            AssertStabilizes(group, state, $"seed {seed}");
        }
    }

    [Fact]
    public void ResetGivesZeroAndForcedOutcomesAreKept()
    {
        var t = new Tableau(2);
        t.H(0);
        t.Cx(0, 1);
        Assert.False(t.IsDeterministic(1));
        Assert.Equal(1, t.Measure(0, 1, out bool random));
        Assert.True(random);
        // The partner is now determined and agrees.
        Assert.True(t.IsDeterministic(1));
        Assert.Equal(1, t.Measure(1, 0, out random));
        Assert.False(random);
        t.Reset(1, 0);
        Assert.Equal(0, t.Measure(1, 1, out _));
        Assert.Equal(["-ZI", "+IZ"], StabilizerGroup.Of(t).Generators.Select(g => g.ToString()));
    }

    [Fact]
    public void YSignsFollowTheMatrices()
    {
        // S·S = Z: X → −X, so the |+⟩ state becomes |−⟩, stabilized by −X.
        var t = new Tableau(1);
        t.H(0);
        t.S(0);
        Assert.Equal("+Y", t.Stabilizer(0).ToString());
        t.S(0);
        Assert.Equal("-X", t.Stabilizer(0).ToString());
        t.Sdg(0);
        Assert.Equal("+Y", t.Stabilizer(0).ToString());
        t.Y(0);
        Assert.Equal("+Y", t.Stabilizer(0).ToString());
        t.X(0);
        Assert.Equal("-Y", t.Stabilizer(0).ToString());
        t.Z(0);
        Assert.Equal("+Y", t.Stabilizer(0).ToString());
    }

    private static Circuit Single(int n, Operation op)
    {
        var b = new CircuitBuilder();
        b.AddQuantumRegister("q", n);
        b.Add(op);
        return b.Build();
    }

    /// <summary>Every stabilizer generator P has P·ψ = ψ, and they are independent (so they fix ψ).</summary>
    internal static void AssertStabilizes(Tableau tableau, StateVector state, string what) =>
        AssertStabilizes(StabilizerGroup.Of(tableau), state, what);

    private static void AssertStabilizes(StabilizerGroup group, StateVector state, string what)
    {
        Assert.True(group.IsComplete, $"{what}: {group.Generators.Length} independent generators for {group.QubitCount} qubits");
        foreach (var p in group.Generators)
        {
            var image = state.Clone();
            for (int q = 0; q < p.QubitCount; q++)
            {
                if (p[q] != 'I')
                {
                    image.Apply(Gate.Create(p[q].ToString().ToLowerInvariant()), q);
                }
            }
            Complex sign = p.Negative ? -1 : 1;
            for (long x = 0; x < state.Length; x++)
            {
                Assert.True((image[x] - (sign * state[x])).Magnitude < 1e-9, $"{what}: {p} does not stabilize the state (amplitude {x})");
            }
        }
    }
}
