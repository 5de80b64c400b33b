namespace Qdc.Simulation.Kernels;

internal static class Bits
{
    /// <summary>Inserts a zero bit at each of the ascending positions in <paramref name="sorted"/>.</summary>
    public static long Insert(long j, int[] sorted)
    {
        foreach (int p in sorted)
        {
            long low = j & ((1L << p) - 1);
            j = ((j >> p) << (p + 1)) | low;
        }
        return j;
    }

    /// <summary>The local index of amplitude <paramref name="i"/>: bit k is the bit of qubit <c>qubits[k]</c>.</summary>
    public static int Extract(long i, int[] qubits)
    {
        int l = 0;
        for (int k = 0; k < qubits.Length; k++)
        {
            l |= (int)((i >> qubits[k]) & 1) << k;
        }
        return l;
    }

    /// <summary>The amplitude offset of each local index over <paramref name="qubits"/>.</summary>
    public static long[] Offsets(int[] qubits)
    {
        var o = new long[1 << qubits.Length];
        for (int l = 0; l < o.Length; l++)
        {
            for (int k = 0; k < qubits.Length; k++)
            {
                if ((l >> k & 1) != 0)
                {
                    o[l] |= 1L << qubits[k];
                }
            }
        }
        return o;
    }
}
