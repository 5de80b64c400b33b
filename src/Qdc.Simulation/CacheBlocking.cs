using System.Numerics;
using System.Runtime.Intrinsics.X86;

namespace Qdc.Simulation;

/// <summary>
/// Applies passes of gates chunk by chunk, so that several gates share one pass over main memory.
/// A pass is a set of gates whose qubits, with qubits 0–2, fit in <see cref="LocalQubits"/>,
/// chosen over the gates' dependency DAG (<see cref="DagPlanner"/>); the rest of the local set is
/// filled with the lowest other qubits so that chunks are made of long contiguous segments. Each
/// chunk (one value of the non-local bits) is copied into a per-thread buffer small enough for
/// L2, the pass's gates are applied to it on local qubit numbers, and it is copied back. Qubits
/// 0–2 keep their numbers, so every kernel takes the same path as on the whole state. Gates on
/// disjoint qubits may be reordered, so the result matches gate-by-gate up to rounding; the plan
/// depends only on the gates and the local size, so it is bit-identical across thread counts.
/// </summary>
internal static unsafe class CacheBlocking
{
    /// <summary>2^16 complex128 amplitudes: 1 MiB, half of a core's L2. Tests set it smaller.</summary>
    internal static int LocalQubits { get; set; } = 16;

    private const int FixedLow = 3;

    /// <summary>
    /// Smaller states sit in L3, where a pass's copies cost more than the sweeps they save: with
    /// 16 local qubits, random circuits ran at 0.113 ns per gate per amplitude unblocked and 0.140
    /// blocked at 19 qubits, 0.149 and 0.132 at 20 (<c>statevector 18 19 20 21</c>).
    /// </summary>
    internal static int MinimumQubits => LocalQubits + 4;

    /// <summary>Off only to measure or test what blocking changes.</summary>
    internal static bool Enabled { get; set; } = true;

    /// <summary>Chunks move as 64-byte vectors where AVX-512 runs; off to test the plain copies other machines take.</summary>
    internal static bool VectorCopies { get; set; } = true;

    /// <summary>Plans passes of consecutive gates, as before DAG planning; on only to measure what it changes.</summary>
    internal static bool InOrder { get; set; }

    [ThreadStatic]
    private static StateVector? s_buffer;

    public static void Apply(StateVector state, IReadOnlyList<CompiledGate> gates)
    {
        int n = state.Qubits, local = LocalQubits;
        foreach (var g in gates)
        {
            g.CheckQubits(n);
        }
        if (!Enabled || n < MinimumQubits)
        {
            foreach (var g in gates)
            {
                g.Apply(state);
            }
            return;
        }
        foreach (var (run, used) in Plan(n, gates, local))
        {
            if (used is null)
            {
                gates[run[0]].Apply(state);
            }
            else
            {
                ApplyChunked(state, gates, run, used, local);
            }
        }
    }

    /// <summary>
    /// The passes over the state: the gates of each (indices into <paramref name="gates"/>, in the
    /// order to apply them) with its local qubits, or a single gate to apply to the whole state
    /// (Local null), when a pass would hold just one gate and gain nothing from the copies.
    /// </summary>
    internal static List<(int[] Gates, bool[]? Local)> Plan(int n, IReadOnlyList<CompiledGate> gates, int local) =>
        InOrder ? PlanInOrder(n, gates, local) : new DagPlanner(n, gates, local).Plan();

    /// <summary>The plan before <see cref="DagPlanner"/>: each pass a maximal run of consecutive gates that fit.</summary>
    internal static List<(int[] Gates, bool[]? Local)> PlanInOrder(int n, IReadOnlyList<CompiledGate> gates, int local)
    {
        var plan = new List<(int[], bool[]?)>();
        int i = 0;
        while (i < gates.Count)
        {
            var used = new bool[n];
            int count = FixLow(used);
            int j = i;
            for (; j < gates.Count; j++)
            {
                int add = gates[j].Qubits.Count(q => !used[q]);
                if (count + add > local)
                {
                    break;
                }
                foreach (var q in gates[j].Qubits)
                {
                    used[q] = true;
                }
                count += add;
            }
            if (j - i < 2)
            {
                plan.Add(([i], null));
                i++;
                continue;
            }
            FillLowest(used, count, local);
            plan.Add(([.. Enumerable.Range(i, j - i)], used));
            i = j;
        }
        return plan;
    }

    private static int FixLow(bool[] used)
    {
        for (int q = 0; q < FixedLow; q++)
        {
            used[q] = true;
        }
        return FixedLow;
    }

    // The lowest free qubits fill the set, so that chunks are made of long contiguous segments.
    private static void FillLowest(bool[] used, int count, int local)
    {
        for (int q = 0; count < local; q++)
        {
            if (!used[q])
            {
                used[q] = true;
                count++;
            }
        }
    }

