using Qdc.Circuits;
using Qdc.Circuits.Gates;
using Qdc.Compiler.Partitioning;
using Qdc.Compiler.Topology;

namespace Qdc.Compiler.Distribution;

/// <summary>
/// One lowering pass over the normalized circuit, in order. Qubit ids while lowering: source
/// qubits keep theirs, communication qubits follow; <see cref="ProgramAssembler"/> renumbers.
/// </summary>
/// <remarks>
/// Communication qubits are a hard limit. Before a pair is made, <see cref="Reserve"/> frees enough
/// on each end: it cat-disentangles a copy early (least recently used first; the copy is made
/// again when next needed) or teleports a visiting qubit home (it returns when next needed). The
/// pairs this costs are counted as serialisation. A teleported qubit may occupy all but one of a
/// QPU's communication qubits, so one is always left to send it on.
/// </remarks>
internal sealed partial class Lowering
{
    private static readonly Gate H = Gate.Create("h");
    private static readonly Gate X = Gate.Create("x");
    private static readonly Gate Z = Gate.Create("z");
    private static readonly Gate Cx = Gate.Create("cx");

    // Evictions that can cascade (a visitor sent home frees room on the way) stop after this many.
    private const int MaxAttempts = 64;

    private readonly Placement _placement;
    private readonly Topology.Topology _topology;
    private readonly int[] _gateOfOperation;
    // The QPU each gate executes on: the placement's, unless a QPU with one communication qubit
    // would need copies of both operands (then the gate moves to an operand's home).
    private readonly int[] _gateQpu;
    // The net (run) each operand of gate vertex g belongs to, at 2g + side.
    private readonly int[] _netOfGateSide;
    private readonly CatRun?[] _runs;
    private readonly TeledataStretch?[] _stretches;
    // Where each source qubit's state is now: itself, or a communication qubit while teleported away.
    private readonly int[] _where;
    // Qubits sent home early by serialisation: their next teleport out is serialisation cost too.
    private readonly bool[] _sentHomeEarly;
    private readonly CommQubitPool _pool;
    private readonly bool _park;
    // What each live communication qubit holds, for eviction: a copy of a run, or a visiting qubit.
    private readonly Dictionary<int, CatRun> _copyOwner = [];
    private readonly Dictionary<int, int> _visitor = [];
    private readonly Dictionary<int, TeledataStretch> _stretchOfVisitor = [];
    private readonly Dictionary<int, int> _lastUse = [];
    // Communication qubits the operation being lowered needs kept.
    private readonly HashSet<int> _pinned = [];
    private readonly List<Operation> _ops = [];
    private readonly List<EprPair> _pairs = [];
    private readonly List<EntanglementSwap> _swaps = [];
    private int _clbits;
    private long _serialisation;
    private int _parkedVisits;

