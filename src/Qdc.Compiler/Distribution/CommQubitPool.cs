namespace Qdc.Compiler.Distribution;

/// <summary>
/// Hands out communication qubits per QPU, reusing freed ones (lowest first, so output is
/// deterministic), never more at once than the QPU has, and remembering the most alive at once.
/// Ids are program-wide and come after the data qubits; the final numbering is chosen when the
/// program is assembled.
/// </summary>
internal sealed class CommQubitPool
{
    private readonly SortedSet<int>[] _free;
    private readonly int[] _alive;
    private readonly int[] _limit;
    private readonly List<int> _qpuOfId = [];

    public CommQubitPool(IReadOnlyList<int> limits, int firstId)
    {
        _limit = [.. limits];
        _free = [.. _limit.Select(_ => new SortedSet<int>())];
        _alive = new int[_limit.Length];
        Peak = new int[_limit.Length];
        FirstId = firstId;
    }

    public int FirstId { get; }

    public int[] Peak { get; }

    /// <summary>QPU of each communication qubit id, in allocation order (id = FirstId + index).</summary>
    public IReadOnlyList<int> QpuOfId => _qpuOfId;

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
        int id;
        if (_free[qpu].Count > 0)
        {
            id = _free[qpu].Min;
            _free[qpu].Remove(id);
        }
        else
        {
            id = FirstId + _qpuOfId.Count;
            _qpuOfId.Add(qpu);
        }
        _alive[qpu]++;
        Peak[qpu] = Math.Max(Peak[qpu], _alive[qpu]);
        return id;
    }

    public void Free(int id)
    {
        int qpu = QpuOf(id);
        if (!_free[qpu].Add(id))
        {
            throw new InvalidOperationException($"communication qubit {id} freed twice");
        }
        _alive[qpu]--;
    }

    public bool IsComm(int id) => id >= FirstId;

    public int QpuOf(int id) => _qpuOfId[id - FirstId];

    public bool AllFree => _alive.All(a => a == 0);
}