    /// <summary>
    /// Plans passes over the dependency DAG of the gates (each depends on the previous gate on
    /// each of its qubits), not their order: a pass takes every gate whose predecessors are done
    /// and whose qubits are all local, repeatedly, so gates on disjoint qubits move past each
    /// other (they commute; only the rounding changes). The local set grows greedily from qubits
    /// 0–2 by the ready gate's new qubits that let the pass take the most gates per qubit added.
    /// Everything depends only on the gates and the local size, so the plan is deterministic.
    /// </summary>
    private sealed class DagPlanner
    {
        private readonly int _n, _local;
        private readonly IReadOnlyList<CompiledGate> _gates;
        private readonly List<int>[] _onQubit; // the gates on each qubit, in order
        private readonly int[] _head; // per qubit, how many of its gates are done
        private readonly int[] _scratch;
        private readonly Stack<int> _stack = new();

        public DagPlanner(int n, IReadOnlyList<CompiledGate> gates, int local)
        {
            _n = n;
            _local = local;
            _gates = gates;
            _onQubit = [.. Enumerable.Range(0, n).Select(_ => new List<int>())];
            for (int g = 0; g < gates.Count; g++)
            {
                foreach (var q in gates[g].Qubits)
                {
                    _onQubit[q].Add(g);
                }
            }
            _head = new int[n];
            _scratch = new int[n];
        }

        public List<(int[] Gates, bool[]? Local)> Plan()
        {
            var plan = new List<(int[], bool[]?)>();
            var taken = new List<int>();
            for (int left = _gates.Count; left > 0; left -= taken.Count)
            {
                var used = ChooseLocal();
                taken.Clear();
                Take(used, _head, taken);
                if (taken.Count < 2)
                {
                    // Nothing worth a copy (or nothing fits): the earliest undone gate, whose predecessors are all done.
                    if (taken.Count == 0)
                    {
                        taken.Add(EarliestUndone());
                        Advance(taken[0], _head);
                    }
                    plan.Add(([taken[0]], null));
                    continue;
                }
                // Ascending index is a topological order of a set closed under predecessors.
                taken.Sort();
                plan.Add(([.. taken], used));
            }
            return plan;
        }

        private bool[] ChooseLocal()
        {
            var used = new bool[_n];
            int count = FixLow(used);
            var trial = new bool[_n];
            var fresh = new List<int>();
            while (count < _local)
            {
                // The frontier once this set's gates are taken: each ready gate outside it is a candidate.
                int best = Take(used, _head, null);
                var frontier = (int[])_scratch.Clone();
                int[]? pick = null;
                int pickGain = 0;
                for (int q = 0; q < _n; q++)
                {
                    if (used[q] || frontier[q] >= _onQubit[q].Count)
                    {
                        continue;
                    }
                    int g = _onQubit[q][frontier[q]];
                    fresh.Clear();
                    bool ready = true;
                    foreach (var r in _gates[g].Qubits)
                    {
                        ready &= _onQubit[r][frontier[r]] == g;
                        if (!used[r])
                        {
                            fresh.Add(r);
                        }
                    }
                    // Each candidate once, from its lowest new qubit.
                    if (!ready || fresh.Min() != q || count + fresh.Count > _local)
                    {
                        continue;
                    }
                    Array.Copy(used, trial, _n);
                    foreach (var r in fresh)
                    {
                        trial[r] = true;
                    }
                    int gain = Take(trial, _head, null) - best;
                    // Gates gained per qubit added, compared without division; ties keep the lower qubit.
                    if (pick is null || gain * pick.Length > pickGain * fresh.Count)
                    {
                        pick = [.. fresh];
                        pickGain = gain;
                    }
                }
                if (pick is null)
                {
                    break;
                }
                foreach (var r in pick)
                {
                    used[r] = true;
                }
                count += pick.Length;
            }
            FillLowest(used, count, _local);
            return used;
        }

        /// <summary>
        /// Takes every gate, from <paramref name="heads"/> on, whose qubits are all in
        /// <paramref name="used"/> and whose predecessors are done or taken; the heads after
        /// it are left in the scratch array (or, given <paramref name="taken"/>, in
        /// <paramref name="heads"/> itself). Returns how many were taken.
        /// </summary>
        private int Take(bool[] used, int[] heads, List<int>? taken)
        {
            var h = taken is null ? _scratch : heads;
            if (taken is null)
            {
                Array.Copy(heads, h, _n);
            }
            int count = 0;
            for (int q = 0; q < _n; q++)
            {
                if (used[q])
                {
                    Try(q);
                }
            }
            while (_stack.Count > 0)
            {
                int g = _stack.Pop();
                count++;
                taken?.Add(g);
                foreach (var r in _gates[g].Qubits)
                {
                    Try(r);
                }
            }
            return count;

            void Try(int q)
            {
                if (h[q] >= _onQubit[q].Count)
                {
                    return;
                }
                int g = _onQubit[q][h[q]];
                foreach (var r in _gates[g].Qubits)
                {
                    if (!used[r] || _onQubit[r][h[r]] != g)
                    {
                        return;
                    }
                }
                Advance(g, h);
                _stack.Push(g);
            }
        }

