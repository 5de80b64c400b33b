using Qdc.Circuits;
using Qdc.Circuits.Gates;
using Qdc.Simulation;

namespace Qdc.Tests.Simulation;

public class EquivalenceTests
{
    private static readonly EquivalenceOptions Exhaustive = new() { Exhaustive = ExhaustiveMode.Always, Seed = 11 };
    private static readonly EquivalenceOptions Random = new() { Exhaustive = ExhaustiveMode.Never, BranchesPerState = 12, Seed = 12 };
    private static readonly EquivalenceOptions TeleportExhaustive = Exhaustive with { OutputQubitMap = [2] };
    private static readonly EquivalenceOptions TeleportRandom = Random with { OutputQubitMap = [2] };

    [Fact]
    public void TeleportationEqualsTheGateItCarries()
    {
        var reference = OneQubit(b => b.Gate("u3", [0.3, 1.1, -0.4], 0));
        var candidate = Teleport(withZ: true, withReset: true);
        foreach (var options in new[] { TeleportExhaustive, TeleportRandom })
        {
            var r = Equivalence.Check(reference, candidate, [0], options);
            Assert.True(r.Equivalent, r.ToString());
            Assert.True(r.WorstFidelity > 1 - 1e-9);
            Assert.Null(r.Failure);
        }
        var exhaustive = Equivalence.Check(reference, candidate, [0], TeleportExhaustive);
        Assert.False(Equivalence.Check(reference, candidate, [0], Exhaustive).Equivalent);
        Assert.True(exhaustive.Exhaustive);
        // Four branches (two measurements) for each of the input states; the resets never branch.
        Assert.Equal(4 * exhaustive.InputStates, exhaustive.Branches);
        Assert.Equal(1.0, exhaustive.MeanFidelity, 9);
    }

    [Fact]
    public void TeleportationWithoutItsZCorrectionFailsOnTheBranchesThatNeedIt()
    {
        var reference = OneQubit(b => b.Gate("u3", [0.3, 1.1, -0.4], 0));
        var r = Equivalence.Check(reference, Teleport(withZ: false, withReset: false), [0], TeleportExhaustive);
        Assert.False(r.Equivalent);
        Assert.NotNull(r.Failure);
        Assert.Equal(1, r.Failure!.Branch[0]); // the first measurement (c0) is the one whose correction is missing
        Assert.True(r.Failure.AmplitudeIndex >= 0);
        Assert.Contains("branch 1", r.Failure.Describe(), StringComparison.Ordinal);
        Assert.Contains("expected", r.ToString(), StringComparison.Ordinal);

        var random = Equivalence.Check(reference, Teleport(withZ: false, withReset: false), [0], TeleportRandom);
        Assert.False(random.Equivalent);
    }

    [Fact]
    public void TelegateCzEqualsCz()
    {
        var r1 = Equivalence.Check(CzReference(), TelegateCz(correction: "z"), [0, 1], Exhaustive);
        Assert.True(r1.Equivalent, r1.ToString());
        var r2 = Equivalence.Check(CzReference(), TelegateCz(correction: "z"), [0, 1], Random);
        Assert.True(r2.Equivalent, r2.ToString());
    }

