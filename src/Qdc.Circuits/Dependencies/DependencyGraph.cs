using System.Collections.Immutable;

namespace Qdc.Circuits.Dependencies;

/// <summary>
/// The dependency view of a circuit: on each qubit and clbit the operations in order, each
/// operation's predecessors and successors, ASAP layers and depth as Qiskit counts them (a
/// measurement writes its clbit, a condition reads its clbits; barriers order their qubits but
/// add no depth). Immutable; built in time linear in the operations.
/// </summary>
public sealed class DependencyGraph
{
    private readonly AdjacencyLists _predecessors;
    private readonly AdjacencyLists _successors;
    private readonly AdjacencyLists _wireOperations;
    private readonly int[] _levels;

    private DependencyGraph(Circuit circuit, int[] levels, AdjacencyLists preds, AdjacencyLists succs, AdjacencyLists wireOps, int depth)
    {
        Circuit = circuit;
        _levels = levels;
        _predecessors = preds;
        _successors = succs;
        _wireOperations = wireOps;
        Depth = depth;
        Layers = BuildLayers(circuit, levels, depth);
    }

    public Circuit Circuit { get; }

    public int Count => _levels.Length;

    /// <summary>The longest chain of non-barrier operations; 0 for a circuit with none.</summary>
    public int Depth { get; }

    /// <summary>Non-barrier operations by ASAP layer: layer k holds those of <see cref="Level"/> k + 1.</summary>
    public ImmutableArray<ImmutableArray<int>> Layers { get; }

    /// <summary>
    /// The ASAP level, 1-based: 1 + the largest level before it on any of its wires. A barrier
    /// takes the largest level before it, so it adds nothing but lines its wires up.
    /// </summary>
    public int Level(int operation) => _levels[operation];

    /// <summary>The latest earlier operation on each of this one's wires, each once, earliest first.</summary>
    public ReadOnlySpan<int> Predecessors(int operation) => _predecessors[operation];

    /// <summary>The next later operation on each of this one's wires, each once, earliest first.</summary>
    public ReadOnlySpan<int> Successors(int operation) => _successors[operation];

    /// <summary>Operations on a qubit, in circuit order.</summary>
    public ReadOnlySpan<int> QubitOperations(int qubit)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)qubit, (uint)Circuit.QubitCount, nameof(qubit));
        return _wireOperations[qubit];
    }

    /// <summary>Operations that write (measure) or read (condition) a clbit, in circuit order.</summary>
    public ReadOnlySpan<int> ClbitOperations(int clbit)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)clbit, (uint)Circuit.ClbitCount, nameof(clbit));
        return _wireOperations[Circuit.QubitCount + clbit];
    }

    public static DependencyGraph Build(Circuit circuit)
    {
        var ops = circuit.Operations;
        int wires = Wires.Count(circuit);
        var last = new int[wires];
        Array.Fill(last, -1);
        var levels = new int[ops.Length];
        var edgeFrom = new List<int>(ops.Length * 2);
        var edgeTo = new List<int>(ops.Length * 2);
        var wireOf = new List<int>(ops.Length * 2);
        var opOnWire = new List<int>(ops.Length * 2);
        var walker = new LevelWalker(circuit);
        for (int i = 0; i < ops.Length; i++)
        {
            levels[i] = walker.Step(ops[i]);
            int firstEdge = edgeFrom.Count;
            foreach (var w in walker.CurrentWires)
            {
                wireOf.Add(w);
                opOnWire.Add(i);
                if (last[w] >= 0)
                {
                    AddEdgeOnce(edgeFrom, edgeTo, firstEdge, last[w], i);
                }
                last[w] = i;
            }
        }
        SortPredecessors(edgeFrom, edgeTo);
        var from = edgeFrom.ToArray();
        var to = edgeTo.ToArray();
        var preds = AdjacencyLists.FromPairs(ops.Length, to, from);
        var succs = AdjacencyLists.FromPairs(ops.Length, from, to);
        var wireOps = AdjacencyLists.FromPairs(wires, [.. wireOf], [.. opOnWire]);
        return new DependencyGraph(circuit, levels, preds, succs, wireOps, walker.Depth);
    }

    /// <summary>Depth alone, in O(operations) time and O(wires) memory: for very large circuits.</summary>
    public static int ComputeDepth(Circuit circuit)
    {
        var walker = new LevelWalker(circuit);
        foreach (var op in circuit.Operations)
        {
            walker.Step(op);
        }
        return walker.Depth;
    }

    // Two wires of one operation can share a predecessor (a cx after a cx on the same pair).
    private static void AddEdgeOnce(List<int> from, List<int> to, int firstEdge, int pred, int op)
    {
        for (int e = firstEdge; e < from.Count; e++)
        {
            if (from[e] == pred)
            {
                return;
            }
        }
        from.Add(pred);
        to.Add(op);
    }

    // Edges of one operation are contiguous; order its predecessors earliest first for a stable view.
    private static void SortPredecessors(List<int> from, List<int> to)
    {
        int start = 0;
        while (start < to.Count)
        {
            int end = start;
            while (end < to.Count && to[end] == to[start])
            {
                end++;
            }
            System.Runtime.InteropServices.CollectionsMarshal.AsSpan(from)[start..end].Sort();
            start = end;
        }
    }

    private static ImmutableArray<ImmutableArray<int>> BuildLayers(Circuit circuit, int[] levels, int depth)
    {
        var layers = new ImmutableArray<int>.Builder[depth];
        for (int k = 0; k < depth; k++)
        {
            layers[k] = ImmutableArray.CreateBuilder<int>();
        }
        for (int i = 0; i < levels.Length; i++)
        {
            if (circuit.Operations[i].Kind != OperationKind.Barrier)
            {
                layers[levels[i] - 1].Add(i);
            }
        }
        return [.. layers.Select(b => b.ToImmutable())];
    }
}
