using System.Collections.Immutable;
using System.Numerics;
using Qdc.Circuits;
using Qdc.Circuits.Gates;

namespace Qdc.Compiler.Partitioning;

/// <summary>
/// The Andres-Martinez &amp; Heunen hypergraph of a circuit of one- and two-qubit gates. Vertex q
/// (weight 1) is qubit q; vertices QubitCount.. (weight 0) are the two-qubit gates in circuit
/// order. Each net is one qubit's run of two-qubit gates that one shared copy of the qubit can
/// serve: gates that all act diagonally on it (or all X-type, as CX targets do), with no one-qubit
/// gate, measurement or reset in between that fails to commute or anticommute with them (an
/// anticommuting gate, such as X in a diagonal run, is embedded: see <see cref="Embeds"/>). A run is
/// {qubit} ∪ {its gates}; with telegates only, a partition's km1 is the ebits it needs.
/// </summary>
public sealed class CircuitHypergraph
{
    private CircuitHypergraph(Hypergraph graph, int qubitCount, ImmutableArray<int> gateOperation, ImmutableArray<int> gateQubits, ImmutableArray<int> gateNets, ImmutableArray<int> netQubit, ImmutableArray<InteractionKind> netKind)
    {
        Graph = graph;
        QubitCount = qubitCount;
        GateOperation = gateOperation;
        GateQubits = gateQubits;
        GateNets = gateNets;
        NetQubit = netQubit;
        NetKind = netKind;
    }

    public Hypergraph Graph { get; }

    public int QubitCount { get; }

    /// <summary>For gate vertex QubitCount + i, the index of its operation in the circuit.</summary>
    public ImmutableArray<int> GateOperation { get; }

    /// <summary>For gate i, its operation's qubits at 2i and 2i + 1, in the operation's order.</summary>
    public ImmutableArray<int> GateQubits { get; }

    /// <summary>For gate i, the net (run) each of its qubits takes part in through it, at 2i and 2i + 1.</summary>
    public ImmutableArray<int> GateNets { get; }

    /// <summary>The qubit whose run each net is.</summary>
    public ImmutableArray<int> NetQubit { get; }

    /// <summary>How the run's gates act on its qubit (Other for a lone non-commuting gate).</summary>
    public ImmutableArray<InteractionKind> NetKind { get; }

    public int GateVertex(int gateIndex) => QubitCount + gateIndex;

    /// <summary>The index of the net's first gate; a qubit's runs never overlap, so this orders them in time.</summary>
    public int FirstGate(int net)
    {
        int first = int.MaxValue;
        foreach (int pin in Graph.Pins(net))
        {
            if (pin >= QubitCount)
            {
                first = Math.Min(first, pin - QubitCount);
            }
        }
        return first;
    }

    /// <summary>The index of the net's last gate.</summary>
    public int LastGate(int net)
    {
        int last = -1;
        foreach (int pin in Graph.Pins(net))
        {
            last = Math.Max(last, pin - QubitCount);
        }
        return last;
    }

    /// <summary>For each of the circuit's <paramref name="operationCount"/> operations, its gate index, or -1 for an operation that is no two-qubit gate.</summary>
    public int[] GateOfOperation(int operationCount)
    {
        var gate = new int[operationCount];
        Array.Fill(gate, -1);
        for (int g = 0; g < GateOperation.Length; g++)
        {
            gate[GateOperation[g]] = g;
        }
        return gate;
    }

    /// <summary>
    /// Builds the hypergraph; throws ArgumentException on a gate of three or more qubits (normalize
    /// first). Without <paramref name="embed"/>, an anticommuting one-qubit gate ends a run as any
    /// other non-commuting one does (to measure what embedding saves).
    /// </summary>
    public static CircuitHypergraph Build(Circuit circuit, bool embed = true)
    {
        ArgumentNullException.ThrowIfNull(circuit);
        int n = circuit.QubitCount;
        var gateOps = ImmutableArray.CreateBuilder<int>();
        var gateQubits = ImmutableArray.CreateBuilder<int>();
        var nets = new List<IReadOnlyList<int>>();
        var netQubit = ImmutableArray.CreateBuilder<int>();
        var netKind = ImmutableArray.CreateBuilder<InteractionKind>();
        var runs = new Run?[n];
        var gateNets = new List<int>();

        void Close(int q)
        {
            if (runs[q] is { } run)
            {
                foreach (int slot in run.Slots)
                {
                    gateNets[slot] = nets.Count;
                }
                nets.Add(run.Pins);
                netQubit.Add(q);
                netKind.Add(run.Kind);
                runs[q] = null;
            }
        }

        for (int i = 0; i < circuit.Operations.Length; i++)
        {
            var op = circuit.Operations[i];
            switch (op)
            {
                case GateOperation g when g.Qubits.Length == 1:
                    if (runs[g.Qubits[0]] is { } open && !(embed ? Embeds(g.Gate.Matrix, open.Kind) : Commutes(g.Gate.Matrix, open.Kind)))
                    {
                        Close(g.Qubits[0]);
                    }
                    break;
                case GateOperation g when g.Qubits.Length == 2:
                    int vertex = n + gateOps.Count;
                    gateOps.Add(i);
                    gateQubits.Add(g.Qubits[0]);
                    gateQubits.Add(g.Qubits[1]);
                    gateNets.Add(-1);
                    gateNets.Add(-1);
                    for (int side = 0; side < 2; side++)
                    {
                        int q = g.Qubits[side];
                        var kind = Classify(g.Gate.Matrix, side);
                        if (runs[q] is { } run && (run.Kind != kind || kind == InteractionKind.Other))
                        {
                            Close(q);
                        }
                        runs[q] ??= new Run(kind, [q], []);
                        runs[q]!.Pins.Add(vertex);
                        runs[q]!.Slots.Add((2 * (vertex - n)) + side);
                        if (kind == InteractionKind.Other)
                        {
                            Close(q);
                        }
                    }
                    break;
                case GateOperation g:
                    throw new ArgumentException($"operation {i} ({g.Gate.Name}) acts on {g.Qubits.Length} qubits; decompose gates of three or more qubits first", nameof(circuit));
                case MeasureOperation or ResetOperation:
                    Close(op.Qubits[0]);
                    break;
                default:
                    // A barrier orders nothing that matters here.
                    break;
            }
        }
        for (int q = 0; q < n; q++)
        {
            Close(q);
        }
        var weights = new int[n + gateOps.Count];
        Array.Fill(weights, 1, 0, n);
        var graph = Hypergraph.Create(weights, nets);
        return new CircuitHypergraph(graph, n, gateOps.ToImmutable(), gateQubits.ToImmutable(), [.. gateNets], netQubit.ToImmutable(), netKind.ToImmutable());
    }

