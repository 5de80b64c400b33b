namespace Qdc.Circuits.Dependencies;

/// <summary>
/// Walks operations in order keeping, per wire, the level of the last operation on it; the level
/// of the next one is the largest of its wires' plus its weight. One pass, O(wires) memory.
/// </summary>
internal sealed class LevelWalker(Circuit circuit)
{
    private readonly int[] _lastLevel = new int[Wires.Count(circuit)];
    private int[] _buffer = new int[8];
    private int _count;

    /// <summary>The wires of the operation just stepped over.</summary>
    public ReadOnlySpan<int> CurrentWires => _buffer.AsSpan(0, _count);

    public int Depth { get; private set; }

    public int Step(Operation op)
    {
        int n = Wires.Fill(op, circuit.QubitCount, ref _buffer);
        var wires = _buffer.AsSpan(0, n);
        int level = 0;
        foreach (var w in wires)
        {
            level = Math.Max(level, _lastLevel[w]);
        }
        level += Wires.Weight(op);
        foreach (var w in wires)
        {
            _lastLevel[w] = level;
        }
        Depth = Math.Max(Depth, level);
        _count = n;
        return level;
    }
}
