namespace Qdc.Simulation.Kernels;

/// <summary>
/// <see cref="Bits.Extract"/> by table: the local index is linear in the amplitude index's bits,
/// so it is the OR of one lookup per byte. A comparison extracts two local indices from every
/// amplitude, and bit by bit that was most of its time.
/// </summary>
internal sealed class BitGather
{
    private readonly int[][] _tables;

    /// <param name="qubits">bit k of a local index is the bit of qubit qubits[k]</param>
    /// <param name="width">the amplitude indices' width in bits</param>
    public BitGather(int[] qubits, int width)
    {
        _tables = new int[Math.Max(1, (width + 7) / 8)][];
        for (int t = 0; t < _tables.Length; t++)
        {
            var table = new int[256];
            for (int b = 0; b < 256; b++)
            {
                table[b] = Bits.Extract((long)b << (8 * t), qubits);
            }
            _tables[t] = table;
        }
    }

    public int this[long i]
    {
        get
        {
            int l = 0;
            for (int t = 0; t < _tables.Length; t++)
            {
                l |= _tables[t][(int)(i >> (8 * t)) & 255];
            }
            return l;
        }
    }
}
