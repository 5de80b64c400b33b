namespace Qdc.Compiler.Partitioning;

/// <summary>
/// The communication qubits of one QPU seen as a cache of cat-entangled copies. Each remote
/// operand of a gate on the QPU requests its run's copy; a copy not held must be made (one pair),
/// and when all communication qubits hold copies, one is released first. Belady's rule (release the
/// copy needed again last) gives the fewest re-makes for a known request sequence, and it is also
/// what the lowering does, so the count predicts the lowering's serialisation.
/// </summary>
internal sealed class CopyCache
{
    // A re-make that cannot happen at all (two remote operands on a QPU with one communication
    // qubit, or any on a QPU with none) costs this much, so the search moves such gates away.
    internal const int Impossible = 1000;

    private int[] _next = new int[64];
    private int[] _lastSeen = [];
    private int _stamp;
    private int[] _stampOf = [];
    private readonly int[] _held;
    private readonly int[] _heldNext;

    public CopyCache(int maxCapacity)
    {
        _held = new int[Math.Max(1, maxCapacity)];
        _heldNext = new int[Math.Max(1, maxCapacity)];
    }

    /// <summary>
    /// Copies made again after a release, for requests given in order as (gate, net) pairs: the
    /// requests of one gate are adjacent and must be held together. Net -1 marks a moment when
    /// the QPU sends a copy of one of its own qubits and needs a free communication qubit for it.
    /// </summary>
    public int Remakes(ReadOnlySpan<int> gates, ReadOnlySpan<int> nets, int capacity, int netCount)
    {
        int r = nets.Length;
        if (r == 0)
        {
            return 0;
        }
        if (_next.Length < r)
        {
            _next = new int[Math.Max(r, 2 * _next.Length)];
        }
        if (_lastSeen.Length < netCount)
        {
            _lastSeen = new int[netCount];
            _stampOf = new int[netCount];
            _stamp = 0;
        }
        _stamp++;
        for (int i = r - 1; i >= 0; i--)
        {
            int e = nets[i];
            if (e < 0)
            {
                continue;
            }
            _next[i] = _stampOf[e] == _stamp ? _lastSeen[e] : int.MaxValue;
            _lastSeen[e] = i;
            _stampOf[e] = _stamp;
        }
        if (capacity <= 0)
        {
            return Impossible * r;
        }
        int count = 0;
        int remakes = 0;
        _stamp++; // a fresh stamp: from here on it marks the nets whose copy has been made

        for (int i = 0; i < r; i++)
        {
            int e = nets[i];
            if (e < 0)
            {
                // This QPU sends a copy: one communication qubit for a moment, freed at once.
                if (count == capacity && Victim(gates, nets, i, count) is int freed and >= 0)
                {
                    count--;
                    (_held[freed], _heldNext[freed]) = (_held[count], _heldNext[count]);
                }
                continue;
            }
            int slot = Array.IndexOf(_held, e, 0, count);
            if (slot >= 0)
            {
                _heldNext[slot] = _next[i];
                continue;
            }
            if (_stampOf[e] == _stamp)
            {
                remakes++; // made before, released since
            }
            _stampOf[e] = _stamp;
            if (count < capacity)
            {
                (_held[count], _heldNext[count]) = (e, _next[i]);
                count++;
                continue;
            }
            int victim = Victim(gates, nets, i, count);
            if (victim < 0)
            {
                remakes += Impossible;
                continue;
            }
            (_held[victim], _heldNext[victim]) = (e, _next[i]);
        }
        return remakes;
    }

    // The held copy needed again last, but not one that the same gate uses; -1 when none may go.
    private int Victim(ReadOnlySpan<int> gates, ReadOnlySpan<int> nets, int i, int count)
    {
        int victim = -1;
        for (int s = 0; s < count; s++)
        {
            bool sameGate = i > 0 && gates[i - 1] == gates[i] && _held[s] == nets[i - 1];
            if (!sameGate && (victim < 0 || _heldNext[s] > _heldNext[victim]))
            {
                victim = s;
            }
        }
        return victim;
    }
}
