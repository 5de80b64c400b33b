using System.Numerics;
using Qdc.Simulation.Kernels;

namespace Qdc.Simulation;

/// <summary>
/// A state whose qubits known to be in a basis state (|0⟩ at the start, or just measured or reset)
/// are dropped from the amplitudes while they stay so, so that every sweep covers only the live
/// ones. A distributed program measures and resets its communication qubits all the time: the
/// README example's joined program needs 20 qubits, but rarely more than 18 hold anything.
/// </summary>
/// <remarks>
/// The live qubits sit at the low bit positions in any order (<c>_position</c>); the amplitudes
/// past 2^live are scratch. Dropping a qubit moves the highest live one into its place, in the
/// same pass that projects; a gate on a dropped qubit first brings it back at the top. Every pass
/// writes each amplitude from fixed sources, so results do not depend on the thread count.
/// </remarks>
internal sealed unsafe class PackedState
{
    private readonly StateVector _whole;
    private readonly int[] _position;
    private readonly int[] _qubitAt;
    private readonly bool[] _value;
    private int _live;
    // Every amplitude from this index on is zero, so bringing a qubit back as |0⟩ below it writes nothing.
    private long _zeroFrom;

    /// <summary>
    /// Packs <paramref name="whole"/>, dropping the qubits it holds in |0⟩ (all of them when
    /// <paramref name="zero"/> says it is |0…0⟩, without reading it); <see cref="Unpack"/> gives it
    /// back in qubit order.
    /// </summary>
    public PackedState(StateVector whole, bool zero = false)
    {
        _whole = whole;
        int n = whole.Qubits;
        _position = [.. Enumerable.Range(0, n)];
        _qubitAt = [.. Enumerable.Range(0, n)];
        _value = new bool[n];
        _live = n;
        long occupied = zero ? 0 : whole.OccupiedBits();
        // From the top down, so each qubit in |0⟩ takes the place of the highest live one.
        for (int q = n - 1; q >= 0; q--)
        {
            if ((occupied >> q & 1) == 0)
            {
                MoveTopInto(q, zero);
            }
        }
        _zeroFrom = 1L << _live;
    }

    private StateVector Live => _whole.Low(_live);

    /// <summary>Applies <paramref name="gates"/> (on qubit numbers) in one cache-blocked run.</summary>
    public void Apply(IReadOnlyList<CompiledGate> gates)
    {
        if (gates.Count == 0)
        {
            return;
        }
        Raise(gates.SelectMany(g => g.Qubits));
        var placed = new CompiledGate[gates.Count];
        for (int i = 0; i < placed.Length; i++)
        {
            placed[i] = gates[i].Relabel(_position);
        }
        CacheBlocking.Apply(Live, placed);
    }

    public void Apply(CompiledGate gate)
    {
        Raise(gate.Qubits);
        gate.Relabel(_position).Apply(Live);
    }

    public double ProbabilityOfOne(int qubit) =>
        _position[qubit] < 0 ? (_value[qubit] ? 1 : 0) : Live.ProbabilityOfOne(_position[qubit]);

    /// <summary>Projects <paramref name="qubit"/> onto <paramref name="outcome"/>, renormalising by the outcome's probability, and drops it.</summary>
    public void Project(int qubit, int outcome, double probability)
    {
        int p = _position[qubit];
        if (p < 0)
        {
            return; // a dropped qubit already holds its value: probability 1
        }
        double scale = 1 / Math.Sqrt(probability);
        int top = _live - 1;
        var a = (double*)_whole.Pointer;
        if (p == top)
        {
            long half = 1L << top;
            double* from = a + (2 * half * outcome);
            Sweep.Chunks(half, _whole.Threads, 1, (s, e) => Scale(from + (2 * s), a + (2 * s), e - s, scale));
        }
        else
        {
            long bp = 1L << p, bt = 1L << top;
            int[] sorted = [p, top];
            // Per group of four amplitudes (the two bits p and top), the kept pair moves down.
            Sweep.Chunks(1L << (top - 1), _whole.Threads, 1, (s, e) =>
            {
                for (long g = s; g < e;)
                {
                    long i = Bits.Insert(g, sorted);
                    long run = Math.Min(e - g, bp - (g & (bp - 1)));
                    double* at = a + (2 * i);
                    double* kept = at + (2 * bp * outcome);
                    Scale(kept, at, run, scale);
                    Scale(kept + (2 * bt), at + (2 * bp), run, scale);
                    g += run;
                }
            });
            int moved = _qubitAt[top];
            _position[moved] = p;
            _qubitAt[p] = moved;
        }
        GC.KeepAlive(_whole);
        _position[qubit] = -1;
        _value[qubit] = outcome == 1;
        _zeroFrom = Math.Max(_zeroFrom, 1L << _live);
        _live--;
    }

