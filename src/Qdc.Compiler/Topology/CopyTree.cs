namespace Qdc.Compiler.Topology;

/// <summary>
/// The tree along which a qubit's cat-entangled copies reach a set of QPUs, rooted at the qubit's
/// home: a star on an all-to-all network, else a minimal Steiner tree over the QPU graph, so each
/// tree link costs one pair. QPUs in the tree but not in the set relay copies on.
/// </summary>
public sealed class CopyTree
{
    private CopyTree(int home, int[] parent, int[] parentLink)
    {
        Home = home;
        Parent = parent;
        ParentLink = parentLink;
    }

    public int Home { get; }

    /// <summary>Parent QPU in the tree; -1 for the home QPU and for QPUs outside the tree.</summary>
    public IReadOnlyList<int> Parent { get; }

    /// <summary>The link to the parent, whose pair makes this QPU's copy; -1 where there is none.</summary>
    public IReadOnlyList<int> ParentLink { get; }

    /// <summary>The tree reaching every QPU of <paramref name="terminals"/> (bit q = QPU q) from home.</summary>
    public static CopyTree Build(TopologyMetrics metrics, int home, ulong terminals)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        int k = metrics.QpuCount;
        terminals |= 1UL << home;
        var parent = new int[k];
        var parentLink = new int[k];
        Array.Fill(parent, -1);
        Array.Fill(parentLink, -1);
        var links = metrics.Topology.Links;
        var members = Enumerable.Range(0, k).Where(p => (terminals & (1UL << p)) != 0).ToArray();
        if (metrics.IsAllToAll)
        {
            // A star from home: every copy is one hop from the original, with no relays to keep alive.
            foreach (int t in members.Where(t => t != home))
            {
                parent[t] = home;
                parentLink[t] = LinkLookup.Between(links, home, t);
            }
        }
        else if (members.Length > 1)
        {
            var tree = metrics.SteinerTree(members);
            if (!tree.Spans)
            {
                throw new InvalidOperationException($"QPUs {string.Join(", ", members)} are not connected");
            }
            RootAt(home, tree.EdgeIndices, links, parent, parentLink);
            PruneBareLeaves(home, terminals, parent, parentLink);
        }
        return new CopyTree(home, parent, parentLink);
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

    // A leaf outside the set would hold a copy nobody uses (and never be released): drop it.
    private static void PruneBareLeaves(int home, ulong terminals, int[] parent, int[] parentLink)
    {
        bool changed = true;
        while (changed)
        {
            changed = false;
            for (int v = 0; v < parent.Length; v++)
            {
                if (v != home && parent[v] >= 0 && (terminals & (1UL << v)) == 0 && !parent.Contains(v))
                {
                    parent[v] = -1;
                    parentLink[v] = -1;
                    changed = true;
                }
            }
        }
    }
}
