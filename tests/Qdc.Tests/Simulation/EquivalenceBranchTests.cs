using Qdc.Circuits;
using Qdc.Circuits.Gates;
using Qdc.Simulation;

namespace Qdc.Tests.Simulation;

/// <summary>References with mid-circuit measurement, reset and classically conditioned gates.</summary>
public class EquivalenceBranchTests
{
    private static readonly EquivalenceOptions Exhaustive = new() { Exhaustive = ExhaustiveMode.Always, Seed = 21 };
    private static readonly EquivalenceOptions Random = new() { Exhaustive = ExhaustiveMode.Never, BranchesPerState = 6, Seed = 22 };

    /// <summary>
    /// q0 is rotated and measured into c0, reset and reused; q1 gets a gate when c0 = 1.
    /// The candidate has the same qubits first and may add more.
    /// </summary>
    private static Circuit Feedforward(int qubits, string conditioned = "x", ulong value = 1, double angle = 0.7, Action<CircuitBuilder>? middle = null)
    {
        var b = new CircuitBuilder();
        b.AddQuantumRegister("q", qubits);
        b.AddClassicalRegister("c", 2);
        b.Gate("ry", [angle], 0).Gate("cx", 0, 1).Measure(0, 0).Reset(0);
        middle?.Invoke(b);
        b.Add(new GateOperation(Gate.Create(conditioned), [1], new Condition([0], value)));
        b.Gate("h", 0).Gate("cz", 0, 1).Measure(0, 1);
        b.Add(new GateOperation(Gate.Create("s"), [1], new Condition([0, 1], 2)));
        return b.Build();
    }

    [Fact]
    public void TheSameCircuitIsEquivalentOnEveryBranch()
    {
        foreach (var options in new[] { Exhaustive, Random })
        {
            var r = Equivalence.Check(Feedforward(2), Feedforward(2), [0, 1], options);
            Assert.True(r.Equivalent, r.ToString());
            Assert.True(r.Branches > options.InputStates, "the measurements should branch");
        }
    }

    [Fact]
    public void ExtraMeasurementsAndConditionsOfTheCandidateAreBranchedOn()
    {
        // An extra qubit measured at random into an extra clbit conditions a Z on q1 twice: the same channel.
        var b = new CircuitBuilder();
        b.AddQuantumRegister("q", 3);
        b.AddClassicalRegister("c", 3);
        b.Gate("h", 2).Measure(2, 2).Reset(2);
        b.Add(new GateOperation(Gate.Create("z"), [1], new Condition([2], 1)));
        b.Gate("ry", [0.7], 0).Gate("cx", 0, 1).Measure(0, 0).Reset(0);
        b.Add(new GateOperation(Gate.Create("x"), [1], new Condition([0], 1)));
        b.Add(new GateOperation(Gate.Create("z"), [1], new Condition([2], 1)));
        b.Gate("h", 0).Gate("cz", 0, 1).Measure(0, 1);
        b.Add(new GateOperation(Gate.Create("s"), [1], new Condition([0, 1], 2)));
        var r = Equivalence.Check(Feedforward(2), b.Build(), [0, 1], Exhaustive);
        Assert.True(r.Equivalent, r.ToString());
        var once = b.Build().WithOperations(b.Build().Operations.RemoveAt(3));
        Assert.False(Equivalence.Check(Feedforward(2), once, [0, 1], Exhaustive).Equivalent);
    }