    [Fact]
    public void TelegateWithAWrongPhaseOnOneBranchFails()
    {
        var r = Equivalence.Check(CzReference(), TelegateCz(correction: "s"), [0, 1], Exhaustive);
        Assert.False(r.Equivalent);
        Assert.True(r.WorstFidelity < 0.999);
        Assert.Equal(1, r.Failure!.Branch[1]); // only the cat-disentangle outcome 1 is wrong
        Assert.Contains("state prepared", r.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void QubitMapPermutesAndFinalMeasurementsOfTheReferenceAreIgnored()
    {
        var b = new CircuitBuilder();
        b.AddQuantumRegister("q", 2);
        b.AddClassicalRegister("c", 2);
        b.Gate("h", 0).Gate("cx", 0, 1).Measure(0, 0).Measure(1, 1);
        var c = new CircuitBuilder();
        c.AddQuantumRegister("q", 3);
        c.Gate("h", 2).Gate("cx", 2, 0);
        Assert.True(Equivalence.Check(b.Build(), c.Build(), [2, 0]).Equivalent);
        Assert.False(Equivalence.Check(b.Build(), c.Build(), [0, 2]).Equivalent);
    }

    [Fact]
    public void ALeftoverEntangledAncillaIsCaught()
    {
        var reference = OneQubit(_ => { });
        var c = new CircuitBuilder();
        c.AddQuantumRegister("q", 2);
        c.Gate("cx", 0, 1); // copies the basis value out: the data qubit is no longer pure
        var r = Equivalence.Check(reference, c.Build(), [0]);
        Assert.False(r.Equivalent);
        Assert.True(r.WorstFidelity < 0.99);
    }

    [Fact]
    public void AReferenceResettingAQubitInSuperpositionIsRefusedWithAMessage()
    {
        var b = new CircuitBuilder();
        b.AddQuantumRegister("q", 1);
        b.AddClassicalRegister("c", 1);
        b.Gate("h", 0).Reset(0).Gate("h", 0);
        var r = Equivalence.Check(b.Build(), b.Build(), [0]);
        Assert.False(r.Equivalent);
        Assert.Null(r.Failure);
        Assert.Contains("resets a qubit whose value is not determined", r.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SameSeedSameVerdict()
    {
        var a = Equivalence.Check(CzReference(), TelegateCz("s"), [0, 1], Random);
        var b = Equivalence.Check(CzReference(), TelegateCz("s"), [0, 1], Random);
        Assert.Equal(a.ToString(), b.ToString());
        Assert.Equal(a.WorstFidelity, b.WorstFidelity);
    }

    /// <summary>Random branches run side by side on small states; each draws from its own seed, so the thread count changes nothing.</summary>
    [Fact]
    public void RandomBranchesGiveTheSameVerdictOnAnyThreadCount()
    {
        foreach (var correction in new[] { "z", "s" })
        {
            var results = new[] { 1, 2, 3 }.Select(t => Equivalence.Check(CzReference(), TelegateCz(correction), [0, 1], Random with { Simulation = new SimulationOptions { Threads = t } })).ToList();
            Assert.All(results, r => Assert.Equal(results[0].ToString(), r.ToString()));
            Assert.All(results, r => Assert.Equal(results[0].WorstFidelity, r.WorstFidelity));
            Assert.All(results, r => Assert.Equal(results[0].MeanFidelity, r.MeanFidelity));
            Assert.All(results, r => Assert.Equal(12 * 6, r.Branches));
            Assert.Equal(correction == "z", results[0].Equivalent);
        }
    }

    private static Circuit OneQubit(Action<CircuitBuilder> body)
    {
        var b = new CircuitBuilder();
        b.AddQuantumRegister("q", 1);
        body(b);
        return b.Build();
    }

    /// <summary>Data on q0 goes through u3, then teleports to q2 over an EPR pair on q1, q2 (reset first when asked).</summary>
    private static Circuit Teleport(bool withZ, bool withReset)
    {
        var b = new CircuitBuilder();
        b.AddQuantumRegister("q", 3);
        b.AddClassicalRegister("c", 2);
        b.Gate("u3", [0.3, 1.1, -0.4], 0);
        if (withReset)
        {
            b.Reset(1).Reset(2);
        }
        b.Gate("h", 1).Gate("cx", 1, 2);
        b.Gate("cx", 0, 1).Gate("h", 0).Measure(0, 0).Measure(1, 1);
        b.Add(new GateOperation(Gate.Create("x"), [2], new Condition([1], 1)));
        if (withZ)
        {
            b.Add(new GateOperation(Gate.Create("z"), [2], new Condition([0], 1)));
        }
        return b.Build();
    }

    private static Circuit CzReference()
    {
        var b = new CircuitBuilder();
        b.AddQuantumRegister("q", 2);
        b.Gate("rx", [0.4], 1).Gate("cz", 0, 1).Gate("ry", [0.7], 0);
        return b.Build();
    }

    /// <summary>
    /// The CZ as a telegate: cat-entangle q0 to communication qubit q3 (EPR pair q2–q3, CX, measure,
    /// corrected X), CZ q3–q1, cat-disentangle (H, measure, corrected Z on q0).
    /// </summary>
    private static Circuit TelegateCz(string correction)
    {
        var b = new CircuitBuilder();
        b.AddQuantumRegister("q", 4);
        b.AddClassicalRegister("c", 2);
        b.Gate("rx", [0.4], 1);
        b.Gate("h", 2).Gate("cx", 2, 3);
        b.Gate("cx", 0, 2).Measure(2, 0);
        b.Add(new GateOperation(Gate.Create("x"), [3], new Condition([0], 1)));
        b.Gate("cz", 3, 1);
        b.Gate("h", 3).Measure(3, 1);
        b.Add(new GateOperation(Gate.Create(correction), [0], new Condition([1], 1)));
        b.Gate("ry", [0.7], 0);
        return b.Build();
    }
}
