namespace Qdc.Simulation.Kernels;

/// <summary>
/// Drives kernels over the state, split into chunks for Parallel.For above a size threshold.
/// Every chunk writes only its own amplitudes, so results do not depend on the thread count.
/// </summary>
internal static unsafe class Sweep
{
    /// <summary>Below this many work items one thread is faster than fork and join.</summary>
    public const long ParallelThreshold = 1L << 14;

    /// <summary>Fixed reduction chunk, independent of the thread count, so sums are reproducible.</summary>
    public const long ReductionChunk = 1L << 14;

    /// <summary>Runs <paramref name="body"/> over [0, count) in chunks whose starts are multiples of <paramref name="align"/>.</summary>
    public static void Chunks(long count, int threads, long align, Action<long, long> body)
    {
        if (threads <= 1 || count < ParallelThreshold)
        {
            body(0, count);
            return;
        }
        long pieces = threads * 4L;
        long size = (count + pieces - 1) / pieces;
        size = (size + align - 1) / align * align;
        int n = (int)((count + size - 1) / size);
        Parallel.For(0, n, new ParallelOptions { MaxDegreeOfParallelism = threads }, c =>
        {
            long start = c * size;
            body(start, Math.Min(count, start + size));
        });
    }

    /// <summary>Sums chunk partials in index order: the same total whatever the thread count.</summary>
    public static double Sum(long count, int threads, Func<long, long, double> partial)
    {
        int n = (int)((count + ReductionChunk - 1) / ReductionChunk);
        if (n <= 1)
        {
            return partial(0, count);
        }
        var parts = new double[n];
        Chunks(n, threads, 1, (a, b) =>
        {
            for (long c = a; c < b; c++)
            {
                long start = c * ReductionChunk;
                parts[c] = partial(start, Math.Min(count, start + ReductionChunk));
            }
        });
        double total = 0;
        foreach (var p in parts)
        {
            total += p;
        }
        return total;
    }

    /// <summary>
    /// Applies a kernel to every base index of a gate on <paramref name="sorted"/> qubits (ascending):
    /// one call per chunk, the kernel stepping from base to base itself.
    /// </summary>
    public static void Runs<TKernel>(StateVector state, int[] sorted, TKernel kernel)
        where TKernel : struct, IRunKernel
    {
        long work = state.Length >> sorted.Length;
        long mask = 0;
        foreach (var q in sorted)
        {
            mask |= 1L << q;
        }
        nint p = (nint)state.Pointer;
        Chunks(work, state.Threads, 2, (start, end) => kernel.Apply((double*)p, Bits.Insert(start, sorted), end - start, mask));
    }

    /// <summary>
    /// How many vectors of two amplitudes lie at consecutive addresses from <paramref name="b"/> (even,
    /// gate bits clear) before a gate bit above bit 0 turns on. Kernels loop over such runs with a
    /// plain index: stepping base by base with <see cref="Next"/> chains four dependent operations
    /// per vector, which held the diagonal kernel to half its speed.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public static long VectorRun(long b, long mask)
    {
        long above = mask & ~1L;
        long run = above == 0 ? long.MaxValue : above & -above;
        return (run - (b & (run - 1))) >> 1;
    }

    /// <summary>The first vector address after <paramref name="length"/> vectors from <paramref name="b"/>.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public static long AfterRun(long b, long length, long mask) => Next(b + (2 * length) - 1, mask | 1);

    /// <summary>The base index after <paramref name="b"/>.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public static long Next(long b, long mask) => ((b | mask) + 1) & ~mask;
}
