using Qdc.Circuits;
using Qdc.Simulation;

namespace Qdc.Tests.Simulation;

public class QubitCompactionTests
{
    /// <summary>q0 holds the input; q1 and q2 are ancillas used one after the other (reset, use, measure).</summary>
    private static Circuit TwoAncillasInTurn(bool resetSecond = true)
    {
        var b = new CircuitBuilder();
        b.AddQuantumRegister("q", 3);
        b.AddClassicalRegister("c", 2);
        b.Reset(1).Gate("h", 1).Gate("cz", 1, 0).Gate("h", 1).Measure(1, 0);
        if (resetSecond)
        {
            b.Reset(2);
        }
        b.Gate("h", 2).Gate("cz", 2, 0).Gate("h", 2).Measure(2, 1);
        return b.Build();
    }

    [Fact]
    public void AncillasUsedInTurnShareASlot()
    {
        var c = QubitCompaction.Compact(TwoAncillasInTurn(), [0], [0]);
        Assert.Equal(2, c.Circuit.QubitCount);
        Assert.Equal(c.SlotAtStart[1], c.SlotAtStart[2]);
        Assert.NotEqual(c.SlotAtStart[0], c.SlotAtStart[1]);
        Assert.Equal(c.SlotAtStart[0], c.SlotAtEnd[0]);
        Assert.Equal(-1, c.SlotAtEnd[1]);
    }

    [Fact]
    public void AQubitThatStartsWithoutAResetKeepsItsOwnSlot()
    {
        // q2 relies on starting in |0⟩, so it cannot take q1's measured slot.
        var c = QubitCompaction.Compact(TwoAncillasInTurn(resetSecond: false), [0], [0]);
        Assert.Equal(3, c.Circuit.QubitCount);
    }

    [Fact]
    public void AMeasuredQubitUsedAgainWithoutResetKeepsItsSlot()
    {
        var b = new CircuitBuilder();
        b.AddQuantumRegister("q", 2);
        b.AddClassicalRegister("c", 1);
        b.Gate("h", 0).Measure(0, 0).Gate("x", 0).Reset(1).Gate("h", 1);
        var c = QubitCompaction.Compact(b.Build(), [0], [0]);
        Assert.Equal(2, c.Circuit.QubitCount);
    }

    [Fact]
    public void AWantedQubitMeasuredAtTheEndStaysAlive()
    {
        var b = new CircuitBuilder();
        b.AddQuantumRegister("q", 2);
        b.AddClassicalRegister("c", 1);
        b.Gate("h", 0).Measure(0, 0).Reset(1).Gate("h", 1);
        Assert.Equal(1, QubitCompaction.Compact(b.Build(), [0], []).Circuit.QubitCount);
        var kept = QubitCompaction.Compact(b.Build(), [0], [0]);
        Assert.Equal(2, kept.Circuit.QubitCount);
        Assert.NotEqual(-1, kept.SlotAtEnd[0]);
    }

    [Theory]
    [InlineData(0.5, true)]
    [InlineData(0.6, false)]
    public void TheCompactedCircuitIsTheSameChannel(double angle, bool equal)
    {
        // Two ancillas in turn kick phases Z and P(0.5) onto q0; in one slot they still do.
        var b = new CircuitBuilder();
        b.AddQuantumRegister("q", 3);
        b.AddClassicalRegister("c", 2);
        b.Gate("ry", [0.3], 0).Reset(1).Gate("x", 1).Gate("cz", 1, 0).Measure(1, 0).Reset(2).Gate("x", 2).Gate("cp", [0.5], 2, 0).Measure(2, 1);
        var c = QubitCompaction.Compact(b.Build(), [0], [0]);
        Assert.Equal(2, c.Circuit.QubitCount);
        var reference = new CircuitBuilder();
        reference.AddQuantumRegister("q", 1);
        reference.Gate("ry", [0.3], 0).Gate("p", [Math.PI + angle], 0);
        var r = Equivalence.Check(reference.Build(), c.Circuit, [c.SlotAtStart[0]], new EquivalenceOptions { OutputQubitMap = [c.SlotAtEnd[0]] });
        Assert.Equal(equal, r.Equivalent);
    }
}
