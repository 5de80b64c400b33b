using System.Collections.Immutable;

namespace Qdc.Simulation.Stabilizer;

/// <summary>Commuting Pauli rows under Gaussian elimination, multiplied with their phases.</summary>
internal sealed class PauliRows(int qubits)
{
    private readonly int _words = Math.Max(1, (qubits + 63) >> 6);
    private readonly List<ulong[]> _x = [];
    private readonly List<ulong[]> _z = [];
    private readonly List<bool> _sign = [];

    public int Count => _x.Count;

    public void Add(PauliString p)
    {
        _x.Add(p.XBits.ToArray());
        _z.Add(p.ZBits.ToArray());
        _sign.Add(p.Negative);
    }

    public bool IsIdentity(int r) => _x[r].All(w => w == 0) && _z[r].All(w => w == 0);

    /// <summary>Row r on the qubits <paramref name="keep"/> only, keep[j] becoming qubit j.</summary>
    public PauliString Select(int r, IReadOnlyList<int> keep)
    {
        int words = Math.Max(1, (keep.Count + 63) >> 6);
        var x = new ulong[words];
        var z = new ulong[words];
        for (int j = 0; j < keep.Count; j++)
        {
            int q = keep[j];
            ulong m = 1UL << (q & 63), to = 1UL << (j & 63);
            if ((_x[r][q >> 6] & m) != 0)
            {
                x[j >> 6] |= to;
            }
            if ((_z[r][q >> 6] & m) != 0)
            {
                z[j >> 6] |= to;
            }
        }
        return new PauliString(keep.Count, x, z, _sign[r]);
    }

    /// <summary>
    /// Reduced row-echelon form over the columns in <paramref name="order"/> (then the rest as
    /// they come): returns how many pivots those columns took; the pivot rows come first, in order.
    /// </summary>
    public int Eliminate(IReadOnlyList<(int Qubit, bool X)> order)
    {
        int rank = 0;
        foreach (var (q, isX) in order)
        {
            var bits = isX ? _x : _z;
            int w = q >> 6;
            ulong m = 1UL << (q & 63);
            int pivot = -1;
            for (int r = rank; r < Count && pivot < 0; r++)
            {
                if ((bits[r][w] & m) != 0)
                {
                    pivot = r;
                }
            }
            if (pivot < 0)
            {
                continue;
            }
            SwapRows(rank, pivot);
            for (int r = 0; r < Count; r++)
            {
                if (r != rank && (bits[r][w] & m) != 0)
                {
                    Multiply(r, rank);
                }
            }
            rank++;
        }
        return rank;
    }

    public ImmutableArray<PauliString> ToPauliStrings() =>
        [.. Enumerable.Range(0, Count).Where(r => !IsIdentity(r)).Select(r => new PauliString(qubits, (ulong[])_x[r].Clone(), (ulong[])_z[r].Clone(), _sign[r]))];

    /// <summary>Row h ← row i · row h (the rows commute, so the product is Hermitian with sign ±).</summary>
    private void Multiply(int h, int i)
    {
        int phase = (_sign[h] ? 2 : 0) + (_sign[i] ? 2 : 0);
        for (int k = 0; k < _words; k++)
        {
            phase += PauliProduct.PhaseExponent(_x[i][k], _z[i][k], _x[h][k], _z[h][k]);
            _x[h][k] ^= _x[i][k];
            _z[h][k] ^= _z[i][k];
        }
        _sign[h] = (phase & 3) == 2;
    }

    private void SwapRows(int a, int b)
    {
        (_x[a], _x[b]) = (_x[b], _x[a]);
        (_z[a], _z[b]) = (_z[b], _z[a]);
        (_sign[a], _sign[b]) = (_sign[b], _sign[a]);
    }
}
