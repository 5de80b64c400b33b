namespace Qdc.Compiler.Partitioning;

/// <summary>
/// One multilevel attempt with its own random stream: a first cycle, then V-cycles. A netlist (no
/// weight-0 vertices) is coarsened within communities and initially partitioned with multilevel bisections.
/// </summary>
internal sealed class MultilevelRun(Hypergraph graph, IBlockCost cost, PartitionOptions options, ulong seed, int limitPerBlock, bool netlist)
{
    private readonly SplitMix64 _rng = new(seed);

    public (int[]? BlockOf, long Objective) Run()
    {
        var blockOf = Cycle(null);
        if (blockOf is null)
        {
            return (null, long.MaxValue);
        }
        (blockOf, long objective) = VCycles(blockOf);
        // Small instances (up to about 60k pins and vertices) get kicks and re-refinement: cheap there, and tight capacities need them.
        int rounds = (int)Math.Clamp(60_000L / Math.Max(1, graph.PinCount + graph.VertexCount), 0, 30);
        if (options.LocalSearch && rounds > 0 && objective > 0)
        {
            objective = IteratedLocalSearch.Improve(graph, cost, blockOf, _rng, rounds);
        }
        return (blockOf, objective);
    }

    /// <summary>
    /// Recombination (as in KaHyPar's evolutionary mode): coarsen only vertices that share a block in
    /// both parents, start the coarsest level from the better parent, refine back up, then V-cycles.
    /// Every cut net of the better parent survives coarsening, so the child is never worse than it.
    /// </summary>
    public (int[] BlockOf, long Objective) Combine(int[] better, int[] other)
    {
        int k = cost.BlockCount;
        var labels = new int[better.Length];
        for (int v = 0; v < labels.Length; v++)
        {
            labels[v] = (better[v] * k) + other[v];
        }
        return VCycles(Cycle(better, labels)!);
    }

    private (int[] BlockOf, long Objective) VCycles(int[] blockOf)
    {
        long objective = new PartitionState(graph, cost, blockOf).Objective;
        // A V-cycle's clustering is random, so one that finds nothing does not end the search; two in a row do.
        int idle = 0;
        for (int i = 0; i < options.VCycles && objective > 0 && idle < 2; i++)
        {
            var next = Cycle(blockOf)!;
            long value = new PartitionState(graph, cost, next).Objective;
            idle = value < objective ? 0 : idle + 1;
            (blockOf, objective) = (next, value);
        }
        return (blockOf, objective);
    }

    /// <summary>
    /// Coarsen (within blocks of <paramref name="start"/> when given, or within the classes of
    /// <paramref name="labels"/>), partition (or start from <paramref name="start"/>), refine back up.
    /// </summary>
    private int[]? Cycle(int[]? start, int[]? labels = null)
    {
        var levels = new List<(Hypergraph Graph, int[] ClusterOf)>();
        var current = graph;
        var restriction = labels ?? start;
        var initial = labels is null ? null : start;
        int k = cost.BlockCount;
        int limit = ContractionLimit();
        long maxWeight = MaxClusterWeight(limit);
        // The first cycle coarsens within communities; a V-cycle within the blocks it starts from.
        var community = start is null && netlist && graph.VertexCount > limit ? Communities.Detect(graph, _rng) : null;
        while (current.VertexCount > limit)
        {
            var (clusterOf, count) = Coarsener.Cluster(current, maxWeight, _rng, restriction ?? community);
            if (count > current.VertexCount * 0.95)
            {
                if (community is null)
                {
                    break;
                }
                // The communities are contracted as far as they go; go on without them.
                community = null;
                continue;
            }
            levels.Add((current, clusterOf));
            var coarse = Contraction.Contract(current, clusterOf, count);
            restriction = Project(restriction, clusterOf, count);
            initial = Project(initial, clusterOf, count);
            community = Project(community, clusterOf, count);
            current = coarse;
        }

        int[]? blockOf = (initial ?? restriction) is { } given
            ? (int[])given.Clone()
            : InitialPartitioner.Run(current, cost, _rng, options.InitialTries, netlist);
        if (blockOf is null)
        {
            // The coarsest clusters would not pack; fall back to the finest level.
            if (levels.Count == 0)
            {
                return null;
            }
            levels.Clear();
            current = graph;
            blockOf = InitialPartitioner.Run(graph, cost, _rng, Math.Min(options.InitialTries, 4), netlist);
            if (blockOf is null)
            {
                return null;
            }
        }
        Refine(current, blockOf);
        for (int i = levels.Count - 1; i >= 0; i--)
        {
            var (fine, clusterOf) = levels[i];
            var projected = new int[fine.VertexCount];
            for (int v = 0; v < projected.Length; v++)
            {
                projected[v] = blockOf[clusterOf[v]];
            }
            blockOf = projected;
            Refine(fine, blockOf);
        }
        return blockOf;
    }

    private static int[]? Project(int[]? labels, int[] clusterOf, int count)
    {
        if (labels is null)
        {
            return null;
        }
        var projected = new int[count];
        for (int v = 0; v < clusterOf.Length; v++)
        {
            projected[clusterOf[v]] = labels[v];
        }
        return projected;
    }

    private void Refine(Hypergraph g, int[] blockOf)
    {
        var state = new PartitionState(g, cost, blockOf);
        new FmRefiner(state, _rng).Refine();
    }

    // KaHyPar's rule of thumb, ⌈W/(t·k)⌉, but never past the smallest block and never below the heaviest vertex.
    // Coarsening stops at t·k vertices (KaHyPar's t = 160).
    private int ContractionLimit() =>
        Math.Max(2 * cost.BlockCount, limitPerBlock * cost.BlockCount);

    private long MaxClusterWeight(int limit)
    {
        int k = cost.BlockCount;
        long smallest = long.MaxValue;
        for (int b = 0; b < k; b++)
        {
            smallest = Math.Min(smallest, cost.Capacity(b));
        }
        long perBlock = (graph.TotalVertexWeight + limit - 1) / limit;
        return Math.Max(graph.MaxVertexWeight, Math.Min(smallest, Math.Max(1, perBlock)));
    }
}
