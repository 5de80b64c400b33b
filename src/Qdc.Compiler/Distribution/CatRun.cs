using Qdc.Compiler.Partitioning;
using Qdc.Compiler.Topology;

namespace Qdc.Compiler.Distribution;

/// <summary>
/// One run (net) of a qubit that spans several QPUs, while it is being lowered: the tree over QPUs
/// along which its cat-entangled copies are made (rooted at the qubit's home QPU; a star on an
/// all-to-all network, else a minimal Steiner tree, so each tree link costs one ebit), and which
/// copies exist. A copy is made when first needed and released (cat-disentangled) as soon as its
/// QPU has no gates of the run left and no child still waits for a copy made from it. A copy
/// released early for want of communication qubits is made again when needed (from the nearest
/// QPU up the tree that still holds one). With swapping on, a QPU that only passes the copy on to
/// one child gets none: the pairs across it are joined by an entanglement swap there instead, so
/// each tree edge is a path of links (one pair per link all the same).
/// </summary>
internal sealed class CatRun
{
    private CatRun(int qubit, InteractionKind kind, int home, int[] parent, int[][] parentPath, int[][] parentLinks, int[] remainingGates)
    {
        Qubit = qubit;
        Kind = kind;
        Home = home;
        Parent = parent;
        ParentPath = parentPath;
        ParentLinks = parentLinks;
        RemainingGates = remainingGates;
        SubtreeGates = (int[])remainingGates.Clone();
        Made = new bool[parent.Length];
        Upcoming = [.. parent.Select(_ => new Queue<int>())];
        Copy = new int[parent.Length];
        Array.Fill(Copy, -1);
        for (int v = 0; v < parent.Length; v++)
        {
            for (int u = parent[v]; u >= 0 && remainingGates[v] > 0; u = parent[u])
            {
                SubtreeGates[u] += remainingGates[v];
            }
        }
    }

    public int Qubit { get; }

    public InteractionKind Kind { get; }

    public int Home { get; }

    /// <summary>Parent QPU in the tree; -1 for the home QPU and for QPUs outside the tree.</summary>
    public int[] Parent { get; }

    /// <summary>The QPUs from the parent to this one (two when they are linked; more across swapped pass-throughs).</summary>
    public int[][] ParentPath { get; }

    /// <summary>The links along <see cref="ParentPath"/>, each of whose pairs goes into this QPU's copy.</summary>
    public int[][] ParentLinks { get; }

    /// <summary>Gates of the run not yet lowered, per QPU.</summary>
    public int[] RemainingGates { get; }

    /// <summary>Gates not yet lowered on the QPU and every QPU below it in the tree.</summary>
    public int[] SubtreeGates { get; }

    /// <summary>The run's gates not yet lowered on each QPU, in circuit order (gate vertex indices, filled by the lowering).</summary>
    public Queue<int>[] Upcoming { get; }

    /// <summary>QPUs that have held a copy: making one again is the cost of serialising.</summary>
    public bool[] Made { get; }

    /// <summary>The communication qubit holding the copy on each QPU, or -1.</summary>
    public int[] Copy { get; }

    /// <summary>Links of the tree (each consumes one pair).</summary>
    public int LinkCount => ParentLinks.Sum(l => l.Length);

    /// <summary>
    /// QPUs other than home that pass copies on to children or swap pairs across themselves (either
    /// needs two communication qubits at once).
    /// </summary>
    public IEnumerable<int> Relays =>
        Enumerable.Range(0, Parent.Length).Where(v => v != Home && Parent.Contains(v)).Concat(ParentPath.SelectMany(p => p.Skip(1).SkipLast(1))).Distinct().Order();

    /// <summary>A gate of the run on this QPU has been lowered.</summary>
    public void GateDone(int qpu)
    {
        RemainingGates[qpu]--;
        Upcoming[qpu].TryDequeue(out _);
        for (int v = qpu; v >= 0; v = Parent[v])
        {
            SubtreeGates[v]--;
        }
    }

    /// <summary>The next gate that needs the copy on this QPU, its own or one below it in the tree (int.MaxValue: none).</summary>
    public int NextUse(int qpu)
    {
        int next = int.MaxValue;
        for (int u = 0; u < Parent.Length; u++)
        {
            if (Upcoming[u].Count > 0 && Below(u, qpu))
            {
                next = Math.Min(next, Upcoming[u].Peek());
            }
        }
        return next;
    }

    private bool Below(int u, int v)
    {
        for (; u >= 0; u = Parent[u])
        {
            if (u == v)
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>True when the copy on this QPU exists and nothing needs it any more.</summary>
    public bool Releasable(int qpu)
    {
        if (qpu == Home || Copy[qpu] < 0 || RemainingGates[qpu] > 0)
        {
            return false;
        }
        for (int c = 0; c < Parent.Length; c++)
        {
            if (Parent[c] == qpu && Copy[c] < 0 && SubtreeGates[c] > 0)
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>Null when every gate of the run executes on the qubit's home QPU.</summary>
    public static CatRun? Create(int qubit, InteractionKind kind, int home, IReadOnlyList<int> gateQpus, TopologyMetrics metrics)
    {
        int k = metrics.QpuCount;
        var remaining = new int[k];
        foreach (int p in gateQpus)
        {
            remaining[p]++;
        }
        ulong terminals = 0;
        for (int p = 0; p < k; p++)
        {
            terminals |= remaining[p] > 0 ? 1UL << p : 0;
        }
        if ((terminals & ~(1UL << home)) == 0)
        {
            return null;
        }
        var tree = CopyTree.Build(metrics, home, terminals);
        int[] parent = [.. tree.Parent];
        int[][] path = [.. Enumerable.Range(0, k).Select(v => parent[v] >= 0 ? new[] { parent[v], v } : [])];
        int[][] links = [.. Enumerable.Range(0, k).Select(v => parent[v] >= 0 ? new[] { tree.ParentLink[v] } : [])];
        if (metrics.Topology.Swapping)
        {
            SkipPassThroughs(home, remaining, parent, path, links);
        }
        return new CatRun(qubit, kind, home, parent, path, links, remaining);
    }

    /// <summary>
    /// Takes out of the tree every QPU other than home with none of the run's gates and exactly one
    /// child: the child's edge then runs from the QPU's parent through it, one swapped pair instead
    /// of a copy relayed on. Branching Steiner points keep their copy, which serves every branch.
    /// </summary>
    private static void SkipPassThroughs(int home, int[] remaining, int[] parent, int[][] path, int[][] links)
    {
        for (int v = 0; v < parent.Length; v++)
        {
            if (v == home || parent[v] < 0 || remaining[v] > 0)
            {
                continue;
            }
            int[] children = [.. Enumerable.Range(0, parent.Length).Where(c => parent[c] == v)];
            if (children.Length != 1)
            {
                continue;
            }
            int c = children[0];
            parent[c] = parent[v];
            path[c] = [.. path[v], .. path[c].Skip(1)];
            links[c] = [.. links[v], .. links[c]];
            parent[v] = -1;
            path[v] = [];
            links[v] = [];
        }
    }
}
