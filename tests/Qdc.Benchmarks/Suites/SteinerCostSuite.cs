using System.Diagnostics;
using System.Globalization;
using Qdc.Compiler.Topology;

namespace Qdc.Benchmarks.Suites;

/// <summary>
/// What the partitioner pays for <see cref="TopologyMetrics.SteinerCost(ulong)"/>: the one-off cost
/// of building the metrics (and, at ≤ 12 QPUs, the all-subset table) and the per-call cost once
/// warm, on rings and grids that are not all-to-all.
/// </summary>
public sealed class SteinerCostSuite : ISuite
{
    public string Name => "steiner";

    public string Description => "TopologyMetrics.SteinerCost: cold and warm cost on ring and grid topologies";

    public int Run(string[] args, TextWriter output)
    {
        var c = CultureInfo.InvariantCulture;
        output.WriteLine("topology     qpus  build+first ms  distinct masks  cold ms  warm ns/call");
        foreach (var (name, qpus, links) in Shapes())
        {
            var topology = new Topology(name,
                [.. Enumerable.Range(0, qpus).Select(i => Qpu.FromPreset($"q{i}", 8, Platform.Superconducting))],
                [.. links.Select(l => Link.WithDefaults(l.A, l.B))], Swapping: true);
            var rng = new Random(1);
            // Hyperedges of 2–4 QPUs dominate real circuits' cuts.
            var masks = Enumerable.Range(0, 20_000).Select(_ => RandomMask(rng, qpus, rng.Next(2, 5))).ToArray();
            var clock = Stopwatch.StartNew();
            var metrics = new TopologyMetrics(topology);
            metrics.SteinerCost(masks[0]);
            double build = clock.Elapsed.TotalMilliseconds;
            clock.Restart();
            long sum = 0;
            foreach (ulong m in masks)
            {
                sum += metrics.SteinerCost(m);
            }
            double cold = clock.Elapsed.TotalMilliseconds;
            const int rounds = 50;
            clock.Restart();
            for (int r = 0; r < rounds; r++)
            {
                foreach (ulong m in masks)
                {
                    sum += metrics.SteinerCost(m);
                }
            }
            double warmNs = clock.Elapsed.TotalMilliseconds * 1e6 / (rounds * masks.Length);
            output.WriteLine(string.Create(c,
                $"{name,-12} {qpus,4}  {build,14:F2}  {masks.Distinct().Count(),14}  {cold,7:F2}  {warmNs,12:F1}   (checksum {sum})"));
        }
        return 0;
    }

    private static ulong RandomMask(Random rng, int qpus, int size)
    {
        ulong mask = 0;
        while (System.Numerics.BitOperations.PopCount(mask) < Math.Min(size, qpus))
        {
            mask |= 1UL << rng.Next(qpus);
        }
        return mask;
    }

    private static IEnumerable<(string Name, int Qpus, List<(int A, int B)> Links)> Shapes()
    {
        foreach (int n in new[] { 8, 12, 16, 32, 64 })
        {
            yield return ($"ring{n}", n, [.. Enumerable.Range(0, n).Select(i => (i, (i + 1) % n))]);
        }
        foreach (int side in new[] { 3, 4, 8 })
        {
            var links = new List<(int, int)>();
            for (int r = 0; r < side; r++)
            {
                for (int col = 0; col < side; col++)
                {
                    int v = r * side + col;
                    if (col + 1 < side)
                    {
                        links.Add((v, v + 1));
                    }
                    if (r + 1 < side)
                    {
                        links.Add((v, v + side));
                    }
                }
            }
            yield return ($"grid{side}x{side}", side * side, links);
        }
    }
}