    /// <summary>Sets a dropped qubit's value (a reset after its measurement).</summary>
    public void SetDropped(int qubit, bool value)
    {
        if (_position[qubit] >= 0)
        {
            throw new InvalidOperationException("only a dropped qubit has a value to set");
        }
        _value[qubit] = value;
    }

    /// <summary>Brings every dropped qubit back and puts each qubit at its own bit: the whole state in qubit order.</summary>
    public void Unpack()
    {
        for (int q = 0; q < _position.Length; q++)
        {
            if (_position[q] < 0)
            {
                Raise(q);
            }
        }
        for (int p = 0; p < _qubitAt.Length; p++)
        {
            int q = _qubitAt[p];
            if (q == p)
            {
                continue;
            }
            int r = _position[p];
            (int lo, int hi) = p < r ? (p, r) : (r, p);
            Sweep.Runs(_whole, [lo, hi], new SwapKernel(1L << lo, 1L << hi));
            (_qubitAt[p], _qubitAt[r]) = (p, q);
            (_position[p], _position[q]) = (p, r);
        }
    }

    // In qubit order, so that a state raised from |0…0⟩ by its first run ends in place.
    private void Raise(IEnumerable<int> qubits)
    {
        foreach (var q in qubits.Where(q => _position[q] < 0).Distinct().Order().ToList())
        {
            Raise(q);
        }
    }

    // The dropped qubit comes back at the top with its value: the live amplitudes go to the half it selects, zeros to the other.
    private void Raise(int qubit)
    {
        long size = 1L << _live;
        bool one = _value[qubit];
        // Below the watermark the upper half is zero already, and a |0⟩ comes back for free.
        if (one || _zeroFrom > size)
        {
            var a = (Complex*)_whole.Pointer;
            Complex* upper = a + size;
            Sweep.Chunks(size, _whole.Threads, 1, (s, e) =>
            {
                if (one)
                {
                    new Span<Complex>(a + s, (int)(e - s)).CopyTo(new Span<Complex>(upper + s, (int)(e - s)));
                    new Span<Complex>(a + s, (int)(e - s)).Clear();
                }
                else
                {
                    new Span<Complex>(upper + s, (int)(e - s)).Clear();
                }
            });
            GC.KeepAlive(_whole);
        }
        _zeroFrom = Math.Max(_zeroFrom, 2 * size);
        _position[qubit] = _live;
        _qubitAt[_live] = qubit;
        _live++;
    }

    // At the start: qubit q is |0⟩, so its amplitudes with the bit set are zero; the highest live qubit swaps into its place.
    private void MoveTopInto(int qubit, bool zero)
    {
        int top = _live - 1;
        if (qubit != top)
        {
            int moved = _qubitAt[top];
            if (!zero)
            {
                Sweep.Runs(_whole.Low(_live), [qubit, top], new SwapKernel(1L << qubit, 1L << top));
            }
            _position[moved] = qubit;
            _qubitAt[qubit] = moved;
        }
        _position[qubit] = -1;
        _live--;
    }

    private static void Scale(double* from, double* to, long count, double scale)
    {
        for (long i = 0; i < 2 * count; i++)
        {
            to[i] = from[i] * scale;
        }
    }
}
