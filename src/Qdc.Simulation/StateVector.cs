using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Qdc.Circuits;
using Qdc.Circuits.Gates;
using Qdc.Simulation.Kernels;

namespace Qdc.Simulation;

/// <summary>
/// A complex128 statevector; qubit q is bit q of the amplitude index (as in Qiskit and qsim).
/// The amplitudes live in a pinned array so the kernels can work on raw pointers, from its first
/// 64-byte boundary so that vector loads do not split cache lines.
/// </summary>
public sealed unsafe class StateVector
{
    private readonly Complex[] _storage;
    // Bytes from the array's data to the first amplitude.
    private readonly int _offset;

    private StateVector(int qubits, int threads, bool zero)
    {
        Qubits = qubits;
        Length = 1L << qubits;
        // Four spare amplitudes (64 bytes) to start from a 64-byte boundary. The array's data is
        // only 8-byte aligned (56 mod 64 was seen), so the start moves in bytes, not in elements.
        _storage = zero ? GC.AllocateArray<Complex>((int)Length + 4, pinned: true) : GC.AllocateUninitializedArray<Complex>((int)Length + 4, pinned: true);
        nint at = (nint)Unsafe.AsPointer(ref MemoryMarshal.GetArrayDataReference(_storage));
        _offset = (int)((64 - (at & 63)) & 63);
        Threads = Math.Max(1, threads <= 0 ? Environment.ProcessorCount : threads);
    }

    // The first 2^qubits amplitudes of another state, sharing its storage.
    private StateVector(StateVector whole, int qubits)
    {
        Qubits = qubits;
        Length = 1L << qubits;
        _storage = whole._storage;
        _offset = whole._offset;
        Threads = whole.Threads;
    }

    /// <summary>The largest state an array can hold (2^30 amplitudes, 16 GiB).</summary>
    public const int MaxQubits = 30;

    public int Qubits { get; }

    public long Length { get; }

    /// <summary>Worker threads for large sweeps; results are the same for any value.</summary>
    public int Threads { get; set; }

    public ReadOnlySpan<Complex> Amplitudes => Span;

    public Complex this[long index]
    {
        get => Span[checked((int)index)];
        set => Span[checked((int)index)] = value;
    }

    internal Complex* Pointer => (Complex*)((byte*)Unsafe.AsPointer(ref MemoryMarshal.GetArrayDataReference(_storage)) + _offset);

    private Span<Complex> Span => new(Pointer, (int)Length);

    /// <summary>The first amplitude's address mod 64: always 0 (the tests check it).</summary>
    internal int Misalignment => (int)((nint)Pointer & 63);

    /// <summary>|0…0⟩ on <paramref name="qubits"/> qubits. Throws when it cannot fit; <see cref="MemoryGuard"/> checks first.</summary>
    public static StateVector Zero(int qubits, int threads = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(qubits);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(qubits, MaxQubits);
        var s = new StateVector(qubits, threads, zero: true);
        s.Span[0] = Complex.One;
        return s;
    }

    /// <summary>A state with the given amplitudes (copied); their count must be a power of two.</summary>
    public static StateVector FromAmplitudes(ReadOnlySpan<Complex> amplitudes, int threads = 0)
    {
        if (amplitudes.Length == 0 || !BitOperations.IsPow2(amplitudes.Length))
        {
            throw new ArgumentException("the number of amplitudes must be a power of two", nameof(amplitudes));
        }
        var s = new StateVector(BitOperations.Log2((uint)amplitudes.Length), threads, zero: false);
        amplitudes.CopyTo(s.Span);
        return s;
    }

