namespace Qdc.Compiler.Scheduling;

/// <summary>Dependency edges collected in any order, then packed by source task (compressed rows).</summary>
internal sealed class EdgeList(int capacity)
{
    private readonly List<int> _from = new(capacity);
    private readonly List<int> _to = new(capacity);
    private readonly List<double> _lag = new(capacity);

    public void Add(int from, int to, double lag)
    {
        _from.Add(from);
        _to.Add(to);
        _lag.Add(lag);
    }

    public (int[] Start, int[] Succ, double[] Lag, int[] PredCount) ToCsr(int tasks)
    {
        var start = new int[tasks + 1];
        var predCount = new int[tasks];
        foreach (int f in _from)
        {
            start[f + 1]++;
        }
        for (int i = 0; i < tasks; i++)
        {
            start[i + 1] += start[i];
        }
        var fill = start[..tasks];
        var succ = new int[_from.Count];
        var lag = new double[_from.Count];
        // Edges were added in program order of their targets, so each row stays in target order.
        for (int e = 0; e < _from.Count; e++)
        {
            int slot = fill[_from[e]]++;
            succ[slot] = _to[e];
            lag[slot] = _lag[e];
            predCount[_to[e]]++;
        }
        return (start, succ, lag, predCount);
    }
}
