using Qdc.Circuits;
using Qdc.Circuits.Gates;
using Qdc.Simulation;

namespace Qdc.Tests.Simulation;

public class LiveOrderTests
{
    private static readonly EquivalenceOptions Exhaustive = new() { Exhaustive = ExhaustiveMode.Always, Seed = 31 };

    /// <summary>
    /// Data qubit q0 is fanned out to ancillas q1 and q2 at once, as a scheduler that fetches
    /// pairs ahead writes it; each copy meets its own data qubit (q3, q4), is measured in the X
    /// basis and corrected by a Z on q0: cp(0.7) on q0, q3, then cp(1.1) on q0, q4. The Z
    /// correction and the second fan-out commute on q0. <paramref name="tangled"/> makes the first
    /// copy meet q0 again after an h there, so the second copy must be open before it closes.
    /// </summary>
    private static Circuit TwoCopiesAtOnce(bool tangled = false)
    {
        var b = new CircuitBuilder();
        b.AddQuantumRegister("q", 5);
        b.AddClassicalRegister("c", 2);
        b.Reset(1).Reset(2).Gate("cx", 0, 1).Gate("cx", 0, 2);
        if (tangled)
        {
            b.Gate("h", 0).Gate("cz", 0, 1);
        }
        b.Gate("cp", [0.7], 1, 3).Gate("h", 1).Measure(1, 0);
        b.Add(new GateOperation(Gate.Create("z"), [0], new Condition([0], 1)));
        b.Gate("cp", [1.1], 2, 4).Gate("h", 2).Measure(2, 1);
        b.Add(new GateOperation(Gate.Create("z"), [0], new Condition([1], 1)));
        return b.Build();
    }

    private static readonly int[] Data = [0, 3, 4];

    [Fact]
    public void ASecondCopyWaitsForTheFirstToClose()
    {
        var circuit = TwoCopiesAtOnce();
        Assert.Equal(5, QubitCompaction.Compact(circuit, Data, Data).Circuit.QubitCount);
        var reordered = LiveOrder.Reorder(circuit, Data);
        Assert.Equal(4, QubitCompaction.Compact(reordered, Data, Data).Circuit.QubitCount);
        Assert.Equal(circuit.Operations.Length, reordered.Operations.Length);
        var reference = new CircuitBuilder();
        reference.AddQuantumRegister("r", 3);
        reference.Gate("cp", [0.7], 0, 1).Gate("cp", [1.1], 0, 2);
        foreach (var candidate in new[] { circuit, reordered })
        {
            var r = Equivalence.Check(reference.Build(), candidate, Data, Exhaustive);
            Assert.True(r.Equivalent, r.ToString());
        }
    }

    [Fact]
    public void AGateThatDoesNotCommuteKeepsTheOrder()
    {
        var circuit = TwoCopiesAtOnce(tangled: true);
        var reordered = LiveOrder.Reorder(circuit, Data);
        Assert.Equal(5, QubitCompaction.Compact(reordered, Data, Data).Circuit.QubitCount);
    }

    /// <summary>
    /// Random circuits of every kind of operation the joined programs hold (gates, measurements
    /// followed by resets, conditioned gates), reordered: the same channel on every branch.
    /// </summary>
    [Fact]
    public void ReorderingKeepsTheChannel()
    {
        string[] oneQubit = ["h", "sx", "rz", "x", "z", "s", "t", "ry"];
        string[] twoQubit = ["cx", "cz", "cp", "swap", "crz", "rzz"];
        int moved = 0;
        for (int seed = 0; seed < 60; seed++)
        {
            var rng = new Random(seed);
            var b = new CircuitBuilder();
            b.AddQuantumRegister("q", 4);
            b.AddClassicalRegister("c", 3);
            for (int i = 0; i < 24; i++)
            {
                int kind = rng.Next(10);
                if (kind < 4)
                {
                    b.Add(new GateOperation(RandomCircuits.RandomGate(oneQubit[rng.Next(oneQubit.Length)], rng), [rng.Next(4)]));
                }
                else if (kind < 7)
                {
                    b.Add(new GateOperation(RandomCircuits.RandomGate(twoQubit[rng.Next(twoQubit.Length)], rng), [.. RandomCircuits.RandomQubits(4, 2, rng)]));
                }
                else if (kind < 8)
                {
                    int q = rng.Next(4);
                    b.Measure(q, rng.Next(3)).Reset(q);
                }
                else
                {
                    var gate = RandomCircuits.RandomGate(oneQubit[rng.Next(oneQubit.Length)], rng);
                    b.Add(new GateOperation(gate, [rng.Next(4)], new Condition([rng.Next(3)], 1)));
                }
            }
            var circuit = b.Build();
            var reordered = LiveOrder.Reorder(circuit, [0, 1, 2, 3]);
            moved += reordered.Operations.SequenceEqual(circuit.Operations) ? 0 : 1;
            var r = Equivalence.Check(circuit, reordered, [0, 1, 2, 3], Exhaustive with { Seed = (ulong)seed });
            Assert.True(r.Equivalent, $"seed {seed}: {r}");
        }
        Assert.True(moved > 30, $"only {moved} of 60 circuits were reordered");
    }
}
