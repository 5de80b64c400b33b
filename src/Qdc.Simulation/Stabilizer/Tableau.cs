namespace Qdc.Simulation.Stabilizer;

/// <summary>
/// The Aaronson–Gottesman (CHP) tableau of an n-qubit stabilizer state: rows 0..n−1 are the
/// destabilizers, rows n..2n−1 the stabilizers, row 2n is scratch. Each row is a Pauli with a
/// sign, its X and Z parts packed 64 qubits to a ulong, so a row product costs n/64 words.
/// Starts in |0…0⟩. Mutable: it is the simulator's state, never passed between phases.
/// </summary>
public sealed class Tableau
{
    private readonly int _words;
    private readonly ulong[] _x;
    private readonly ulong[] _z;
    private readonly bool[] _sign;

    public Tableau(int qubits)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(qubits);
        QubitCount = qubits;
        _words = Math.Max(1, (qubits + 63) >> 6);
        int rows = (2 * qubits) + 1;
        _x = new ulong[rows * _words];
        _z = new ulong[rows * _words];
        _sign = new bool[rows];
        for (int q = 0; q < qubits; q++)
        {
            SetBit(_x, q, q, true);
            SetBit(_z, qubits + q, q, true);
        }
    }

    private Tableau(Tableau other)
    {
        QubitCount = other.QubitCount;
        _words = other._words;
        _x = (ulong[])other._x.Clone();
        _z = (ulong[])other._z.Clone();
        _sign = (bool[])other._sign.Clone();
    }

    public int QubitCount { get; }

    public Tableau Clone() => new(this);

    /// <summary>Stabilizer generator i (0 ≤ i &lt; n) as a Pauli string, e.g. "-XZI" (qubit 0 first).</summary>
    public PauliString Stabilizer(int i)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)i, (uint)QubitCount, nameof(i));
        return Row(QubitCount + i);
    }

    internal PauliString Row(int row) =>
        new(QubitCount, _x.AsSpan(row * _words, _words).ToArray(), _z.AsSpan(row * _words, _words).ToArray(), _sign[row]);

    public void H(int q)
    {
        var (w, m) = Locate(q);
        for (int r = 0; r < 2 * QubitCount; r++)
        {
            int i = (r * _words) + w;
            ulong x = _x[i], z = _z[i];
            // Y → −Y: the sign flips where both bits are set.
            if ((x & z & m) != 0)
            {
                _sign[r] = !_sign[r];
            }
            _x[i] = (x & ~m) | (z & m);
            _z[i] = (z & ~m) | (x & m);
        }
    }

    public void S(int q)
    {
        var (w, m) = Locate(q);
        for (int r = 0; r < 2 * QubitCount; r++)
        {
            int i = (r * _words) + w;
            // X → Y, Y → −X.
            if ((_x[i] & _z[i] & m) != 0)
            {
                _sign[r] = !_sign[r];
            }
            _z[i] ^= _x[i] & m;
        }
    }

    public void Sdg(int q)
    {
        var (w, m) = Locate(q);
        for (int r = 0; r < 2 * QubitCount; r++)
        {
            int i = (r * _words) + w;
            // X → −Y, Y → X.
            if ((_x[i] & ~_z[i] & m) != 0)
            {
                _sign[r] = !_sign[r];
            }
            _z[i] ^= _x[i] & m;
        }
    }

    /// <summary>X anticommutes with Z and Y: those rows change sign.</summary>
    public void X(int q) => FlipSigns(q, _z);

    public void Z(int q) => FlipSigns(q, _x);

    public void Y(int q)
    {
        var (w, m) = Locate(q);
        for (int r = 0; r < 2 * QubitCount; r++)
        {
            int i = (r * _words) + w;
            if (((_x[i] ^ _z[i]) & m) != 0)
            {
                _sign[r] = !_sign[r];
            }
        }
    }

    public void Cx(int control, int target)
    {
        ThrowIfSame(control, target);
        var (wc, mc) = Locate(control);
        var (wt, mt) = Locate(target);
        for (int r = 0; r < 2 * QubitCount; r++)
        {
            int b = r * _words;
            bool xc = (_x[b + wc] & mc) != 0, zc = (_z[b + wc] & mc) != 0;
            bool xt = (_x[b + wt] & mt) != 0, zt = (_z[b + wt] & mt) != 0;
            if (xc && zt && (xt == zc))
            {
                _sign[r] = !_sign[r];
            }
            if (xc)
            {
                _x[b + wt] ^= mt;
            }
            if (zt)
            {
                _z[b + wc] ^= mc;
            }
        }
    }

    public void Cz(int a, int b)
    {
        H(b);
        Cx(a, b);
        H(b);
    }

    public void Swap(int a, int b)
    {
        ThrowIfSame(a, b);
        var (wa, ma) = Locate(a);
        var (wb, mb) = Locate(b);
        for (int r = 0; r < 2 * QubitCount; r++)
        {
            int o = r * _words;
            SwapBits(_x, o + wa, ma, o + wb, mb);
            SwapBits(_z, o + wa, ma, o + wb, mb);
        }
    }

    /// <summary>True when measuring q in the Z basis has a determined outcome.</summary>
    public bool IsDeterministic(int q)
    {
        var (w, m) = Locate(q);
        for (int r = QubitCount; r < 2 * QubitCount; r++)
        {
            if ((_x[(r * _words) + w] & m) != 0)
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>
    /// Measures q in the Z basis. A random outcome is <paramref name="randomOutcome"/>; a determined
    /// one is what the state says (the argument is then ignored). <paramref name="wasRandom"/> says which.
    /// </summary>
    public int Measure(int q, int randomOutcome, out bool wasRandom)
    {
        var (w, m) = Locate(q);
        int n = QubitCount;
        int p = -1;
        for (int r = n; r < 2 * n && p < 0; r++)
        {
            if ((_x[(r * _words) + w] & m) != 0)
            {
                p = r;
            }
        }
        wasRandom = p >= 0;
        if (p >= 0)
        {
            for (int r = 0; r < 2 * n; r++)
            {
                if (r != p && (_x[(r * _words) + w] & m) != 0)
                {
                    RowMultiply(r, p);
                }
            }
            CopyRow(p - n, p);
            ClearRow(p);
            _z[(p * _words) + w] = m;
            _sign[p] = randomOutcome != 0;
            return randomOutcome != 0 ? 1 : 0;
        }
        int scratch = 2 * n;
        ClearRow(scratch);
        for (int r = 0; r < n; r++)
        {
            if ((_x[(r * _words) + w] & m) != 0)
            {
                RowMultiply(scratch, r + n);
            }
        }
        return _sign[scratch] ? 1 : 0;
    }

    /// <summary>Reset to |0⟩: a measurement (random outcomes as given) and an X if it gave 1.</summary>
    public void Reset(int q, int randomOutcome)
    {
        if (Measure(q, randomOutcome, out _) == 1)
        {
            X(q);
        }
    }

    /// <summary>Row h ← row i · row h, with the sign of the product (both rows commute or h is scratch).</summary>
    private void RowMultiply(int h, int i)
    {
        int hb = h * _words, ib = i * _words;
        int phase = (_sign[h] ? 2 : 0) + (_sign[i] ? 2 : 0);
        for (int k = 0; k < _words; k++)
        {
            ulong x1 = _x[ib + k], z1 = _z[ib + k], x2 = _x[hb + k], z2 = _z[hb + k];
            phase += PauliProduct.PhaseExponent(x1, z1, x2, z2);
            _x[hb + k] = x1 ^ x2;
            _z[hb + k] = z1 ^ z2;
        }
        _sign[h] = (phase & 3) == 2;
    }

    private void CopyRow(int to, int from)
    {
        Array.Copy(_x, from * _words, _x, to * _words, _words);
        Array.Copy(_z, from * _words, _z, to * _words, _words);
        _sign[to] = _sign[from];
    }

    private void ClearRow(int row)
    {
        Array.Clear(_x, row * _words, _words);
        Array.Clear(_z, row * _words, _words);
        _sign[row] = false;
    }

    private void FlipSigns(int q, ulong[] anticommuting)
    {
        var (w, m) = Locate(q);
        for (int r = 0; r < 2 * QubitCount; r++)
        {
            if ((anticommuting[(r * _words) + w] & m) != 0)
            {
                _sign[r] = !_sign[r];
            }
        }
    }

    private static void SwapBits(ulong[] bits, int ia, ulong ma, int ib, ulong mb)
    {
        bool a = (bits[ia] & ma) != 0, b = (bits[ib] & mb) != 0;
        if (a != b)
        {
            bits[ia] ^= ma;
            bits[ib] ^= mb;
        }
    }

    private (int Word, ulong Mask) Locate(int q)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)q, (uint)QubitCount, nameof(q));
        return (q >> 6, 1UL << (q & 63));
    }

    private void SetBit(ulong[] bits, int row, int q, bool value)
    {
        int i = (row * _words) + (q >> 6);
        ulong m = 1UL << (q & 63);
        bits[i] = value ? bits[i] | m : bits[i] & ~m;
    }

    private static void ThrowIfSame(int a, int b)
    {
        if (a == b)
        {
            throw new ArgumentException("a two-qubit gate needs two different qubits");
        }
    }
}
