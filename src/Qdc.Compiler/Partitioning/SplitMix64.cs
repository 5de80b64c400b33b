namespace Qdc.Compiler.Partitioning;

/// <summary>
/// A small seeded PRNG with a fixed, documented algorithm (SplitMix64), so partitions are the same
/// on every runtime; System.Random's algorithm is unspecified.
/// </summary>
internal sealed class SplitMix64(ulong seed)
{
    private ulong _state = seed;

    public ulong NextULong()
    {
        ulong z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>Uniform in [0, n) by multiply-shift (bias is negligible for the sizes used here).</summary>
    public int Next(int n) => (int)((NextULong() >> 32) * (ulong)(uint)n >> 32);

    public void Shuffle(Span<int> items)
    {
        for (int i = items.Length - 1; i > 0; i--)
        {
            int j = Next(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }

    /// <summary>A seed for a sub-task, independent of how many numbers this generator has drawn.</summary>
    public static ulong Derive(ulong seed, ulong stream) => new SplitMix64(seed ^ (stream * 0xD1B54A32D192ED03UL)).NextULong();
}
