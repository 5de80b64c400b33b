using System.Numerics;
using Qdc.Circuits.Gates;
using Qdc.Simulation.Kernels;

namespace Qdc.Simulation;

/// <summary>
/// A unitary on a few qubits, ready for the kernels: its matrix re-indexed so that local bit k is
/// qubit <see cref="Qubits"/>[k] (the statevector's convention, the reverse of
/// <see cref="GateMatrix"/>'s), and the kernel its structure calls for.
/// </summary>
internal sealed class CompiledGate
{
    private readonly GateKernelKind _kind;
    private readonly int[] _sorted;
    private readonly long _o0, _o1;
    private readonly DiagonalKernel? _diagonal;
    private readonly DenseKernel? _dense;

    private CompiledGate(int[] qubits, Complex[] matrix)
    {
        Qubits = qubits;
        Matrix = matrix;
        _sorted = qubits.Order().ToArray();
        int k = qubits.Length;
        int d = 1 << k;
        if (IsDiagonal(matrix, d))
        {
            _kind = GateKernelKind.Diagonal;
            var diagonal = new Complex[d];
            for (int i = 0; i < d; i++)
            {
                diagonal[i] = matrix[(i * d) + i];
            }
            _diagonal = DiagonalKernel.Create(qubits, diagonal);
            return;
        }
        if (k == 1)
        {
            _kind = qubits[0] == 0 ? GateKernelKind.LowPair : GateKernelKind.Pair;
            _o1 = 1L << qubits[0];
            return;
        }
        if (k == 2 && IsSwap(matrix))
        {
            _kind = GateKernelKind.Swap;
            (_o0, _o1) = (1L << qubits[0], 1L << qubits[1]);
            return;
        }
        for (int t = 0; t < k; t++)
        {
            if (IsControlled(matrix, k, t, out int c))
            {
                var u = Controlled2x2(matrix, d, c, t);
                long mask = 0;
                for (int b = 0; b < k; b++)
                {
                    if (b != t)
                    {
                        mask |= 1L << qubits[b];
                    }
                }
                (_o0, _o1) = (mask, mask | (1L << qubits[t]));
                _kind = u[0] == Complex.Zero && u[3] == Complex.Zero && u[1] == Complex.One && u[2] == Complex.One
                    ? GateKernelKind.Swap
                    : GateKernelKind.Pair;
                Matrix2 = u;
                return;
            }
        }
        // Built once: cache blocking applies the same gate to many chunks.
        _kind = GateKernelKind.Dense;
        _dense = new DenseKernel(qubits, matrix);
    }

    /// <summary>Operand order: local bit k of a matrix index is qubit Qubits[k].</summary>
    public int[] Qubits { get; }

    /// <summary>Row-major over local indices.</summary>
    public Complex[] Matrix { get; }

    /// <summary>The 2×2 block a controlled gate applies when its controls are all 1.</summary>
    private Complex[] Matrix2 { get; } = [];

    internal GateKernelKind KernelKind => _kind;

    /// <summary>A dense two-qubit gate that is two 2×2 blocks up to row and column order.</summary>
    internal bool TwoTerm => _dense?.TwoTerm ?? false;

    /// <summary>The share of the state a diagonal gate changes (factors of exactly 1 are skipped); 0 when it changes nothing.</summary>
    internal double DiagonalTouched => _diagonal?.Touched ?? 0;

    public static CompiledGate From(Gate gate, int[] qubits) => From(gate.Matrix, qubits);

    public static CompiledGate From(GateMatrix matrix, int[] qubits)
    {
        int k = matrix.Qubits;
        if (qubits.Length != k)
        {
            throw new ArgumentException($"a {k}-qubit matrix needs {k} qubits, not {qubits.Length}", nameof(qubits));
        }
        if (qubits.Distinct().Count() != k)
        {
            throw new ArgumentException("a gate's qubits must differ", nameof(qubits));
        }
        int d = 1 << k;
        var src = matrix.AsSpan();
        var m = new Complex[d * d];
        for (int r = 0; r < d; r++)
        {
            int gr = Reverse(r, k);
            for (int c = 0; c < d; c++)
            {
                m[(r * d) + c] = src[(gr * d) + Reverse(c, k)];
            }
        }
        return new CompiledGate((int[])qubits.Clone(), m);
    }

    /// <summary>A gate from a matrix already in local (statevector) bit order.</summary>
    public static CompiledGate FromLocal(int[] qubits, Complex[] matrix) => new(qubits, matrix);

    /// <summary>The same matrix on qubits <c>map[q]</c>.</summary>
    public CompiledGate Relabel(int[] map) => new([.. Qubits.Select(q => map[q])], Matrix);

    public void CheckQubits(int stateQubits)
    {
        foreach (var q in Qubits)
        {
            if ((uint)q >= (uint)stateQubits)
            {
                throw new ArgumentOutOfRangeException(nameof(stateQubits), q, "gate qubit outside the state");
            }
        }
    }

    public void Apply(StateVector state)
    {
        CheckQubits(state.Qubits);
        switch (_kind)
        {
            case GateKernelKind.Diagonal:
                _diagonal?.Run(state);
                break;
            case GateKernelKind.LowPair:
                LowPairKernel.Apply(state, Matrix[0], Matrix[1], Matrix[2], Matrix[3]);
                break;
            case GateKernelKind.Pair:
                var u = Qubits.Length == 1 ? Matrix : Matrix2;
                Sweep.Runs(state, _sorted, new PairKernel(_o0, _o1, u[0], u[1], u[2], u[3]));
                break;
            case GateKernelKind.Swap:
                Sweep.Runs(state, _sorted, new SwapKernel(_o0, _o1));
                break;
            default:
                _dense!.Run(state);
                break;
        }
    }

    private static int Reverse(int x, int bits)
    {
        int r = 0;
        for (int i = 0; i < bits; i++)
        {
            r |= ((x >> i) & 1) << (bits - 1 - i);
        }
        return r;
    }

    private static bool IsDiagonal(Complex[] m, int d)
    {
        for (int r = 0; r < d; r++)
        {
            for (int c = 0; c < d; c++)
            {
                if (r != c && m[(r * d) + c] != Complex.Zero)
                {
                    return false;
                }
            }
        }
        return true;
    }

    private static bool IsSwap(Complex[] m)
    {
        for (int r = 0; r < 4; r++)
        {
            int image = r is 1 or 2 ? 3 - r : r;
            for (int c = 0; c < 4; c++)
            {
                if (m[(r * 4) + c] != (c == image ? Complex.One : Complex.Zero))
                {
                    return false;
                }
            }
        }
        return true;
    }

    /// <summary>True when the matrix is the identity unless every local bit but <paramref name="target"/> is 1.</summary>
    private static bool IsControlled(Complex[] m, int k, int target, out int controls)
    {
        int d = 1 << k;
        controls = (d - 1) & ~(1 << target);
        for (int r = 0; r < d; r++)
        {
            for (int c = 0; c < d; c++)
            {
                bool active = (r & controls) == controls && (c & controls) == controls;
                if (!active && m[(r * d) + c] != (r == c ? Complex.One : Complex.Zero))
                {
                    return false;
                }
            }
        }
        return true;
    }

    private static Complex[] Controlled2x2(Complex[] m, int d, int controls, int target)
    {
        int a = controls, b = controls | (1 << target);
        return [m[(a * d) + a], m[(a * d) + b], m[(b * d) + a], m[(b * d) + b]];
    }
}
