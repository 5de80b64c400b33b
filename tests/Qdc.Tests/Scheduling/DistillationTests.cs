using Qdc.Compiler.Scheduling;

namespace Qdc.Tests.Scheduling;

/// <summary>Recurrence rounds against values worked out by hand from the papers' formulas, and the memory decay model.</summary>
public class DistillationTests
{
    [Fact]
    public void BbpsswFromThreeQuarters()
    {
        // F = 3/4, each error state 1/12: p = 81/144 + 18/144 + 5/144 = 13/18, F' = (82/144)/(104/144) = 41/52.
        var (f, p) = Distillation.BbpsswRound(0.75);
        Assert.Equal(41.0 / 52, f, 12);
        Assert.Equal(13.0 / 18, p, 12);
    }

    [Fact]
    public void DejmpsBeatsBbpsswInTheSecondRound()
    {
        // Round 1 from Werner 3/4 agrees with BBPSSW (A' = 82/104) but leaves B' = C' = 2/104, D' = 18/104;
        // round 2: N = (84² + 20²)/104² = 7456/10816 and A'' = (82² + 2²)/7456 = 6728/7456.
        var (a, b, c, d, n1) = Distillation.DejmpsRound(0.75, 1.0 / 12, 1.0 / 12, 1.0 / 12);
        Assert.Equal(82.0 / 104, a, 12);
        Assert.Equal(2.0 / 104, b, 12);
        Assert.Equal(2.0 / 104, c, 12);
        Assert.Equal(18.0 / 104, d, 12);
        Assert.Equal(104.0 / 144, n1, 12);
        var (a2, _, _, _, n2) = Distillation.DejmpsRound(a, b, c, d);
        Assert.Equal(6728.0 / 7456, a2, 12);
        Assert.Equal(7456.0 / 10816, n2, 12);
        // BBPSSW twirls back to Werner form after round 1 and ends lower: about 0.827 against 0.902.
        var (bb, _) = Distillation.BbpsswRound(Distillation.BbpsswRound(0.75).Fidelity);
        Assert.InRange(bb, 0.826, 0.828);
        Assert.True(a2 > bb);
    }

    [Fact]
    public void PlanCountsRoundsAndRawPairs()
    {
        var plan = Distillation.Plan(0.75, 0.9, DistillationProtocol.Dejmps)!;
        Assert.Equal(2, plan.Rounds);
        // R1 = 2 / (104/144); R2 = 2·R1 / (7456/10816).
        Assert.Equal(2 * (2 / (104.0 / 144)) / (7456.0 / 10816), plan.RawPairsPerEbit, 9);
        Assert.Equal(6728.0 / 7456, plan.Fidelity, 12);

        var one = Distillation.Plan(0.75, 0.78, DistillationProtocol.Bbpssw)!;
        Assert.Equal(1, one.Rounds);
        Assert.Equal(36.0 / 13, one.RawPairsPerEbit, 12);
        Assert.True(Distillation.Plan(0.75, 0.9, DistillationProtocol.Bbpssw)!.Rounds > 2);

        Assert.Equal(0, Distillation.Plan(0.95, 0.9, DistillationProtocol.Dejmps)!.Rounds);
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(0.4)]
    public void AtOrBelowOneHalfNothingHelps(double raw)
    {
        Assert.Null(Distillation.Plan(raw, 0.6, DistillationProtocol.Bbpssw));
        Assert.Null(Distillation.Plan(raw, 0.6, DistillationProtocol.Dejmps));
    }

    [Fact]
    public void WaitingPairsDecayTowardsTheMixedState()
    {
        Assert.Equal(0.95, PairDecay.Fidelity(0.95, 0, 1e-4, 0, 1e-4), 15);
        // One memory waiting one T2: the excess over 1/4 shrinks by e.
        Assert.Equal(0.25 + (0.7 / Math.E), PairDecay.Fidelity(0.95, 1e-4, 1e-4, 0, 1), 12);
        // Both memories waiting add their rates.
        Assert.Equal(0.25 + (0.7 * Math.Exp(-2)), PairDecay.Fidelity(0.95, 1e-4, 1e-4, 2e-4, 2e-4), 12);
        Assert.Equal(0.25, PairDecay.Fidelity(0.95, 10, 1e-4, 0, 1), 12);
    }
}