    /// <summary>
    /// The state of this one's low <paramref name="qubits"/> qubits, sharing its amplitudes: valid
    /// while every amplitude past them is zero, as <see cref="PackedState"/> keeps them.
    /// </summary>
    internal StateVector Low(int qubits)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(qubits, Qubits);
        return qubits == Qubits ? this : new StateVector(this, qubits);
    }

    /// <summary>The OR of the indices of all non-zero amplitudes: a clear bit is a qubit in |0⟩.</summary>
    internal long OccupiedBits()
    {
        nint a = (nint)Pointer;
        // A state with no qubit in |0⟩ shows it near its top: the last index has every bit set.
        long quick = 0;
        for (long i = Length - 1; i >= Math.Max(0, Length - 64); i--)
        {
            if (((Complex*)a)[i] != Complex.Zero && (quick |= i) == Length - 1)
            {
                GC.KeepAlive(this);
                return quick;
            }
        }
        int n = (int)((Length + Sweep.ReductionChunk - 1) / Sweep.ReductionChunk);
        var parts = new long[n];
        Sweep.Chunks(n, Threads, 1, (from, to) =>
        {
            for (long c = from; c < to; c++)
            {
                long bits = 0;
                for (long i = c * Sweep.ReductionChunk, end = Math.Min(Length, i + Sweep.ReductionChunk); i < end; i++)
                {
                    if (((Complex*)a)[i] != Complex.Zero)
                    {
                        bits |= i;
                    }
                }
                parts[c] = bits;
            }
        });
        GC.KeepAlive(this);
        long all = 0;
        foreach (var b in parts)
        {
            all |= b;
        }
        return all;
    }

    public StateVector Clone()
    {
        var s = new StateVector(Qubits, Threads, zero: false);
        Span.CopyTo(s.Span);
        return s;
    }

    /// <summary>Applies a standard gate to the given qubits (first operand first).</summary>
    public void Apply(Gate gate, params int[] qubits) => CompiledGate.From(gate, qubits).Apply(this);

    /// <summary>Applies a unitary given in <see cref="GateMatrix"/> convention (first operand most significant).</summary>
    public void Apply(GateMatrix matrix, params int[] qubits) => CompiledGate.From(matrix, qubits).Apply(this);

    public void Apply(GateOperation operation) => CompiledGate.From(operation.Gate, [.. operation.Qubits]).Apply(this);

    /// <summary>Multiplies every amplitude by e^{i·phase}.</summary>
    public void ApplyGlobalPhase(double phase)
    {
        if (phase == 0)
        {
            return;
        }
        var f = Complex.FromPolarCoordinates(1, phase);
        DiagonalKernel.Apply(this, [0], [f, f]);
    }

    /// <summary>The probability that measuring <paramref name="qubit"/> gives 1.</summary>
    public double ProbabilityOfOne(int qubit)
    {
        CheckQubit(qubit);
        nint a = (nint)Pointer;
        long step = 1L << qubit;
        double p = Math.Min(1, Sweep.Sum(Length, Threads, (s, e) =>
        {
            // The runs of indices with the bit set, in increasing order: the same sum, term for
            // term, as testing every index, reading only the half of the state that counts.
            double sum = 0;
            for (long i = s; i < e;)
            {
                if ((i & step) == 0)
                {
                    i = (i | step) & ~(step - 1);
                    continue;
                }
                for (long end = Math.Min(e, (i | (step - 1)) + 1); i < end; i++)
                {
                    var z = ((Complex*)a)[i];
                    sum += (z.Real * z.Real) + (z.Imaginary * z.Imaginary);
                }
            }
            return sum;
        }));
        GC.KeepAlive(this);
        return p;
    }

    /// <summary>
    /// Projects <paramref name="qubit"/> onto <paramref name="outcome"/> and renormalises, given the
    /// outcome's probability.
    /// </summary>
    public void Collapse(int qubit, int outcome, double probability)
    {
        CheckQubit(qubit);
        if (probability <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(probability), probability, "cannot collapse onto an outcome of probability 0");
        }
        var keep = Complex.FromPolarCoordinates(1 / Math.Sqrt(probability), 0);
        var drop = Complex.Zero;
        DiagonalKernel.Apply(this, [qubit], outcome == 0 ? [keep, drop] : [drop, keep]);
    }

    /// <summary>Σ|a|², summed in a fixed order.</summary>
    public double NormSquared()
    {
        nint a = (nint)Pointer;
        double norm = Sweep.Sum(Length, Threads, (s, e) =>
        {
            double sum = 0;
            for (long i = s; i < e; i++)
            {
                var z = ((Complex*)a)[i];
                sum += (z.Real * z.Real) + (z.Imaginary * z.Imaginary);
            }
            return sum;
        });
        GC.KeepAlive(this);
        return norm;
    }

    /// <summary>|⟨this|other⟩|², the fidelity of two pure states.</summary>
    public double Fidelity(StateVector other)
    {
        if (other.Length != Length)
        {
            throw new ArgumentException("states differ in size", nameof(other));
        }
        var ip = Complex.Zero;
        var a = Amplitudes;
        var b = other.Amplitudes;
        for (int i = 0; i < a.Length; i++)
        {
            ip += Complex.Conjugate(a[i]) * b[i];
        }
        return ip.Real * ip.Real + ip.Imaginary * ip.Imaginary;
    }

    private void CheckQubit(int qubit)
    {
        if ((uint)qubit >= (uint)Qubits)
        {
            throw new ArgumentOutOfRangeException(nameof(qubit), qubit, "no such qubit");
        }
    }
}
