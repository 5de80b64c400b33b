using System.Collections.Immutable;
using Qdc.Circuits;
using Qdc.Circuits.Gates;
using Qdc.Compiler.Partitioning;
using Qdc.Compiler.Topology;

namespace Qdc.Compiler.Distribution;

/// <summary>
/// One lowering pass over the normalized circuit, in order. Qubit ids while lowering: source
/// qubits keep theirs, communication qubits follow; <see cref="ProgramAssembler"/> renumbers.
/// </summary>
internal sealed class Lowering
{
    private static readonly Gate H = Gate.Create("h");
    private static readonly Gate X = Gate.Create("x");
    private static readonly Gate Z = Gate.Create("z");
    private static readonly Gate Cx = Gate.Create("cx");

    private readonly Placement _placement;
    private readonly Topology.Topology _topology;
    private readonly int[] _gateOfOperation;
    // The net (run) each operand of gate vertex g belongs to, at 2g + side.
    private readonly int[] _netOfGateSide;
    private readonly CatRun?[] _runs;
    private readonly TeledataStretch?[] _stretches;
    // Where each source qubit's state is now: itself, or a communication qubit while teleported away.
    private readonly int[] _where;
    private readonly CommQubitPool _pool;
    private readonly List<Operation> _ops = [];
    private readonly List<EprPair> _pairs = [];
    private int _clbits;

    public Lowering(Placement placement, Topology.Topology topology, DistributionOptions options)
    {
        _placement = placement;
        _topology = topology;
        var circuit = placement.Normalized;
        var graph = placement.Hypergraph;
        int n = circuit.QubitCount;
        _clbits = circuit.ClbitCount;
        _pool = new CommQubitPool(topology.QpuCount, n);
        _gateOfOperation = new int[circuit.Operations.Length];
        Array.Fill(_gateOfOperation, -1);
        for (int g = 0; g < graph.GateOperation.Length; g++)
        {
            _gateOfOperation[graph.GateOperation[g]] = g;
        }
        _netOfGateSide = new int[2 * graph.GateOperation.Length];
        Array.Fill(_netOfGateSide, -1);
        _runs = new CatRun?[graph.Graph.NetCount];
        var metrics = new TopologyMetrics(topology);
        _stretches = options.Strategy == DistributionStrategy.Auto ? TeledataPlanner.Plan(placement, metrics) : new TeledataStretch?[_runs.Length];
        _where = [.. Enumerable.Range(0, n)];
        for (int e = 0; e < _runs.Length; e++)
        {
            int q = graph.NetQubit[e];
            var gateQpus = new List<int>();
            foreach (int pin in graph.Graph.Pins(e))
            {
                if (pin < n)
                {
                    continue;
                }
                int g = pin - n;
                int side = circuit.Operations[graph.GateOperation[g]].Qubits[0] == q ? 0 : 1;
                _netOfGateSide[(2 * g) + side] = e;
                gateQpus.Add(placement.Gates[g].Qpu);
            }
            _runs[e] = _stretches[e] is null ? CatRun.Create(q, graph.NetKind[e], placement.QpuOfQubit[q], gateQpus, metrics) : null;
        }
    }

    public DistributedProgram Run()
    {
        var circuit = _placement.Normalized;
        for (int i = 0; i < circuit.Operations.Length; i++)
        {
            var op = circuit.Operations[i];
            if (_gateOfOperation[i] >= 0)
            {
                LowerGate((GateOperation)op, _gateOfOperation[i]);
            }
            else
            {
                // A qubit teleported away takes its one-qubit gates and measurements along.
                _ops.Add(OperationRemapper.Remap(op, _where));
            }
        }
        if (!_pool.AllFree)
        {
            throw new InvalidOperationException("a cat-entangled copy outlived its run");
        }
        return ProgramAssembler.Assemble(_placement, _topology, _pool, _ops, _pairs, _clbits);
    }

    private void LowerGate(GateOperation op, int g)
    {
        int qpu = _placement.Gates[g].Qpu;
        var operands = new int[2];
        for (int side = 0; side < 2; side++)
        {
            int q = op.Qubits[side];
            if (_stretches[_netOfGateSide[(2 * g) + side]] is { } stretch && _where[q] == q)
            {
                TeleportOut(stretch);
            }
            if (QpuOf(q) == qpu)
            {
                operands[side] = _where[q];
                continue;
            }
            var run = _runs[_netOfGateSide[(2 * g) + side]]
                ?? throw new InvalidOperationException($"gate {g} is remote from qubit {q} but its run is local");
            if (run.Kind == InteractionKind.Other)
            {
                throw new NotSupportedException($"operation {op} acts on qubit {q} in a way no cat-entangled copy can serve (normalize the circuit first)");
            }
            operands[side] = EnsureCopy(run, qpu);
        }
        _ops.Add(new GateOperation(op.Gate, [.. operands], op.Condition));
        for (int side = 0; side < 2; side++)
        {
            int net = _netOfGateSide[(2 * g) + side];
            if (_runs[net] is { } run)
            {
                run.RemainingGates[qpu]--;
                TryRelease(run, qpu);
            }
            if (_stretches[net] is { } stretch && stretch.LastGate == g)
            {
                TeleportBack(stretch);
            }
        }
    }

