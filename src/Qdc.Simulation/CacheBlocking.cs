using System.Numerics;
using System.Runtime.Intrinsics.X86;

namespace Qdc.Simulation;

/// <summary>
/// Applies runs of gates chunk by chunk, so that several gates share one pass over main memory.
/// A run is a maximal sequence of consecutive gates whose qubits, with qubits 0–2, fit in
/// <see cref="LocalQubits"/>; the rest of the local set is filled with the lowest other qubits so
/// that chunks are made of long contiguous segments. Each chunk (one value of the non-local bits)
/// is copied into a per-thread buffer small enough for L2, the run's gates are applied to it on
/// local qubit numbers, and it is copied back. Qubits 0–2 keep their numbers, so every kernel takes
/// the same path and does the same arithmetic as on the whole state: the result is bit-identical
/// to applying the gates one by one, whatever the thread count.
/// </summary>
internal static unsafe class CacheBlocking
{
    /// <summary>2^16 complex128 amplitudes: 1 MiB, half of a core's L2. Tests set it smaller.</summary>
    internal static int LocalQubits { get; set; } = 16;

    private const int FixedLow = 3;

    /// <summary>Off only to measure or test what blocking changes.</summary>
    internal static bool Enabled { get; set; } = true;

    [ThreadStatic]
    private static StateVector? s_buffer;

    public static void Apply(StateVector state, IReadOnlyList<CompiledGate> gates)
    {
        int n = state.Qubits, local = LocalQubits;
        foreach (var g in gates)
        {
            g.CheckQubits(n);
        }
        if (!Enabled || n < local + 2)
        {
            foreach (var g in gates)
            {
                g.Apply(state);
            }
            return;
        }
        foreach (var (from, to, used) in Plan(n, gates, local))
        {
            if (used is null)
            {
                gates[from].Apply(state);
            }
            else
            {
                ApplyChunked(state, gates, from, to, used, local);
            }
        }
    }

    /// <summary>
    /// The runs: gates [From, To) with their local qubits, or a single gate to apply to the whole
    /// state (Local null), when a run would hold just one gate and gain nothing from the copies.
    /// </summary>
    internal static List<(int From, int To, bool[]? Local)> Plan(int n, IReadOnlyList<CompiledGate> gates, int local)
    {
        var plan = new List<(int, int, bool[]?)>();
        int i = 0;
        while (i < gates.Count)
        {
            var used = new bool[n];
            int count = 0;
            for (int q = 0; q < FixedLow; q++)
            {
                used[q] = true;
                count++;
            }
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
                plan.Add((i, i + 1, null));
                i++;
                continue;
            }
            for (int q = 0; count < local; q++)
            {
                if (!used[q])
                {
                    used[q] = true;
                    count++;
                }
            }
            plan.Add((i, j, used));
            i = j;
        }
        return plan;
    }

    private static void ApplyChunked(StateVector state, IReadOnlyList<CompiledGate> gates, int from, int to, bool[] used, int local)
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
        var run = new CompiledGate[to - from];
        for (int g = from; g < to; g++)
        {
            run[g - from] = gates[g].Relabel(map);
        }
        int contiguous = BitOperations.TrailingZeroCount(~localMask);
        long segment = 1L << contiguous;
        long segments = 1L << (local - contiguous);
        nint p = (nint)state.Pointer;
        Parallel.For(0, 1L << (n - local), new ParallelOptions { MaxDegreeOfParallelism = state.Threads }, chunk =>
        {
            var buffer = s_buffer is { } kept && kept.Qubits == local ? kept : s_buffer = StateVector.Zero(local, 1);
            var a = (Complex*)p;
            var b = buffer.Pointer;
            ulong outer = Deposit((ulong)chunk, outerMask);
            long bytes = segment * sizeof(Complex);
            for (long s = 0; s < segments; s++)
            {
                var src = a + (outer | Deposit((ulong)(s << contiguous), localMask));
                Buffer.MemoryCopy(src, b + (s << contiguous), bytes, bytes);
            }
            foreach (var g in run)
            {
                g.Apply(buffer);
            }
            for (long s = 0; s < segments; s++)
            {
                var dst = a + (outer | Deposit((ulong)(s << contiguous), localMask));
                Buffer.MemoryCopy(b + (s << contiguous), dst, bytes, bytes);
            }
        });
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