    /// <summary>
    /// The same hypergraph with each group of one qubit's nets joined into one diagonal run (see
    /// <see cref="HTypeEmbedding"/>), which takes the place of the group's first net; the other
    /// nets keep their order.
    /// </summary>
    internal CircuitHypergraph WithMergedRuns(IReadOnlyList<IReadOnlyList<int>> groups)
    {
        int netCount = Graph.NetCount;
        var target = Enumerable.Range(0, netCount).ToArray();
        foreach (var group in groups)
        {
            foreach (int e in group)
            {
                target[e] = group.Min();
            }
        }
        var joined = groups.Select(g => g.Min()).ToHashSet();
        var renumber = new int[netCount];
        var pins = new List<SortedSet<int>>();
        var netQubit = ImmutableArray.CreateBuilder<int>();
        var netKind = ImmutableArray.CreateBuilder<InteractionKind>();
        for (int e = 0; e < netCount; e++)
        {
            if (target[e] == e)
            {
                renumber[e] = pins.Count;
                pins.Add([]);
                netQubit.Add(NetQubit[e]);
                netKind.Add(joined.Contains(e) ? InteractionKind.Diagonal : NetKind[e]);
            }
        }
        for (int e = 0; e < netCount; e++)
        {
            renumber[e] = renumber[target[e]];
            foreach (int pin in Graph.Pins(e))
            {
                pins[renumber[e]].Add(pin);
            }
        }
        int[] weights = [.. Enumerable.Range(0, Graph.VertexCount).Select(Graph.VertexWeight)];
        var graph = Hypergraph.Create(weights, [.. pins.Select(p => (IReadOnlyList<int>)[.. p])]);
        return new CircuitHypergraph(graph, QubitCount, GateOperation, GateQubits, [.. GateNets.Select(e => renumber[e])], netQubit.ToImmutable(), netKind.ToImmutable());
    }

    // Slots: the gate sides (2g + side) whose operand is this run's qubit.
    private sealed record Run(InteractionKind Kind, List<int> Pins, List<int> Slots);

    /// <summary>Diagonal when the gate commutes with Z on that operand, X-type with X, else Other.</summary>
    internal static InteractionKind Classify(GateMatrix m, int side)
    {
        if (CommutesWithPauli(m, side, x: false))
        {
            return InteractionKind.Diagonal;
        }
        return CommutesWithPauli(m, side, x: true) ? InteractionKind.XType : InteractionKind.Other;
    }

    /// <summary>
    /// True when a run of this kind continues through the one-qubit gate: it commutes with the
    /// run's Pauli (diagonal gates in a diagonal run), or anticommutes with it (X·diagonal in a
    /// diagonal run, Z·f(X) in an X-type one), which the lowering embeds by applying that Pauli
    /// to every live copy as well, so the copies stay a cat state of the new original.
    /// </summary>
    internal static bool Embeds(GateMatrix oneQubit, InteractionKind run) => run switch
    {
        InteractionKind.Diagonal => CommutesWithPauli(oneQubit, 0, x: false) || CommutesWithPauli(oneQubit, 0, x: false, sign: -1),
        InteractionKind.XType => CommutesWithPauli(oneQubit, 0, x: true) || CommutesWithPauli(oneQubit, 0, x: true, sign: -1),
        _ => false,
    };

    private static bool Commutes(GateMatrix oneQubit, InteractionKind run) =>
        run != InteractionKind.Other && CommutesWithPauli(oneQubit, 0, x: run == InteractionKind.XType);

    /// <summary>True when the one-qubit gate anticommutes with the run's Pauli (its copies need that Pauli too).</summary>
    internal static bool FlipsCopies(GateMatrix oneQubit, InteractionKind run) =>
        run != InteractionKind.Other && CommutesWithPauli(oneQubit, 0, x: run == InteractionKind.XType, sign: -1);

    // M·P = sign·P·M with P = Z or X on operand `side` (operand 0 = most significant index bit).
    private static bool CommutesWithPauli(GateMatrix m, int side, bool x, int sign = 1)
    {
        int dim = m.Dimension;
        int bit = 1 << (m.Qubits - 1 - side);
        for (int r = 0; r < dim; r++)
        {
            for (int c = 0; c < dim; c++)
            {
                // (M·P)[r,c] = M[r, P(c)]·sign(c); (P·M)[r,c] = sign(r)·M[P(r), c].
                Complex left = x ? m[r, c ^ bit] : m[r, c] * ((c & bit) != 0 ? -1 : 1);
                Complex right = x ? m[r ^ bit, c] : m[r, c] * ((r & bit) != 0 ? -1 : 1);
                if (Complex.Abs(left - (sign * right)) > 1e-9)
                {
                    return false;
                }
            }
        }
        return true;
    }
}