    [Theory]
    [InlineData("z", 1ul)]
    [InlineData("x", 0ul)]
    public void AWrongConditionedGateIsCaught(string gate, ulong value)
    {
        foreach (var options in new[] { Exhaustive, Random })
        {
            var r = Equivalence.Check(Feedforward(2), Feedforward(2, gate, value), [0, 1], options);
            Assert.False(r.Equivalent, r.ToString());
            Assert.NotNull(r.Failure);
            Assert.Contains("reference branch", r.Failure!.Describe(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void ADifferentOutcomeProbabilityIsCaught()
    {
        // An ry angle of π - 0.7 gives the same post-measurement states but other odds for c0.
        var r = Equivalence.Check(Feedforward(2), Feedforward(2, angle: Math.PI - 0.7), [0, 1], Exhaustive);
        Assert.False(r.Equivalent);
        Assert.Contains("probability", r.Failure!.Describe(), StringComparison.Ordinal);
    }

    [Fact]
    public void AMissingGateBetweenMeasurementsIsCaught()
    {
        var reference = Feedforward(2, middle: b => b.Gate("rx", [0.4], 1));
        var r = Equivalence.Check(reference, Feedforward(2), [0, 1], Random);
        Assert.False(r.Equivalent, r.ToString());
    }

    [Fact]
    public void TheCandidateNeedsTheReferencesClbits()
    {
        var b = new CircuitBuilder();
        b.AddQuantumRegister("q", 2);
        b.Gate("h", 0);
        var r = Equivalence.Check(Feedforward(2), b.Build(), [0, 1]);
        Assert.False(r.Equivalent);
        Assert.Contains("clbits", r.Message, StringComparison.Ordinal);
    }

    // One qubit, one bit: ry, then the body.
    private static Circuit Measured(Action<CircuitBuilder> body)
    {
        var b = new CircuitBuilder();
        b.AddQuantumRegister("q", 1);
        b.AddClassicalRegister("c", 1);
        b.Gate("ry", [0.9], 0);
        body(b);
        return b.Build();
    }

    [Theory]
    [InlineData("x")]
    [InlineData("h")]
    public void AMeasurementFollowedByACancellingPairEqualsTheMeasurementAlone(string gate)
    {
        // The source measures mid-circuit; the compiled program, with the pair cancelled, measures
        // last. Stripped alone, the candidate kept no measurement and was compared uncollapsed.
        var reference = Measured(b => b.Measure(0, 0).Gate(gate, 0).Gate(gate, 0));
        var candidate = Measured(b => b.Measure(0, 0));
        foreach (var options in new[] { Exhaustive, Random })
        {
            var r = Equivalence.Check(reference, candidate, [0], options);
            Assert.True(r.Equivalent, r.ToString());
        }
        // Measured twice, as QASMBench's bb84 does: both measurements stay, in both circuits.
        var twice = Equivalence.Check(Measured(b => b.Measure(0, 0).Gate(gate, 0).Gate(gate, 0).Measure(0, 0)), Measured(b => b.Measure(0, 0).Measure(0, 0)), [0], Exhaustive);
        Assert.True(twice.Equivalent, twice.ToString());
        // And a candidate that forgot the collapse is still caught: it skips the measurement.
        var wrong = Equivalence.Check(reference, Measured(_ => { }), [0], Exhaustive);
        Assert.False(wrong.Equivalent);
    }

    [Fact]
    public void MatchingStripKeepsABitsMeasurementsInBothWhenEitherMeasuresItMidCircuit()
    {
        var reference = Measured(b => b.Measure(0, 0).Gate("x", 0).Gate("x", 0).Measure(0, 0));
        var candidate = Measured(b => b.Measure(0, 0).Measure(0, 0));
        Assert.Single(TerminalMeasurements.Strip(reference).Operations.OfType<MeasureOperation>());
        Assert.Empty(TerminalMeasurements.Strip(candidate).Operations.OfType<MeasureOperation>());
        var (r, c) = TerminalMeasurements.StripMatching(reference, candidate);
        Assert.Equal(2, r.Operations.OfType<MeasureOperation>().Count());
        Assert.Equal(2, c.Operations.OfType<MeasureOperation>().Count());
        // Terminal in both: stripped in both, as before.
        var (r2, c2) = TerminalMeasurements.StripMatching(Measured(b => b.Measure(0, 0)), Measured(b => b.Measure(0, 0)));
        Assert.Empty(r2.Operations.OfType<MeasureOperation>());
        Assert.Empty(c2.Operations.OfType<MeasureOperation>());
    }
}
