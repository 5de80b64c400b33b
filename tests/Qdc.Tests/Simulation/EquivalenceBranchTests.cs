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
}
