using Qdc.Circuits;
using Qdc.Compiler.Scheduling;

namespace Qdc.Compiler.Partitioning;

/// <summary>
/// Which way copies run between two QPUs of the in-order placement (qubits in index order, each
/// QPU filled in turn) when every gate between QPUs is diagonal on both qubits, so either qubit
/// may be copied to the other's QPU, as in a QFT. Forward, the later QPU's qubits are copied to
/// the earlier one; backward, the earlier QPU's qubits go to the later one. The pair counts
/// differ by the qubits on each side, and so does the time: in a circuit built in qubit order a
/// forward copy must live until the earlier QPU's last qubit is done (so those copies all wait for
/// it and one link's generator makes them one after another), while a backward copy can be made
/// as soon as its own qubit is done, overlapping the earlier QPU's progress.
/// </summary>
internal static class PipelinedCopies
{
    /// <summary>
    /// A model of that pipeline, in units of one link's time per pair: each QPU's qubits finish
    /// between a first and a last time; from an earlier QPU A, forward copies of B's qubits begin
    /// after A's last and take one unit each, so B's qubits finish one per unit from there; a
    /// backward copy of each of A's qubits follows it one unit after, so B's qubits all wait for
    /// the last (or, when A's finish together, for all of them one after another). Per QPU the
    /// direction of least finish is taken from each earlier QPU, then the one with fewer pairs
    /// among those that do not delay that QPU (forward on a tie).
    /// </summary>
    /// <param name="forward">forward[a, b] (a &lt; b): b's qubits that meet a's; backward[a, b]: a's that meet b's.</param>
    /// <returns>Per QPU pair (a &lt; b), true to copy backward; and the modelled finish of the last QPU, with and without.</returns>
    public static (bool[,] Backward, long Finish, long ForwardFinish) Directions(long[,] forward, long[,] backward)
    {
        int k = forward.GetLength(0);
        var choice = new bool[k, k];
        var first = new long[k];
        var last = new long[k];
        var allForwardLast = new long[k];
        for (int b = 1; b < k; b++)
        {
            long finish = 0;
            for (int a = 0; a < b; a++)
            {
                if (forward[a, b] > 0)
                {
                    finish = Math.Max(finish, Math.Min(last[a] + forward[a, b], Backward(a, b)));
                    allForwardLast[b] = Math.Max(allForwardLast[b], allForwardLast[a] + forward[a, b]);
                }
            }
            for (int a = 0; a < b; a++)
            {
                if (forward[a, b] == 0)
                {
                    continue;
                }
                long viaForward = last[a] + forward[a, b], viaBackward = Backward(a, b);
                choice[a, b] = viaBackward <= finish && (viaForward > finish || backward[a, b] < forward[a, b]);
                first[b] = Math.Max(first[b], choice[a, b] ? viaBackward : last[a] + 1);
                last[b] = Math.Max(last[b], choice[a, b] ? viaBackward : viaForward);
            }
        }
        return (choice, k == 0 ? 0 : last[k - 1], k == 0 ? 0 : allForwardLast[k - 1]);

        long Backward(int a, int b) => Math.Max(last[a] + 1, first[a] + backward[a, b]);
    }

    /// <summary>
    /// The circuit reordered so that copies die young, and each gate's QPU, for the in-order
    /// placement with the modelled directions; null when a gate between QPUs is not diagonal on
    /// both qubits or the model finds nothing faster than forward everywhere.
    /// </summary>
    public static (Circuit Circuit, CircuitHypergraph Graph, int[] GateQpu)? Build(Circuit normalized, IReadOnlyList<int> qpuOfQubit, int qpus)
    {
        var diagonal = new DiagonalOperands();
        var meets = new HashSet<(int Qubit, int Qpu)>();
        var ops = normalized.Operations;
        foreach (var op in ops)
        {
            if (op is not GateOperation { Qubits.Length: 2 } g || qpuOfQubit[g.Qubits[0]] == qpuOfQubit[g.Qubits[1]])
            {
                continue;
            }
            if (diagonal.Mask(g) != 0b11)
            {
                return null;
            }
            meets.Add((g.Qubits[0], qpuOfQubit[g.Qubits[1]]));
            meets.Add((g.Qubits[1], qpuOfQubit[g.Qubits[0]]));
        }
        var forward = new long[qpus, qpus];
        var backward = new long[qpus, qpus];
        foreach (var (qubit, other) in meets)
        {
            int own = qpuOfQubit[qubit];
            if (own > other)
            {
                forward[other, own]++;
            }
            else
            {
                backward[own, other]++;
            }
        }
        var (choice, finish, forwardFinish) = Directions(forward, backward);
        if (finish >= forwardFinish)
        {
            return null;
        }
        // A backward gate runs on its later qubit's QPU and moves early, to just after the earlier
        // qubit's last non-diagonal operation; a forward one runs on the earlier qubit's QPU and moves late.
        bool Backward(int op) => ops[op] is GateOperation { Qubits.Length: 2 } g && Pair(g) is var (a, b) && a < b && choice[a, b];
        bool Forward(int op) => ops[op] is GateOperation { Qubits.Length: 2 } g && Pair(g) is var (a, b) && a < b && !choice[a, b];
        var circuit = CommutingReorder.Apply(normalized, Backward, Forward);
        var graph = CircuitHypergraph.Build(circuit);
        var gateQpu = new int[graph.GateOperation.Length];
        for (int v = 0; v < gateQpu.Length; v++)
        {
            var (a, b) = Pair((GateOperation)circuit.Operations[graph.GateOperation[v]]);
            gateQpu[v] = a < b && choice[a, b] ? b : a;
        }
        return (circuit, graph, gateQpu);

        (int Low, int High) Pair(GateOperation g)
        {
            int x = qpuOfQubit[g.Qubits[0]], y = qpuOfQubit[g.Qubits[1]];
            return (Math.Min(x, y), Math.Max(x, y));
        }
    }
}
