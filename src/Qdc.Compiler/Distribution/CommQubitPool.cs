namespace Qdc.Compiler.Distribution;

/// <summary>
/// Hands out communication qubits per QPU, reusing freed ones (lowest first, so output is
/// deterministic), never more at once than the QPU has, and remembering the most alive at once.
/// It also hands out spare data qubits (a QPU's data qubits the placement left empty), where a
/// teleported visitor is parked so that it does not hold a communication qubit while it stays.
/// Ids are program-wide and come after the data qubits; the final numbering is chosen when the
/// program is assembled.
/// </summary>
internal sealed class CommQubitPool
{
    private readonly SortedSet<int>[] _free;
    private readonly SortedSet<int>[] _freeSpares;
    private readonly int[] _alive;
    private readonly int[] _limit;
    private readonly int[] _sparesLeft;
    private readonly List<int> _qpuOfId = [];
    private readonly List<bool> _isSpare = [];

    /// <param name="spares">Per QPU, the data qubits the placement left empty (none when null).</param>
    public CommQubitPool(IReadOnlyList<int> limits, int firstId, IReadOnlyList<int>? spares = null)
    {
        _limit = [.. limits];
        _free = [.. _limit.Select(_ => new SortedSet<int>())];
        _freeSpares = [.. _limit.Select(_ => new SortedSet<int>())];
        _alive = new int[_limit.Length];
        _sparesLeft = spares is null ? new int[_limit.Length] : [.. spares.Select(s => Math.Max(0, s))];
        Peak = new int[_limit.Length];
        FirstId = firstId;
    }

    public int FirstId { get; }

    public int[] Peak { get; }

    /// <summary>QPU of each id handed out, in allocation order (id = FirstId + index).</summary>
    public IReadOnlyList<int> QpuOfId => _qpuOfId;

    /// <summary>Whether each id handed out is a spare data qubit rather than a communication qubit.</summary>
    public IReadOnlyList<bool> IsSpareId => _isSpare;

    public int Limit(int qpu) => _limit[qpu];

    /// <summary>Communication qubits of the QPU not in use now.</summary>
    public int Available(int qpu) => _limit[qpu] - _alive[qpu];

    public int Allocate(int qpu)
    {
        if (_alive[qpu] >= _limit[qpu])
        {
            // The lowering reserves before it allocates; getting here is a bug, not an input error.
            throw new InvalidOperationException($"QPU {qpu} has no free communication qubit");
        }
        _alive[qpu]++;
        Peak[qpu] = Math.Max(Peak[qpu], _alive[qpu]);
        return Take(_free[qpu], qpu, spare: false);
    }

    /// <summary>A spare data qubit on the QPU, or null when it has none free; fresh when never used (still |0⟩).</summary>
    public (int Id, bool Fresh)? AllocateSpare(int qpu)
    {
        if (_freeSpares[qpu].Count > 0)
        {
            return (Take(_freeSpares[qpu], qpu, spare: true), false);
        }
        if (_sparesLeft[qpu] == 0)
        {
            return null;
        }
        _sparesLeft[qpu]--;
        return (Take(_freeSpares[qpu], qpu, spare: true), true);
    }

    public void Free(int id)
    {
        int qpu = QpuOf(id);
        bool spare = IsSpare(id);
        if (!(spare ? _freeSpares : _free)[qpu].Add(id))
        {
            throw new InvalidOperationException($"qubit {id} freed twice");
        }
        if (!spare)
        {
            _alive[qpu]--;
        }
    }

    /// <summary>Whether the pool handed the id out (a communication qubit or a spare), not a source qubit.</summary>
    public bool Owns(int id) => id >= FirstId;

    public bool IsComm(int id) => Owns(id) && !IsSpare(id);

    public bool IsSpare(int id) => Owns(id) && _isSpare[id - FirstId];

    public int QpuOf(int id) => _qpuOfId[id - FirstId];

    public bool AllFree => _alive.All(a => a == 0);

    private int Take(SortedSet<int> free, int qpu, bool spare)
    {
        if (free.Count > 0)
        {
            int reused = free.Min;
            free.Remove(reused);
            return reused;
        }
        _qpuOfId.Add(qpu);
        _isSpare.Add(spare);
        return FirstId + _qpuOfId.Count - 1;
    }
}
