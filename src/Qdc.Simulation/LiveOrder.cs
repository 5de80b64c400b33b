using Qdc.Circuits;

namespace Qdc.Simulation;

/// <summary>
/// Reorders a circuit's operations, within what they allow, so that <see cref="QubitCompaction"/>
/// needs fewer slots. A joined distributed program interleaves its nodes as they were scheduled,
/// with pairs fetched ahead of need, so many communication qubits are alive at once. Any order
/// that only swaps commuting neighbours is the same channel, so the check may run one that opens
/// a qubit's live interval (a reset after a measurement) only when nothing else can run.
/// </summary>
/// <remarks>
/// The commutation known here: operations block-diagonal in the Z basis of a qubit they share (cz,
/// cp, rz, the control of a cx, a conditioned Z correction) commute there, and conditions reading
/// the same clbit commute; so a copy's Z correction may run before the next copy of the same
/// qubit is entangled. Judging runs of native gates whole (a cp written as cz, sx and rz) found
/// nothing more on the examples: the one-qubit gates that make a cx of a cz sit outside the runs.
/// </remarks>
public static class LiveOrder
{
    /// <param name="liveAtStart">qubits that hold an input state (as for <see cref="QubitCompaction.Compact"/>)</param>
    public static Circuit Reorder(Circuit circuit, IReadOnlyCollection<int> liveAtStart)
    {
        ArgumentNullException.ThrowIfNull(circuit);
        ArgumentNullException.ThrowIfNull(liveAtStart);
        var ops = circuit.Operations;
        if (ops.Length == 0)
        {
            return circuit;
        }
        var opener = Openers(circuit, liveAtStart);
        var (predecessors, successors) = Commuting(circuit);
        var waiting = (int[])predecessors.Clone();
        var ready = new PriorityQueue<int, int>();
        var readyOpeners = new PriorityQueue<int, int>();
        void Enqueue(int i) => (opener[i] ? readyOpeners : ready).Enqueue(i, i);
        for (int i = 0; i < ops.Length; i++)
        {
            if (waiting[i] == 0)
            {
                Enqueue(i);
            }
        }
        var order = new List<Operation>(ops.Length);
        bool moved = false;
        while (ready.Count + readyOpeners.Count > 0)
        {
            // Whatever opens nothing goes first, in the original order; then the earliest opener.
            int i = ready.Count > 0 ? ready.Dequeue() : readyOpeners.Dequeue();
            moved |= i != order.Count;
            order.Add(ops[i]);
            foreach (int s in successors[i])
            {
                if (--waiting[s] == 0)
                {
                    Enqueue(s);
                }
            }
        }
        return moved ? circuit.WithOperations([.. order]) : circuit;
    }

    /// <summary>The resets at which compaction starts a live interval: a qubit's first operation (when it holds no input), or the one after an unconditioned measurement.</summary>
    private static bool[] Openers(Circuit circuit, IReadOnlyCollection<int> liveAtStart)
    {
        var ops = circuit.Operations;
        var input = liveAtStart.ToHashSet();
        var opener = new bool[ops.Length];
        var previous = new Operation?[circuit.QubitCount];
        for (int i = 0; i < ops.Length; i++)
        {
            var op = ops[i];
            if (op is ResetOperation { Condition: null } reset)
            {
                int q = reset.Qubit;
                opener[i] = previous[q] is null ? !input.Contains(q) : previous[q] is MeasureOperation { Condition: null };
            }
            foreach (int q in op.Qubits)
            {
                previous[q] = op;
            }
        }
        return opener;
    }

    /// <summary>
    /// Per operation, its predecessor count and successors. On each qubit, a run of operations
    /// block-diagonal there follows the last other operation and precedes the next; on each clbit,
    /// the conditions that read it between two measurements do the same.
    /// </summary>
    private static (int[] Predecessors, List<int>[] Successors) Commuting(Circuit circuit)
    {
        var ops = circuit.Operations;
        var predecessors = new int[ops.Length];
        var successors = Enumerable.Range(0, ops.Length).Select(_ => new List<int>()).ToArray();
        var edges = new HashSet<(int, int)>();
        void Edge(int from, int to)
        {
            if (from >= 0 && edges.Add((from, to)))
            {
                successors[from].Add(to);
                predecessors[to]++;
            }
        }
        // Wires 0..Q−1 are qubits, Q.. clbits. Per wire: its last ordering operation, and the commuting run since.
        int wires = circuit.QubitCount + circuit.ClbitCount;
        var last = Enumerable.Repeat(-1, wires).ToArray();
        var run = Enumerable.Range(0, wires).Select(_ => new List<int>()).ToArray();
        void Step(int wire, int i, bool commutes)
        {
            Edge(last[wire], i);
            if (commutes)
            {
                run[wire].Add(i);
                return;
            }
            foreach (int j in run[wire])
            {
                Edge(j, i);
            }
            run[wire].Clear();
            last[wire] = i;
        }
        for (int i = 0; i < ops.Length; i++)
        {
            var op = ops[i];
            int diagonal = op is GateOperation g ? g.Gate.Matrix.DiagonalOperandMask() : 0;
            for (int k = 0; k < op.Qubits.Length; k++)
            {
                Step(op.Qubits[k], i, (diagonal & (1 << k)) != 0);
            }
            if (op.Condition is { } condition)
            {
                foreach (int b in condition.Clbits.Distinct())
                {
                    Step(circuit.QubitCount + b, i, commutes: true);
                }
            }
            if (op is MeasureOperation m)
            {
                Step(circuit.QubitCount + m.Clbit, i, commutes: false);
            }
        }
        return (predecessors, successors);
    }
}
