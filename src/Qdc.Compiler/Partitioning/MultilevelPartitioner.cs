using System.Collections.Immutable;

namespace Qdc.Compiler.Partitioning;

/// <summary>
/// The multilevel k-way partitioner: coarsen by heavy-connectivity clustering, partition the
/// coarsest hypergraph several ways, project back level by level with k-way FM at each, then
/// V-cycles while they improve. Several independent attempts (derived seeds) may run in parallel;
/// the best wins by (objective, attempt index), so the thread count never changes the result.
/// </summary>
public static class MultilevelPartitioner
{
    public static PartitionResult Partition(Hypergraph graph, IBlockCost cost, PartitionOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(cost);
        options ??= new PartitionOptions();
        int k = cost.BlockCount;
        if (!MayFit(graph, cost))
        {
            return PartitionResult.Infeasible(k);
        }
        int attempts = options.Attempts > 0 ? options.Attempts : DefaultAttempts(graph);
        var results = new (int[]? BlockOf, long Objective)[attempts];
        bool netlist = !HasZeroWeightVertex(graph);
        // Attempts run in batches of a fixed size, so where they stop does not depend on the
        // thread count. When the count is chosen by size, a batch that finds nothing better than
        // the batches before it ends the search: on small circuits most attempts land on the same
        // few objectives, and the 128 a tiny one allows cost most of a small compile's time.
        int batch = options.Attempts > 0 ? attempts : Math.Min(attempts, AttemptBatch);
        long bestSoFar = long.MaxValue;
        int ran = 0;
        while (ran < attempts)
        {
            int from = ran, to = Math.Min(attempts, ran + batch);
            Parallel.For(
                from,
                to,
                new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.MaxDegreeOfParallelism) },
                a => results[a] = new MultilevelRun(graph, cost, options, SplitMix64.Derive(options.Seed, (ulong)a), LimitPerBlock(options, a), netlist).Run());
            ran = to;
            long batchBest = long.MaxValue;
            for (int a = from; a < to; a++)
            {
                batchBest = Math.Min(batchBest, results[a].Objective);
            }
            if (batchBest >= bestSoFar)
            {
                break;
            }
            bestSoFar = batchBest;
        }
        results = results[..ran];
        attempts = ran;
        int best = -1;
        for (int a = 0; a < attempts; a++)
        {
            if (results[a].BlockOf is not null && (best < 0 || results[a].Objective < results[best].Objective))
            {
                best = a;
            }
        }
        if (best < 0)
        {
            return PartitionResult.Infeasible(k);
        }
        var blockOf = netlist ? Recombine(graph, cost, options, results, best) : results[best].BlockOf!;
        if (netlist && options.FlowRefinement)
        {
            Polish(graph, cost, options, blockOf);
        }
        return new PartitionResult(
            true,
            [.. blockOf],
            PartitionMetrics.Objective(graph, blockOf, cost),
            PartitionMetrics.Km1(graph, blockOf),
            PartitionMetrics.Cut(graph, blockOf),
            PartitionMetrics.BlockWeights(graph, blockOf, k));
    }

    /// <summary>
    /// Netlists: attempts land far apart (ibm01 k=8: 920 to 1036), so the best is recombined with
    /// each other attempt in parallel (<see cref="MultilevelRun.Combine"/>), and again with the
    /// best child while a round improves, for a few rounds. Each child depends only on its parents
    /// and its seed, so the result does not depend on the thread count.
    /// </summary>
    private static int[] Recombine(Hypergraph graph, IBlockCost cost, PartitionOptions options, (int[]? BlockOf, long Objective)[] results, int best)
    {
        var (blockOf, objective) = (results[best].BlockOf!, results[best].Objective);
        var others = results.Select(r => r.BlockOf).Where((b, a) => a != best && b is not null).Cast<int[]>().ToList();
        for (int round = 0; round < RecombineRounds && others.Count > 0; round++)
        {
            var children = new (int[] BlockOf, long Objective)[others.Count];
            var parent = blockOf;
            Parallel.For(
                0,
                others.Count,
                new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.MaxDegreeOfParallelism) },
                i => children[i] = new MultilevelRun(graph, cost, options, SplitMix64.Derive(options.Seed, (ulong)((round + 1) * 1000) + (ulong)i), options.ContractionLimitPerBlock, netlist: true)
                    .Combine(parent, others[i]));
            int winner = -1;
            for (int i = 0; i < children.Length; i++)
            {
                if (children[i].Objective < (winner < 0 ? objective : children[winner].Objective))
                {
                    winner = i;
                }
            }
            if (winner < 0)
            {
                break;
            }
            // The old best joins the pool in place of the child that beat it.
            others[winner] = blockOf;
            (blockOf, objective) = children[winner];
        }
        return blockOf;
    }

    private const int RecombineRounds = 3;

    // Attempts per batch when their number is chosen by size (see Partition).
    private const int AttemptBatch = 16;

    /// <summary>
    /// Flows on the winner, then FM to follow up what they moved, while the flows improve. Only
    /// here, at the finest level: flows after FM at every level of every attempt cost 3–4× the
    /// CPU time on ibm01 and did not end better (k=4/8: 517/881 against 511/872). Runs after the
    /// parallel part, so it does not depend on the thread count; it never makes the partition worse.
    /// </summary>
    private static void Polish(Hypergraph graph, IBlockCost cost, PartitionOptions options, int[] blockOf)
    {
        var state = new PartitionState(graph, cost, blockOf);
        long netWeight = 0;
        for (int e = 0; e < graph.NetCount; e++)
        {
            netWeight += graph.NetWeight(e);
        }
        // Where most nets are cut (rand_v1000 at k=4: 94%), a pair's network is nearly the whole
        // hypergraph and its flow must carry the whole cut: 1.5 s of CPU there gained 0.05%.
        if (!state.IsAllToAll || state.Objective * 2 > netWeight)
        {
            return;
        }
        var rng = new SplitMix64(SplitMix64.Derive(options.Seed, 0xF10F));
        var fm = new FmRefiner(state, rng);
        while (new FlowRefiner(state, rng).Refine() > 0)
        {
            fm.Refine();
        }
    }

    /// <summary>Total weight within total capacity and the heaviest vertex within the largest block.</summary>
    public static bool MayFit(Hypergraph graph, IBlockCost cost)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(cost);
        long capacity = 0, largest = 0;
        for (int b = 0; b < cost.BlockCount; b++)
        {
            capacity += cost.Capacity(b);
            largest = Math.Max(largest, cost.Capacity(b));
        }
        return graph.TotalVertexWeight <= capacity && graph.MaxVertexWeight <= largest;
    }

    // Odd attempts coarsen four times further: a small coarsest level suits circuit hypergraphs
    // (mostly weight-0 gate vertices, so the vertex count overstates the size), a large one suits
    // netlists; alternating lets the best of both win on any instance.
    private static int LimitPerBlock(PartitionOptions options, int attempt) =>
        attempt % 2 == 0 ? options.ContractionLimitPerBlock : Math.Max(1, options.ContractionLimitPerBlock / 4);

    // Community-aware coarsening and multilevel bisections pay on netlists (ibm01 k=4/8: 583/999
    // -> 515/917) but not on circuit hypergraphs, whose weight-0 gate vertices make communities
    // follow gate runs rather than good cuts (QFT-100 on 6 QPUs: 108 -> 121 ebits).
    private static bool HasZeroWeightVertex(Hypergraph g)
    {
        for (int v = 0; v < g.VertexCount; v++)
        {
            if (g.VertexWeight(v) == 0)
            {
                return true;
            }
        }
        return false;
    }

    // Small instances get more independent attempts: they are cheap and the objective is lumpy.
    // Tiny ones (a few hundred pins) get up to 128: each attempt costs a millisecond or so. At least
    // 3 below 100k pins+vertices, one per attempt parity and a spare; 2 above (80k-gate circuits).
    private static int DefaultAttempts(Hypergraph g)
    {
        long size = Math.Max(1, g.PinCount + g.VertexCount);
        return (int)Math.Clamp(120_000L / size, size < 100_000 ? 3 : 2, size < 1000 ? 128 : 32);
    }
}