    public Lowering(Placement placement, Topology.Topology topology, DistributionOptions options)
    {
        _placement = placement;
        _topology = topology;
        var circuit = placement.Normalized;
        var graph = placement.Hypergraph;
        int n = circuit.QubitCount;
        _clbits = circuit.ClbitCount;
        _park = options.ParkVisitors && options.Strategy != DistributionStrategy.Telegate;
        // Data qubits the placement left empty, where visitors are parked.
        int[]? spares = _park
            ? [.. topology.Qpus.Select((qpu, p) => qpu.DataQubits - placement.QpuOfQubit.Count(home => home == p))]
            : null;
        _pool = new CommQubitPool([.. topology.Qpus.Select(q => q.CommQubits)], n, spares);
        _gateOfOperation = graph.GateOfOperation(circuit.Operations.Length);
        _gateQpu = [.. placement.Gates.Select(g => g.Qpu)];
        _netOfGateSide = [.. graph.GateNets];
        _runs = new CatRun?[graph.Graph.NetCount];
        _where = [.. Enumerable.Range(0, n)];
        _sentHomeEarly = new bool[n];
        var metrics = new TopologyMetrics(topology);
        var moved = MoveGatesOffSingleCommQpus(circuit, graph);
        var gateQpusOfNet = new List<int>[_runs.Length];
        for (int e = 0; e < _runs.Length; e++)
        {
            int q = graph.NetQubit[e];
            gateQpusOfNet[e] = [];
            foreach (int pin in graph.Graph.Pins(e))
            {
                if (pin < n)
                {
                    continue;
                }
                gateQpusOfNet[e].Add(_gateQpu[pin - n]);
            }
        }
        _stretches = options.Strategy == DistributionStrategy.Telegate
            ? new TeledataStretch?[_runs.Length]
            : TeledataPlanner.Plan(placement, _gateQpu, _pool, metrics, options.Strategy);
        for (int e = 0; e < _runs.Length; e++)
        {
            // Every run gets its tree, even one planned for teledata: a teleport that finds no room falls back to it.
            int q = graph.NetQubit[e];
            _runs[e] = CatRun.Create(q, graph.NetKind[e], placement.QpuOfQubit[q], gateQpusOfNet[e], metrics);
            if (_runs[e] is { } created)
            {
                foreach (int pin in graph.Graph.Pins(e).ToArray().Where(p => p >= n).Order())
                {
                    created.Upcoming[_gateQpu[pin - n]].Enqueue(pin - n);
                }
            }
            if (moved[e] && CatRun.Create(q, graph.NetKind[e], placement.QpuOfQubit[q], PlacedGateQpus(e), metrics) is var before)
            {
                _serialisation += (_runs[e]?.LinkCount ?? 0) - (before?.LinkCount ?? 0);
            }
            if (_runs[e] is { } run && _stretches[e] is null && run.Relays.FirstOrDefault(r => _pool.Limit(r) < 2, -1) is int relay and >= 0)
            {
                throw new LoweringFailure(
                    $"QPU '{topology.Qpus[relay].Id}' has one communication qubit, but relaying {circuit.QubitName(q)}'s copies through it needs two at once");
            }
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
                if (op is GateOperation { Qubits.Length: 1 } g)
                {
                    EmbedInCopies(g);
                }
            }
        }
        if (!_pool.AllFree)
        {
            throw new InvalidOperationException("a cat-entangled copy outlived its run");
        }
        return ProgramAssembler.Assemble(_placement, _topology, _pool, _ops, _pairs, _swaps, _clbits, _serialisation, _parkedVisits);
    }

    /// <summary>
    /// A one-qubit gate inside a run that anticommutes with the run's Pauli (the hypergraph let the
    /// run continue through it): the same Pauli on every live copy keeps them a cat state of the
    /// gate's result, at no cost in pairs.
    /// </summary>
    private void EmbedInCopies(GateOperation g)
    {
        foreach (var (copy, run) in _copyOwner.OrderBy(c => c.Key))
        {
            if (run.Qubit != g.Qubits[0] || CircuitHypergraph.Embeds(g.Gate.Matrix, run.Kind) is false)
            {
                if (run.Qubit == g.Qubits[0])
                {
                    throw new InvalidOperationException($"{g} breaks a run whose copies are alive");
                }
                continue;
            }
            if (CircuitHypergraph.FlipsCopies(g.Gate.Matrix, run.Kind))
            {
                _ops.Add(new GateOperation(run.Kind == InteractionKind.XType ? Z : X, [copy], g.Condition));
            }
        }
    }

    /// <summary>
    /// A gate whose QPU has one communication qubit cannot hold copies of both its qubits: it moves
    /// to its first qubit's home. Returns the nets whose trees this changes.
    /// </summary>
    private bool[] MoveGatesOffSingleCommQpus(Circuit circuit, CircuitHypergraph graph)
    {
        var moved = new bool[graph.Graph.NetCount];
        var homes = _placement.QpuOfQubit;
        var touched = new List<int>();
        for (int g = 0; g < _gateQpu.Length; g++)
        {
            var qs = circuit.Operations[graph.GateOperation[g]].Qubits;
            int p = _gateQpu[g];
            if (_pool.Limit(p) < 2 && homes[qs[0]] != p && homes[qs[1]] != p)
            {
                _gateQpu[g] = homes[qs[0]];
                touched.Add(g);
            }
        }
        if (touched.Count > 0)
        {
            var isTouched = touched.ToHashSet();
            for (int e = 0; e < moved.Length; e++)
            {
                foreach (int pin in graph.Graph.Pins(e))
                {
                    moved[e] |= pin >= graph.QubitCount && isTouched.Contains(pin - graph.QubitCount);
                }
            }
        }
        return moved;
    }

    private List<int> PlacedGateQpus(int net)
    {
        var graph = _placement.Hypergraph;
        var qpus = new List<int>();
        foreach (int pin in graph.Graph.Pins(net))
        {
            if (pin >= graph.QubitCount)
            {
                qpus.Add(_placement.Gates[pin - graph.QubitCount].Qpu);
            }
        }
        return qpus;
    }

    private void LowerGate(GateOperation op, int g)
    {
        int qpu = _gateQpu[g];
        _pinned.Clear();
        for (int side = 0; side < 2; side++)
        {
            int q = op.Qubits[side];
            PinIfVisiting(q);
            if (_stretches[_netOfGateSide[(2 * g) + side]] is { } stretch && _where[q] == q)
            {
                TeleportOut(stretch);
                PinIfVisiting(q);
            }
        }
        var operands = new int[2];
        for (int attempt = 0; !TryOperands(op, g, qpu, operands); attempt++)
        {
            if (attempt > MaxAttempts)
            {
                throw new LoweringFailure($"QPU '{_topology.Qpus[qpu].Id}' has too few communication qubits for operation {op}");
            }
        }
        var mirrors = FlipMirrors(op, g);
        _pinned.Clear();
        _ops.Add(new GateOperation(op.Gate, [.. operands], op.Condition));
        foreach (var (control, copy) in mirrors)
        {
            _ops.Add(new GateOperation(Cx, [control, copy], op.Condition));
            _lastUse[copy] = _ops.Count;
        }
        foreach (int operand in operands)
        {
            if (_pool.IsComm(operand))
            {
                _lastUse[operand] = _ops.Count;
            }
        }
        for (int side = 0; side < 2; side++)
        {
            int net = _netOfGateSide[(2 * g) + side];
            if (_runs[net] is { } run)
            {
                run.GateDone(qpu);
                ReleaseUpward(run, qpu);
            }
            if (_stretches[net] is { } stretch && stretch.LastGate == g && _where[stretch.Qubit] != stretch.Qubit)
            {
                TeleportBack(stretch, early: false);
            }
        }
    }

    /// <summary>
    /// A gate that flips a qubit inside one of its diagonal runs (H-type embedding joined the runs
    /// across it): each live copy must flip too, by a CX from the control's state on the copy's
    /// QPU. A copy whose QPU has no such state is cat-disentangled first and made again when next
    /// needed, which the re-made pair counts as serialisation.
    /// </summary>
    private List<(int Control, int Copy)> FlipMirrors(GateOperation op, int g)
    {
        var mirrors = new List<(int, int)>();
        for (int side = 0; side < 2; side++)
        {
            if (_runs[_netOfGateSide[(2 * g) + side]] is not { Kind: InteractionKind.Diagonal } run
                || CircuitHypergraph.Classify(op.Gate.Matrix, side) == InteractionKind.Diagonal)
            {
                continue;
            }
            int control = op.Qubits[1 - side];
            var controlRun = _runs[_netOfGateSide[(2 * g) + 1 - side]];
            for (int p = 0; p < run.Copy.Length; p++)
            {
                if (run.Copy[p] is int copy && copy >= 0)
                {
                    int state = QpuOf(control) == p ? _where[control] : controlRun?.Copy[p] ?? -1;
                    if (state >= 0)
                    {
                        mirrors.Add((state, copy));
                    }
                    else
                    {
                        Evict(copy);
                    }
                }
            }
        }
        return mirrors;
    }

    /// <summary>
    /// Finds or makes each operand's state on the gate's QPU. False when making one cost another
    /// (room was short and an operand's copy was released): the caller tries again.
    /// </summary>
    private bool TryOperands(GateOperation op, int g, int qpu, int[] operands)
    {
        int missing = 0;
        for (int side = 0; side < 2; side++)
        {
            int q = op.Qubits[side];
            if (QpuOf(q) != qpu && Run(g, side, q).Copy[qpu] is var copy)
            {
                if (copy >= 0)
                {
                    _pinned.Add(copy);
                }
                else
                {
                    missing++;
                }
            }
        }
        if (_pool.Available(qpu) < missing)
        {
            Reserve(qpu, missing);
            return false;
        }
        for (int side = 0; side < 2; side++)
        {
            int q = op.Qubits[side];
            operands[side] = QpuOf(q) == qpu ? _where[q] : EnsureCopy(Run(g, side, q), qpu);
            _pinned.Add(operands[side]);
        }
        for (int side = 0; side < 2; side++)
        {
            int q = op.Qubits[side];
            if (QpuOf(q) != qpu && Run(g, side, q).Copy[qpu] != operands[side])
            {
                return false;
            }
        }
        return true;
    }

    private CatRun Run(int g, int side, int q)
    {
        var run = _runs[_netOfGateSide[(2 * g) + side]]
            ?? throw new InvalidOperationException($"gate {g} is remote from qubit {q} but its run is local");
        if (run.Kind == InteractionKind.Other)
        {
            throw new NotSupportedException($"gate {g} acts on qubit {q} in a way no cat-entangled copy can serve (normalize the circuit first)");
        }
        return run;
    }

    private void PinIfVisiting(int q)
    {
        if (_where[q] != q)
        {
            _pinned.Add(_where[q]);
        }
    }

    private int QpuOf(int qubit) => _where[qubit] == qubit ? _placement.QpuOfQubit[qubit] : _pool.QpuOf(_where[qubit]);

    /// <summary>
    /// Frees communication qubits on the QPU until <paramref name="count"/> are available: copies
    /// nobody pinned first (cat-disentangled now, made again later), then visitors (teleported
    /// home, which needs one free), then pinned copies (the caller notices and starts over).
    /// </summary>
    private void Reserve(int qpu, int count)
    {
        while (_pool.Available(qpu) < count)
        {
            if (CopyVictim(qpu, pinned: false) is int copy)
            {
                Evict(copy);
            }
            else if (_pool.Available(qpu) >= 1 && Victim(_visitor.Keys, qpu, pinned: false) is int visitor)
            {
                TeleportBack(_stretchOfVisitor[visitor], early: true);
            }
            else if (CopyVictim(qpu, pinned: true) is int pinnedCopy)
            {
                _pinned.Remove(pinnedCopy);
                Evict(pinnedCopy);
            }
            else
            {
                throw new LoweringFailure(
                    $"QPU '{_topology.Qpus[qpu].Id}' has {_pool.Limit(qpu)} communication qubit{(_pool.Limit(qpu) == 1 ? "" : "s")}, too few for what passes through it at once");
            }
        }
    }

    /// <summary>
    /// The copy on the QPU needed again last (Belady's choice: QFT-like circuits cycle through their
    /// copies, where least-recently-used would always drop the next one needed).
    /// </summary>
    private int? CopyVictim(int qpu, bool pinned)
    {
        int? best = null;
        long bestKey = long.MinValue;
        foreach (var (id, run) in _copyOwner)
        {
            if (_pool.QpuOf(id) == qpu && _pinned.Contains(id) == pinned)
            {
                long key = ((long)run.NextUse(qpu) << 20) - Math.Min(id, (1 << 20) - 1);
                if (key > bestKey)
                {
                    (best, bestKey) = (id, key);
                }
            }
        }
        return best;
    }

    /// <summary>The least recently used communication qubit on the QPU among these, pinned or not.</summary>
    private int? Victim(IEnumerable<int> ids, int qpu, bool pinned)
    {
        int? best = null;
        foreach (int id in ids)
        {
            if (_pool.QpuOf(id) == qpu && _pinned.Contains(id) == pinned
                && (best is not { } b || (_lastUse[id], id).CompareTo((_lastUse[b], b)) < 0))
            {
                best = id;
            }
        }
        return best;
    }

    private void Evict(int copy)
    {
        var run = _copyOwner[copy];
        int qpu = _pool.QpuOf(copy);
        CatDisentangle(run, qpu);
    }
}
