using System.Collections.Immutable;
using Qdc.Circuits;

namespace Qdc.Simulation;

/// <summary>
/// Maps a circuit's qubits onto fewer simulator slots by live interval, so a distributed program
/// needs only as many slots as qubits are alive at once. A qubit's interval ends at an unconditioned
/// measurement that is followed by a reset or by nothing (the measured qubit is a basis state in a
/// product with the rest, so dropping it changes nothing); a new one starts at that reset, in a slot
/// another interval has left. A qubit that is not measured last lives to the end.
/// </summary>
public static class QubitCompaction
{
    /// <param name="liveAtStart">qubits that hold an input state (every other qubit starts in |0⟩, so one whose first operation is a reset needs no slot before it)</param>
    /// <param name="liveAtEnd">qubits whose state is wanted at the end (they are never cut short)</param>
    public static CompactedCircuit Compact(Circuit circuit, IReadOnlyCollection<int> liveAtStart, IReadOnlyCollection<int> liveAtEnd)
    {
        ArgumentNullException.ThrowIfNull(circuit);
        ArgumentNullException.ThrowIfNull(liveAtStart);
        ArgumentNullException.ThrowIfNull(liveAtEnd);
        var input = liveAtStart.ToHashSet();
        var ops = circuit.Operations;
        int n = circuit.QubitCount;
        var keep = liveAtEnd.ToHashSet();
        // Per qubit, the operations on it in order.
        var uses = Enumerable.Range(0, n).Select(_ => new List<int>()).ToArray();
        for (int i = 0; i < ops.Length; i++)
        {
            foreach (int q in ops[i].Qubits)
            {
                uses[q].Add(i);
            }
        }
        // Intervals as (start, end, qubit): start -1 means "from the beginning", end = ops.Length "to the end".
        var intervals = new List<(int Start, int End, int Qubit)>();
        for (int q = 0; q < n; q++)
        {
            var list = uses[q];
            int start = !input.Contains(q) && list.Count > 0 && ops[list[0]] is ResetOperation { Condition: null } ? list[0] : -1;
            for (int k = 0; k < list.Count; k++)
            {
                int i = list[k];
                if (ops[i] is not MeasureOperation { Condition: null })
                {
                    continue;
                }
                bool last = k == list.Count - 1;
                bool resetNext = !last && ops[list[k + 1]] is ResetOperation { Condition: null };
                if ((last && !keep.Contains(q)) || resetNext)
                {
                    intervals.Add((start, i, q));
                    start = resetNext ? list[k + 1] : int.MaxValue;
                }
            }
            if (start != int.MaxValue)
            {
                intervals.Add((start, ops.Length, q));
            }
        }
        // Greedy interval colouring by start: optimal, and the lowest free slot keeps it deterministic.
        var order = Enumerable.Range(0, intervals.Count).OrderBy(i => intervals[i].Start).ThenBy(i => intervals[i].Qubit).ToArray();
        var slotOf = new int[intervals.Count];
        var busyUntil = new List<int>();
        foreach (int iv in order)
        {
            var (start, end, _) = intervals[iv];
            int slot = busyUntil.FindIndex(b => b < start);
            if (slot < 0)
            {
                slot = busyUntil.Count;
                busyUntil.Add(end);
            }
            busyUntil[slot] = end;
            slotOf[iv] = slot;
        }
        // Each qubit's intervals are in time order in the list, so a walk per qubit finds its slot at each operation.
        var atStart = new int[n];
        var atEnd = new int[n];
        var byQubit = Enumerable.Range(0, n).Select(_ => new List<int>()).ToArray();
        for (int iv = 0; iv < intervals.Count; iv++)
        {
            byQubit[intervals[iv].Qubit].Add(iv);
        }
        var remapped = ImmutableArray.CreateBuilder<Operation>(ops.Length);
        var cursor = new int[n];
        for (int i = 0; i < ops.Length; i++)
        {
            var op = ops[i];
            var qubits = new int[op.Qubits.Length];
            for (int j = 0; j < qubits.Length; j++)
            {
                int q = op.Qubits[j];
                while (intervals[byQubit[q][cursor[q]]].End < i)
                {
                    cursor[q]++;
                }
                qubits[j] = slotOf[byQubit[q][cursor[q]]];
            }
            remapped.Add(Remap(op, [.. qubits]));
        }
        for (int q = 0; q < n; q++)
        {
            atStart[q] = slotOf[byQubit[q][0]];
            atEnd[q] = intervals[byQubit[q][^1]].End == ops.Length ? slotOf[byQubit[q][^1]] : -1;
        }
        var register = new Register("s", Math.Max(busyUntil.Count, 1), 0);
        var compacted = new Circuit([register], circuit.ClassicalRegisters, remapped.MoveToImmutable(), circuit.GlobalPhase);
        return new CompactedCircuit(compacted, [.. atStart], [.. atEnd]);
    }

    private static Operation Remap(Operation op, ImmutableArray<int> qubits) => op switch
    {
        GateOperation g => new GateOperation(g.Gate, qubits, g.Condition),
        MeasureOperation m => new MeasureOperation(qubits[0], m.Clbit, m.Condition),
        ResetOperation r => new ResetOperation(qubits[0], r.Condition),
        BarrierOperation => new BarrierOperation(qubits),
        _ => throw new NotSupportedException($"cannot compact operation kind {op.Kind}"),
    };
}
