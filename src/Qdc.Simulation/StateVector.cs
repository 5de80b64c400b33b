using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Qdc.Circuits;
using Qdc.Circuits.Gates;
using Qdc.Simulation.Kernels;

namespace Qdc.Simulation;

/// <summary>
/// A complex128 statevector; qubit q is bit q of the amplitude index (as in Qiskit and qsim).
/// The amplitudes live in a pinned array so the kernels can work on raw pointers.
/// </summary>
public sealed unsafe class StateVector
{
    private readonly Complex[] _amplitudes;

    private StateVector(int qubits, Complex[] amplitudes, int threads)
    {
        Qubits = qubits;
        _amplitudes = amplitudes;
        Threads = Math.Max(1, threads);
    }

    /// <summary>The largest state an array can hold (2^30 amplitudes, 16 GiB).</summary>
    public const int MaxQubits = 30;

    public int Qubits { get; }

    public long Length => _amplitudes.LongLength;

    /// <summary>Worker threads for large sweeps; results are the same for any value.</summary>
    public int Threads { get; set; }

    public ReadOnlySpan<Complex> Amplitudes => _amplitudes;

    public Complex this[long index]
    {
        get => _amplitudes[index];
        set => _amplitudes[index] = value;
    }

    internal Complex* Pointer => (Complex*)Unsafe.AsPointer(ref MemoryMarshal.GetArrayDataReference(_amplitudes));

    /// <summary>|0…0⟩ on <paramref name="qubits"/> qubits. Throws when it cannot fit; <see cref="MemoryGuard"/> checks first.</summary>
    public static StateVector Zero(int qubits, int threads = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(qubits);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(qubits, MaxQubits);
        var a = GC.AllocateArray<Complex>(1 << qubits, pinned: true);
        a[0] = Complex.One;
        return new StateVector(qubits, a, threads <= 0 ? Environment.ProcessorCount : threads);
    }

    /// <summary>A state with the given amplitudes (copied); their count must be a power of two.</summary>
    public static StateVector FromAmplitudes(ReadOnlySpan<Complex> amplitudes, int threads = 0)
    {
        if (amplitudes.Length == 0 || !BitOperations.IsPow2(amplitudes.Length))
        {
            throw new ArgumentException("the number of amplitudes must be a power of two", nameof(amplitudes));
        }
        var a = GC.AllocateArray<Complex>(amplitudes.Length, pinned: true);
        amplitudes.CopyTo(a);
        return new StateVector(BitOperations.Log2((uint)amplitudes.Length), a, threads <= 0 ? Environment.ProcessorCount : threads);
    }

    public StateVector Clone()
    {
        var a = GC.AllocateUninitializedArray<Complex>(_amplitudes.Length, pinned: true);
        _amplitudes.AsSpan().CopyTo(a);
        return new StateVector(Qubits, a, Threads);
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
        var a = _amplitudes;
        return Math.Min(1, Sweep.Sum(Length, Threads, (s, e) =>
        {
            double sum = 0;
            for (long i = s; i < e; i++)
            {
                if ((i >> qubit & 1) != 0)
                {
                    var z = a[i];
                    sum += (z.Real * z.Real) + (z.Imaginary * z.Imaginary);
                }
            }
            return sum;
        }));
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
        var a = _amplitudes;
        return Sweep.Sum(Length, Threads, (s, e) =>
        {
            double sum = 0;
            for (long i = s; i < e; i++)
            {
                sum += (a[i].Real * a[i].Real) + (a[i].Imaginary * a[i].Imaginary);
            }
            return sum;
        });
    }

    /// <summary>|⟨this|other⟩|², the fidelity of two pure states.</summary>
    public double Fidelity(StateVector other)
    {
        if (other.Length != Length)
        {
            throw new ArgumentException("states differ in size", nameof(other));
        }
        var ip = Complex.Zero;
        for (long i = 0; i < Length; i++)
        {
            ip += Complex.Conjugate(_amplitudes[i]) * other._amplitudes[i];
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
