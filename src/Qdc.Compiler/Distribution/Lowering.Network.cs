using Qdc.Circuits;
using Qdc.Circuits.Gates;
using Qdc.Compiler.Partitioning;

namespace Qdc.Compiler.Distribution;

/// <summary>The network primitives of the lowering: teleports, cat-entangled copies, and the pairs they consume.</summary>
internal sealed partial class Lowering
{
    /// <summary>
    /// Moves the qubit's state to a communication qubit on the stretch's QPU, hop by hop along the
    /// path (one pair, two bits, X and Z corrections per hop). When the QPU's visitors cannot make
    /// room, the qubit stays home and its runs fall back to telegates.
    /// </summary>
    private void TeleportOut(TeledataStretch stretch)
    {
        int q = stretch.Qubit;
        int target = stretch.Qpu;
        for (int attempt = 0; VisitorsAt(target) >= _pool.Limit(target) - 1; attempt++)
        {
            if (attempt > MaxAttempts || Victim(_visitor.Keys, target, pinned: false) is not int victim)
            {
                return;
            }
            Reserve(target, 1);
            if (_visitor.ContainsKey(victim))
            {
                TeleportBack(_stretchOfVisitor[victim], early: true);
            }
        }
        bool again = _sentHomeEarly[q];
        int current = q;
        for (int hop = 0; hop < stretch.Links.Length; hop++)
        {
            current = Hop(current, stretch.Path[hop], stretch.Path[hop + 1], stretch.Links[hop], relay: hop < stretch.Links.Length - 1);
            _serialisation += again ? 1 : 0;
        }
        _where[q] = current;
        _visitor[current] = q;
        _stretchOfVisitor[current] = stretch;
        _lastUse[current] = _ops.Count;
        _sentHomeEarly[q] = false;
    }

    private int VisitorsAt(int qpu) => _visitor.Keys.Count(id => _pool.QpuOf(id) == qpu);

    /// <summary>
    /// Moves it home again; the last hop lands in the measured (and now reset) data qubit itself.
    /// Early, when serialisation makes room: it comes back out at its next gate.
    /// </summary>
    private void TeleportBack(TeledataStretch stretch, bool early)
    {
        int q = stretch.Qubit;
        int current = _where[q];
        _visitor.Remove(current);
        _stretchOfVisitor.Remove(current);
        _lastUse.Remove(current);
        for (int hop = stretch.Links.Length - 1; hop >= 0; hop--)
        {
            current = Hop(current, stretch.Path[hop + 1], stretch.Path[hop], stretch.Links[hop], relay: hop > 0, landing: hop == 0 ? q : -1);
            _serialisation += early ? 1 : 0;
        }
        _where[q] = q;
        _sentHomeEarly[q] = early;
    }

    /// <summary>
    /// One teleport hop of the state in <paramref name="current"/>: into a new communication qubit
    /// on <paramref name="to"/> (which keeps room for the next hop's pair when it relays), or into
    /// <paramref name="landing"/>. A communication qubit left behind is freed.
    /// </summary>
    private int Hop(int current, int from, int to, int link, bool relay, int landing = -1)
    {
        bool comm = _pool.IsComm(current);
        bool pinnedHere = comm && _pinned.Add(current);
        if (landing < 0)
        {
            Reserve(to, relay ? 2 : 1);
        }
        Reserve(from, 1);
        int a = _pool.Allocate(from);
        int b = landing >= 0 ? landing : _pool.Allocate(to);
        Teleport(current, a, b, link, from, to);
        _pool.Free(a);
        if (pinnedHere)
        {
            _pinned.Remove(current);
        }
        if (comm)
        {
            _pool.Free(current);
        }
        return b;
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

    /// <summary>
    /// The copy of the run's qubit on this QPU, made now if missing: from the nearest QPU up the
    /// tree that holds one (home at worst), relaying through the QPUs between.
    /// </summary>
    private int EnsureCopy(CatRun run, int qpu)
    {
        if (_where[run.Qubit] != run.Qubit)
        {
            throw new InvalidOperationException($"qubit {run.Qubit} is away while its run needs a copy");
        }
        for (int attempt = 0; run.Copy[qpu] < 0; attempt++)
        {
            if (attempt > MaxAttempts)
            {
                throw new LoweringFailure($"QPU '{_topology.Qpus[qpu].Id}' has too few communication qubits to receive a copy");
            }
            int child = qpu;
            while (run.Parent[child] != run.Home && run.Copy[run.Parent[child]] < 0)
            {
                child = run.Parent[child];
            }
            int parent = run.Parent[child];
            int source = parent == run.Home ? run.Qubit : run.Copy[parent];
            bool pinnedHere = source != run.Qubit && _pinned.Add(source);
            Reserve(child, child == qpu ? 1 : 2);
            Reserve(parent, 1);
            if (pinnedHere)
            {
                _pinned.Remove(source);
            }
            if (source != run.Qubit && run.Copy[parent] != source)
            {
                continue; // the relay's own copy had to go: start from further up
            }
            int copy = CatEntangle(source, parent, child, run.ParentLink[child], run.Kind);
            run.Copy[child] = copy;
            _copyOwner[copy] = run;
            _lastUse[copy] = _ops.Count;
            _serialisation += run.Made[child] ? 1 : 0;
            run.Made[child] = true;
            ReleaseUpward(run, parent);
        }
        return run.Copy[qpu];
    }

    /// <summary>Releases the copies on this QPU and up the tree that nothing needs any more.</summary>
    private void ReleaseUpward(CatRun run, int qpu)
    {
        for (int v = qpu; v >= 0; v = run.Parent[v])
        {
            if (run.Releasable(v))
            {
                CatDisentangle(run, v);
            }
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
        _copyOwner.Remove(c);
        _lastUse.Remove(c);
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
