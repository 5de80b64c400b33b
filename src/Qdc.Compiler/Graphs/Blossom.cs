namespace Qdc.Compiler.Graphs;

/// <summary>
/// Edmonds' blossom algorithm for maximum-cardinality matching: grow alternating trees from each
/// free vertex, contract odd cycles (blossoms) by relabelling their base, augment when a free vertex
/// is reached. Roots and neighbours are visited in id order, so the matching is deterministic.
/// </summary>
internal sealed class Blossom
{
    private readonly IUndirectedGraph _graph;
    private readonly int[] _match;
    private readonly int[] _parent;
    private readonly int[] _base;
    private readonly bool[] _used;
    private readonly bool[] _inBlossom;
    private readonly Queue<int> _queue = new();

    public Blossom(IUndirectedGraph graph)
    {
        _graph = graph;
        int n = graph.VertexCount;
        _match = new int[n];
        _parent = new int[n];
        _base = new int[n];
        _used = new bool[n];
        _inBlossom = new bool[n];
        Array.Fill(_match, -1);
    }

    public IEnumerable<int> Run()
    {
        int n = _graph.VertexCount;
        for (int root = 0; root < n; root++)
        {
            if (_match[root] >= 0)
            {
                continue;
            }
            int end = FindAugmentingPath(root);
            for (int v = end; v >= 0;)
            {
                int pv = _parent[v];
                int next = _match[pv];
                _match[v] = pv;
                _match[pv] = v;
                v = next;
            }
        }
        var edges = new List<int>();
        for (int u = 0; u < n; u++)
        {
            if (_match[u] > u)
            {
                edges.Add(_graph.Neighbors(u).First(nb => nb.Vertex == _match[u]).EdgeIndex);
            }
        }
        return edges;
    }

    private int FindAugmentingPath(int root)
    {
        int n = _graph.VertexCount;
        Array.Fill(_used, false);
        Array.Fill(_parent, -1);
        for (int i = 0; i < n; i++)
        {
            _base[i] = i;
        }
        _used[root] = true;
        _queue.Clear();
        _queue.Enqueue(root);
        while (_queue.Count > 0)
        {
            int v = _queue.Dequeue();
            foreach (var nb in _graph.Neighbors(v))
            {
                int to = nb.Vertex;
                if (to == v || _base[v] == _base[to] || _match[v] == to)
                {
                    continue;
                }
                if (to == root || (_match[to] >= 0 && _parent[_match[to]] >= 0))
                {
                    Contract(v, to);
                }
                else if (_parent[to] < 0)
                {
                    _parent[to] = v;
                    if (_match[to] < 0)
                    {
                        return to;
                    }
                    _used[_match[to]] = true;
                    _queue.Enqueue(_match[to]);
                }
            }
        }
        return -1;
    }

    private void Contract(int v, int to)
    {
        int b = LowestCommonAncestor(v, to);
        Array.Fill(_inBlossom, false);
        MarkPath(v, b, to);
        MarkPath(to, b, v);
        for (int i = 0; i < _graph.VertexCount; i++)
        {
            if (_inBlossom[_base[i]])
            {
                _base[i] = b;
                if (!_used[i])
                {
                    _used[i] = true;
                    _queue.Enqueue(i);
                }
            }
        }
    }

    private int LowestCommonAncestor(int a, int b)
    {
        var seen = new bool[_graph.VertexCount];
        while (true)
        {
            a = _base[a];
            seen[a] = true;
            if (_match[a] < 0)
            {
                break;
            }
            a = _parent[_match[a]];
        }
        while (true)
        {
            b = _base[b];
            if (seen[b])
            {
                return b;
            }
            b = _parent[_match[b]];
        }
    }

    private void MarkPath(int v, int b, int child)
    {
        while (_base[v] != b)
        {
            _inBlossom[_base[v]] = _inBlossom[_base[_match[v]]] = true;
            _parent[v] = child;
            child = _match[v];
            v = _parent[_match[v]];
        }
    }
}
