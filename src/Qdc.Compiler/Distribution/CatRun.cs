using Qdc.Compiler.Partitioning;
using Qdc.Compiler.Topology;

namespace Qdc.Compiler.Distribution;

/// <summary>
/// One run (net) of a qubit that spans several QPUs, while it is being lowered: the tree over QPUs
/// along which its cat-entangled copies are made (rooted at the qubit's home QPU; a star on an
/// all-to-all network, else a minimal Steiner tree, so each tree link costs one ebit), and which
/// copies exist. A copy is made when first needed and released (cat-disentangled) as soon as
/// its QPU has no gates of the run left and every child copy has been made from it.
/// </summary>
internal sealed class CatRun
{
    private CatRun(int qubit, InteractionKind kind, int home, int[] parent, int[] parentLink, int[] remainingGates)
    {
        Qubit = qubit;
        Kind = kind;
        Home = home;
        Parent = parent;
        ParentLink = parentLink;
        RemainingGates = remainingGates;
        PendingChildren = new int[parent.Length];
        Copy = new int[parent.Length];
        Array.Fill(Copy, -1);
        for (int v = 0; v < parent.Length; v++)
        {
            if (parent[v] >= 0)
            {
                PendingChildren[parent[v]]++;
            }
        }
    }

    public int Qubit { get; }

    public InteractionKind Kind { get; }

    public int Home { get; }

    /// <summary>Parent QPU in the tree; -1 for the home QPU and for QPUs outside the tree.</summary>
    public int[] Parent { get; }

    /// <summary>The link to the parent, whose pair makes this QPU's copy.</summary>
    public int[] ParentLink { get; }

    /// <summary>Gates of the run not yet lowered, per QPU.</summary>
    public int[] RemainingGates { get; }

    /// <summary>Children whose copies are not yet made, per QPU.</summary>
    public int[] PendingChildren { get; }

    /// <summary>The communication qubit holding the copy on each QPU, or -1.</summary>
    public int[] Copy { get; }

    /// <summary>Links of the tree (each consumes one pair).</summary>
    public int LinkCount => Parent.Count(p => p >= 0);

    /// <summary>Null when every gate of the run executes on the qubit's home QPU.</summary>
    public static CatRun? Create(int qubit, InteractionKind kind, int home, IReadOnlyList<int> gateQpus, TopologyMetrics metrics)
    {
        int k = metrics.QpuCount;
        var remaining = new int[k];
        foreach (int p in gateQpus)
        {
            remaining[p]++;
        }
        var terminals = Enumerable.Range(0, k).Where(p => p == home || remaining[p] > 0).ToArray();
        if (terminals.Length == 1)
        {
            return null;
        }
        var parent = new int[k];
        var parentLink = new int[k];
        Array.Fill(parent, -1);
        Array.Fill(parentLink, -1);
        var links = metrics.Topology.Links;
        if (metrics.IsAllToAll)
        {
            // A star from home: every copy is one hop from the original, with no relays to keep alive.
            foreach (int t in terminals.Where(t => t != home))
            {
                parent[t] = home;
                parentLink[t] = LinkLookup.Between(links, home, t);
            }
        }
        else
        {
            var tree = metrics.SteinerTree(terminals);
            if (!tree.Spans)
            {
                throw new InvalidOperationException($"QPUs {string.Join(", ", terminals)} are not connected");
            }
            RootAt(home, tree.EdgeIndices, links, parent, parentLink);
            PruneBareLeaves(home, remaining, parent, parentLink);
        }
        return new CatRun(qubit, kind, home, parent, parentLink, remaining);
    }

    // Breadth-first from home over the tree's links, lowest link index first.
    private static void RootAt(int home, IReadOnlyList<int> treeLinks, IReadOnlyList<Link> links, int[] parent, int[] parentLink)
    {
        var seen = new bool[parent.Length];
        seen[home] = true;
        var queue = new Queue<int>();
        queue.Enqueue(home);
        while (queue.Count > 0)
        {
            int v = queue.Dequeue();
            foreach (int l in treeLinks)
            {
                var link = links[l];
                if ((link.A == v || link.B == v) && !seen[link.Other(v)])
                {
                    int u = link.Other(v);
                    seen[u] = true;
                    parent[u] = v;
                    parentLink[u] = l;
                    queue.Enqueue(u);
                }
            }
        }
    }

    // A leaf with no gates would hold a copy nobody uses (and never be released): drop it.
    private static void PruneBareLeaves(int home, int[] remaining, int[] parent, int[] parentLink)
    {
        bool changed = true;
        while (changed)
        {
            changed = false;
            for (int v = 0; v < parent.Length; v++)
            {
                if (v != home && parent[v] >= 0 && remaining[v] == 0 && !parent.Contains(v))
                {
                    parent[v] = -1;
                    parentLink[v] = -1;
                    changed = true;
                }
            }
        }
    }
}
