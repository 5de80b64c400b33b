using System.Collections.Immutable;
using Qdc.Compiler.Graphs;

namespace Qdc.Compiler.Topology;

/// <summary>
/// A quantum data center: QPUs and the links between them. Immutable; load one with
/// <see cref="TopologyLoader"/> or take <see cref="DefaultFor"/>. Links refer to QPUs by index.
/// Inside another Qdc.Compiler.* namespace the bare name "Topology" means this namespace, so
/// write <c>Topology.Topology</c> there or alias it (<c>using QdcTopology = Qdc.Compiler.Topology.Topology;</c>).
/// </summary>
public sealed record Topology(string Name, ImmutableArray<Qpu> Qpus, ImmutableArray<Link> Links, bool Swapping)
{
    /// <summary>How many QPUs the embedded default topology has.</summary>
    public const int DefaultQpuCount = 4;

    public int QpuCount => Qpus.Length;

    public int TotalDataQubits => Qpus.Sum(q => q.DataQubits);

    /// <summary>Each QPU's data-qubit capacity, in QPU order: the partitioner's block sizes.</summary>
    public ImmutableArray<int> Capacities => [.. Qpus.Select(q => q.DataQubits)];

    /// <summary>The index of the QPU with this id, or -1.</summary>
    public int IndexOf(string id)
    {
        for (int i = 0; i < Qpus.Length; i++)
        {
            if (Qpus[i].Id == id)
            {
                return i;
            }
        }
        return -1;
    }

    /// <summary>True when every pair of QPUs shares a link (so a hyperedge over m QPUs costs m−1 ebits).</summary>
    public bool IsAllToAll
    {
        get
        {
            int n = Qpus.Length;
            var seen = new HashSet<(int, int)>();
            foreach (var l in Links)
            {
                if (l.A != l.B)
                {
                    seen.Add((Math.Min(l.A, l.B), Math.Max(l.A, l.B)));
                }
            }
            return seen.Count == n * (n - 1) / 2;
        }
    }

    /// <summary>The QPU graph: vertex i is Qpus[i], edge j is Links[j], every edge of weight 1 (one hop).</summary>
    public UndirectedGraph ToGraph() =>
        new(Qpus.Length, Links.Select(l => new WeightedEdge(l.A, l.B, 1.0)));

    /// <summary>
    /// The topology used when the user gives none: <see cref="DefaultQpuCount"/> superconducting QPUs,
    /// all-to-all with default links, each holding ceil(n/4)+1 data qubits. The +1 leaves one free
    /// slot per QPU so the partitioner has room to move qubits (no slack makes balanced cuts rigid),
    /// and all-to-all keeps the cost model the plain connectivity−1 one.
    /// </summary>
    public static Topology DefaultFor(int qubits)
    {
        int perQpu = (Math.Max(0, qubits) + DefaultQpuCount - 1) / DefaultQpuCount + 1;
        var qpus = Enumerable.Range(0, DefaultQpuCount)
            .Select(i => Qpu.FromPreset($"qpu{i}", perQpu, Platform.Superconducting))
            .ToImmutableArray();
        var links = ImmutableArray.CreateBuilder<Link>();
        for (int a = 0; a < DefaultQpuCount; a++)
        {
            for (int b = a + 1; b < DefaultQpuCount; b++)
            {
                links.Add(Link.WithDefaults(a, b));
            }
        }
        return new Topology($"default-{DefaultQpuCount}x{perQpu}", qpus, links.ToImmutable(), Swapping: true);
    }
}