    private int QpuOf(int qubit) => _where[qubit] == qubit ? _placement.QpuOfQubit[qubit] : _pool.QpuOf(_where[qubit]);

    /// <summary>
    /// Moves the qubit's state to a communication qubit on the stretch's QPU, hop by hop along the
    /// path (one pair, two bits, X and Z corrections per hop).
    /// </summary>
    private void TeleportOut(TeledataStretch stretch)
    {
        int q = stretch.Qubit;
        int current = q;
        for (int hop = 0; hop < stretch.Links.Length; hop++)
        {
            int from = stretch.Path[hop], to = stretch.Path[hop + 1];
            int a = _pool.Allocate(from);
            int b = _pool.Allocate(to);
            Teleport(current, a, b, stretch.Links[hop], from, to);
            _pool.Free(a);
            if (current != q)
            {
                _pool.Free(current);
            }
            current = b;
        }
        _where[q] = current;
    }

    /// <summary>Moves it home again; the last hop lands in the measured (and now reset) data qubit itself.</summary>
    private void TeleportBack(TeledataStretch stretch)
    {
        int q = stretch.Qubit;
        int current = _where[q];
        for (int hop = stretch.Links.Length - 1; hop >= 0; hop--)
        {
            int from = stretch.Path[hop + 1], to = stretch.Path[hop];
            int a = _pool.Allocate(from);
            int b = hop == 0 ? q : _pool.Allocate(to);
            Teleport(current, a, b, stretch.Links[hop], from, to);
            _pool.Free(a);
            _pool.Free(current);
            current = b;
        }
        _where[q] = q;
    }

    private void Teleport(int source, int a, int b, int link, int fromQpu, int toQpu)
    {
        AddPair(link, fromQpu, toQpu, a, b, EprUse.Teleport);
        Emit(Cx, source, a);
        Emit(H, source);
        int phase = Measure(source);
        int flip = Measure(a);
        _ops.Add(new GateOperation(X, [b], new Condition([flip], 1)));
        _ops.Add(new GateOperation(Z, [b], new Condition([phase], 1)));
    }

    private void AddPair(int link, int qpuA, int qpuB, int a, int b, EprUse use = EprUse.CatEntangle)
    {
        _pairs.Add(new EprPair(_pairs.Count, link, qpuA, qpuB, a, b, _ops.Count, use));
        _ops.Add(new ResetOperation(a));
        _ops.Add(new ResetOperation(b));
        Emit(H, a);
        Emit(Cx, a, b);
    }

    /// <summary>The copy of the run's qubit on this QPU, made now (with any relays toward it) if missing.</summary>
    private int EnsureCopy(CatRun run, int qpu)
    {
        var path = new List<int>();
        for (int v = qpu; v != run.Home && run.Copy[v] < 0; v = run.Parent[v])
        {
            path.Add(v);
        }
        for (int i = path.Count - 1; i >= 0; i--)
        {
            int child = path[i];
            int parent = run.Parent[child];
            int source = parent == run.Home ? run.Qubit : run.Copy[parent];
            run.Copy[child] = CatEntangle(source, parent, child, run.ParentLink[child], run.Kind);
            run.PendingChildren[parent]--;
            TryRelease(run, parent);
        }
        return run.Copy[qpu];
    }

    private void TryRelease(CatRun run, int qpu)
    {
        if (qpu != run.Home && run.Copy[qpu] >= 0 && run.PendingChildren[qpu] == 0 && run.RemainingGates[qpu] == 0)
        {
            CatDisentangle(run, qpu);
        }
    }

    /// <summary>
    /// Copies <paramref name="source"/> (on QPU <paramref name="from"/>) to a new communication
    /// qubit on <paramref name="to"/>: one pair, a CX, a measurement and a corrected X. An X-type
    /// run is copied in the Hadamard basis.
    /// </summary>
    private int CatEntangle(int source, int from, int to, int link, InteractionKind kind)
    {
        int a = _pool.Allocate(from);
        int b = _pool.Allocate(to);
        AddPair(link, from, to, a, b);
        bool hadamard = kind == InteractionKind.XType;
        if (hadamard)
        {
            Emit(H, source);
        }
        Emit(Cx, source, a);
        int m = Measure(a);
        _ops.Add(new GateOperation(X, [b], new Condition([m], 1)));
        if (hadamard)
        {
            Emit(H, source);
            Emit(H, b);
        }
        _pool.Free(a);
        return b;
    }

    /// <summary>
    /// Ends the copy on this QPU: measure it in the basis conjugate to the run's (H then Z-basis
    /// for a diagonal run, Z-basis for an X-type one) and undo the phase it leaves on the original.
    /// </summary>
    private void CatDisentangle(CatRun run, int qpu)
    {
        int c = run.Copy[qpu];
        bool diagonal = run.Kind == InteractionKind.Diagonal;
        if (diagonal)
        {
            Emit(H, c);
        }
        int m = Measure(c);
        _ops.Add(new GateOperation(diagonal ? Z : X, [run.Qubit], new Condition([m], 1)));
        _pool.Free(c);
        run.Copy[qpu] = -1;
    }

    private void Emit(Gate gate, params int[] qubits) => _ops.Add(new GateOperation(gate, [.. qubits]));

    private int Measure(int qubit)
    {
        int clbit = _clbits++;
        _ops.Add(new MeasureOperation(qubit, clbit));
        return clbit;
    }
}
