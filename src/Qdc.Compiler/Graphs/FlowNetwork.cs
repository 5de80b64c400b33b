namespace Qdc.Compiler.Graphs;

/// <summary>
/// A directed network with integer capacities for <see cref="MaxFlow"/>: nodes 0..n−1, and each
/// added edge stored with its residual twin (edge i and i^1), so that an undirected edge of
/// capacity c is one call with both capacities c.
/// </summary>
public sealed class FlowNetwork
{
    /// <summary>A capacity no cut in practice reaches; sums of a few of them do not overflow.</summary>
    public const long Infinite = long.MaxValue / 8;

    private readonly List<int> _heads = [];
    private readonly List<long> _capacities = [];

    public FlowNetwork(int nodeCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(nodeCount);
        NodeCount = nodeCount;
    }

    public int NodeCount { get; }

    /// <summary>Edges added, each with its twin counted once.</summary>
    public int EdgeCount => _heads.Count / 2;

    /// <summary>Adds <paramref name="from"/>→<paramref name="to"/> and returns its id (its twin is id^1).</summary>
    public int AddEdge(int from, int to, long capacity, long reverseCapacity = 0)
    {
        if ((uint)from >= (uint)NodeCount || (uint)to >= (uint)NodeCount)
        {
            throw new ArgumentOutOfRangeException(nameof(from), $"edge ({from}, {to}) names a node outside 0..{NodeCount - 1}");
        }
        ArgumentOutOfRangeException.ThrowIfNegative(capacity);
        ArgumentOutOfRangeException.ThrowIfNegative(reverseCapacity);
        int id = _heads.Count;
        _heads.Add(to);
        _capacities.Add(Math.Min(capacity, Infinite));
        _heads.Add(from);
        _capacities.Add(Math.Min(reverseCapacity, Infinite));
        return id;
    }

    internal int Head(int edge) => _heads[edge];

    internal long Capacity(int edge) => _capacities[edge];
}