        private void Advance(int g, int[] heads)
        {
            foreach (var r in _gates[g].Qubits)
            {
                heads[r]++;
            }
        }

        private int EarliestUndone()
        {
            int first = int.MaxValue;
            for (int q = 0; q < _n; q++)
            {
                if (_head[q] < _onQubit[q].Count)
                {
                    first = Math.Min(first, _onQubit[q][_head[q]]);
                }
            }
            return first;
        }
    }

    private static void ApplyChunked(StateVector state, IReadOnlyList<CompiledGate> gates, int[] order, bool[] used, int local)
    {
        int n = state.Qubits;
        var map = new int[n];
        ulong localMask = 0, outerMask = 0;
        int next = 0;
        for (int q = 0; q < n; q++)
        {
            if (used[q])
            {
                map[q] = next++;
                localMask |= 1UL << q;
            }
            else
            {
                outerMask |= 1UL << q;
            }
        }
        var run = order.Select(g => gates[g].Relabel(map)).ToArray();
        int contiguous = BitOperations.TrailingZeroCount(~localMask);
        long segment = 1L << contiguous;
        long segments = 1L << (local - contiguous);
        ulong highMask = localMask & ~((1UL << contiguous) - 1);
        nint p = (nint)state.Pointer;
        Parallel.For(0, 1L << (n - local), new ParallelOptions { MaxDegreeOfParallelism = state.Threads }, chunk =>
        {
            var buffer = s_buffer is { } kept && kept.Qubits == local ? kept : s_buffer = StateVector.Zero(local, 1);
            var a = (Complex*)p;
            var b = buffer.Pointer;
            ulong outer = Deposit((ulong)chunk, outerMask);
            Segments(a + outer, b, highMask, segments, segment, toBuffer: true);
            foreach (var g in run)
            {
                g.Apply(buffer);
            }
            Segments(a + outer, b, highMask, segments, segment, toBuffer: false);
        });
    }

    // Copies a chunk's segments between the state (from its first amplitude) and the buffer. Each
    // next segment's offset is the next subset of the mask, (d − mask) & mask, not a bit deposit;
    // segments of four amplitudes and more move as 64-byte vectors, and into the state with
    // non-temporal stores: the pass does not read those lines again, and a plain store would first
    // read each line it writes.
    private static void Segments(Complex* state, Complex* buffer, ulong mask, long segments, long segment, bool toBuffer)
    {
        ulong d = 0;
        if (!Avx512F.IsSupported || !VectorCopies || segment < 4)
        {
            long bytes = segment * sizeof(Complex);
            for (long s = 0; s < segments; s++, d = (d - mask) & mask)
            {
                Complex* at = state + (long)d, b = buffer + (s * segment);
                if (toBuffer)
                {
                    Buffer.MemoryCopy(at, b, bytes, bytes);
                }
                else
                {
                    Buffer.MemoryCopy(b, at, bytes, bytes);
                }
            }
            return;
        }
        // StateVector starts on a 64-byte boundary and a segment holds at least qubits 0–2 (128 bytes).
        System.Diagnostics.Debug.Assert(((nint)state & 63) == 0, "a chunk's segments start on 64-byte boundaries");
        long vectors = segment / 4;
        // The segments lie apart, so the hardware prefetcher cannot run ahead: fetch one some segments on.
        const int Ahead = 16;
        ulong ahead = 0;
        for (int k = 0; k < Ahead; k++)
        {
            ahead = (ahead - mask) & mask;
        }
        long lines = Math.Min(vectors, 64);
        for (long s = 0; s < segments; s++, d = (d - mask) & mask, ahead = (ahead - mask) & mask)
        {
            double* at = (double*)(state + (long)d), b = (double*)(buffer + (s * segment));
            if (s + Ahead < segments)
            {
                byte* next = (byte*)(state + (long)ahead);
                for (long line = 0; line < lines; line++)
                {
                    Sse.Prefetch0(next + (64 * line));
                }
            }
            if (toBuffer)
            {
                for (long v = 0; v < vectors; v++)
                {
                    Avx512F.Store(b + (8 * v), Avx512F.LoadVector512(at + (8 * v)));
                }
            }
            else
            {
                for (long v = 0; v < vectors; v++)
                {
                    Avx512F.StoreAlignedNonTemporal(at + (8 * v), Avx512F.LoadVector512(b + (8 * v)));
                }
            }
        }
    }

    /// <summary>Scatters the low bits of <paramref name="x"/> to the set bits of <paramref name="mask"/>.</summary>
    private static ulong Deposit(ulong x, ulong mask)
    {
        if (Bmi2.X64.IsSupported)
        {
            return Bmi2.X64.ParallelBitDeposit(x, mask);
        }
        ulong r = 0;
        for (ulong bit = 1; mask != 0; bit <<= 1)
        {
            ulong lowest = mask & (~mask + 1);
            if ((x & bit) != 0)
            {
                r |= lowest;
            }
            mask &= mask - 1;
        }
        return r;
    }
}
