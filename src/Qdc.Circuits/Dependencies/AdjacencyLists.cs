namespace Qdc.Circuits.Dependencies;

/// <summary>Immutable lists of ints per node in one flat array (compressed sparse rows), cheap for millions of nodes.</summary>
internal sealed class AdjacencyLists
{
    private readonly int[] _offsets;
    private readonly int[] _items;

    private AdjacencyLists(int[] offsets, int[] items)
    {
        _offsets = offsets;
        _items = items;
    }

    public ReadOnlySpan<int> this[int node] => _items.AsSpan(_offsets[node], _offsets[node + 1] - _offsets[node]);

    /// <summary>Lists from (node, item) pairs, each node's items in the order the pairs come.</summary>
    public static AdjacencyLists FromPairs(int nodes, ReadOnlySpan<int> from, ReadOnlySpan<int> to)
    {
        var offsets = new int[nodes + 1];
        foreach (var f in from)
        {
            offsets[f + 1]++;
        }
        for (int i = 0; i < nodes; i++)
        {
            offsets[i + 1] += offsets[i];
        }
        var fill = offsets[..^1];
        var items = new int[from.Length];
        for (int i = 0; i < from.Length; i++)
        {
            items[fill[from[i]]++] = to[i];
        }
        return new AdjacencyLists(offsets, items);
    }
}
