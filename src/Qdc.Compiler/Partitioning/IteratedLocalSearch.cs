namespace Qdc.Compiler.Partitioning;

/// <summary>
/// For small hypergraphs, where a multilevel run is cheap but FM alone stalls in tight balance:
/// kick the best partition (swap a few random pairs of equal-weight vertices, which keeps every
/// block's load), refine with FM, and keep the result when it is no worse.
/// </summary>
internal static class IteratedLocalSearch
{
    public static long Improve(Hypergraph g, IBlockCost cost, int[] blockOf, SplitMix64 rng, int rounds)
    {
        var state = new PartitionState(g, cost, (int[])blockOf.Clone());
        long best = state.Objective;
        int n = g.VertexCount;
        for (int r = 0; r < rounds && best > 0 && n > 1; r++)
        {
            var trial = new PartitionState(g, cost, (int[])blockOf.Clone());
            int swaps = 1 + rng.Next(Math.Max(1, Math.Min(6, n / 8)));
            for (int s = 0; s < swaps; s++)
            {
                // Swap a vertex with a neighbour across the cut: kicks that land near the cut pay.
                int u = rng.Next(n);
                int v = RandomNeighbour(g, u, rng);
                int bu = trial.BlockOf[u];
                if (v < 0 || trial.BlockOf[v] == bu)
                {
                    v = rng.Next(n);
                }
                int bv = trial.BlockOf[v];
                if (bu != bv && g.VertexWeight(u) == g.VertexWeight(v))
                {
                    trial.Move(u, bv);
                    trial.Move(v, bu);
                }
            }
            new FmRefiner(trial, rng).Refine();
            if (trial.Objective <= best)
            {
                best = trial.Objective;
                Array.Copy(trial.BlockOf, blockOf, n);
            }
        }
        return best;
    }

    private static int RandomNeighbour(Hypergraph g, int u, SplitMix64 rng)
    {
        var nets = g.IncidentNets(u);
        if (nets.Length == 0)
        {
            return -1;
        }
        var pins = g.Pins(nets[rng.Next(nets.Length)]);
        return pins[rng.Next(pins.Length)];
    }
}
