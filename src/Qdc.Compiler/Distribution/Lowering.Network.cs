using Qdc.Circuits;
using Qdc.Circuits.Gates;
using Qdc.Compiler.Partitioning;

namespace Qdc.Compiler.Distribution;

/// <summary>The network primitives of the lowering: teleports, cat-entangled copies, and the pairs they consume.</summary>
internal sealed partial class Lowering
{
    /// <summary>
    /// Moves the qubit's state to a communication qubit on the stretch's QPU along the path: one
    /// teleport over a pair swapped end to end (hop by hop with swapping off; either way one pair
    /// per hop, two bits and X and Z corrections). When the QPU's visitors cannot make room, the
    /// qubit stays home and its runs fall back to telegates.
    /// </summary>
    private void TeleportOut(TeledataStretch stretch)
    {
        int q = stretch.Qubit;
        int target = stretch.Qpu;
        var spare = _park ? _pool.AllocateSpare(target) : null;
        for (int attempt = 0; spare is null && VisitorsAt(target) >= _pool.Limit(target) - 1; attempt++)
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
        int current = Travel(q, stretch.Path, stretch.Links);
        _serialisation += again ? stretch.Links.Length : 0;
        _sentHomeEarly[q] = false;
        if (spare is { } parked)
        {
            Park(current, parked.Id, parked.Fresh);
            _where[q] = parked.Id;
            return;
        }
        _where[q] = current;
        _visitor[current] = q;
        _stretchOfVisitor[current] = stretch;
        _lastUse[current] = _ops.Count;
    }

    /// <summary>
    /// Moves a visitor that has just landed in a communication qubit into a spare data qubit, so the
    /// communication qubit is free for other pairs while the visitor stays (and the lowering need
    /// not send it home early to make room). Two CX swap a state into a qubit in |0⟩; one used
    /// before is reset first.
    /// </summary>
    private void Park(int comm, int spare, bool fresh)
    {
        if (!fresh)
        {
            _ops.Add(new ResetOperation(spare));
        }
        Emit(Cx, comm, spare);
        Emit(Cx, spare, comm);
        _pool.Free(comm);
        _parkedVisits++;
    }

    private int VisitorsAt(int qpu) => _visitor.Keys.Count(id => _pool.QpuOf(id) == qpu);

    /// <summary>
    /// Moves it home again; the teleport lands in the measured (and now reset) data qubit itself.
    /// Early, when serialisation makes room: it comes back out at its next gate.
    /// </summary>
    private void TeleportBack(TeledataStretch stretch, bool early)
    {
        int q = stretch.Qubit;
        int current = _where[q];
        _visitor.Remove(current);
        _stretchOfVisitor.Remove(current);
        _lastUse.Remove(current);
        Travel(current, [.. stretch.Path.Reverse()], [.. stretch.Links.Reverse()], landing: q);
        _serialisation += early ? stretch.Links.Length : 0;
        _where[q] = q;
        _sentHomeEarly[q] = early;
    }

    /// <summary>
    /// Teleports the state in <paramref name="current"/> from the first QPU of the path to the
    /// last, into a new communication qubit there or into <paramref name="landing"/>: in one go
    /// over a swapped pair, or, with swapping off, hop by hop through each QPU between.
    /// </summary>
    private int Travel(int current, IReadOnlyList<int> qpus, IReadOnlyList<int> links, int landing = -1)
    {
        if (_topology.Swapping)
        {
            return Hop(current, qpus, links, relay: false, landing);
        }
        for (int hop = 0; hop < links.Count; hop++)
        {
            bool last = hop == links.Count - 1;
            current = Hop(current, [qpus[hop], qpus[hop + 1]], [links[hop]], relay: !last, last ? landing : -1);
        }
        return current;
    }

    /// <summary>
    /// One teleport of the state in <paramref name="current"/> along the path: into a new
    /// communication qubit on its last QPU (which keeps room for the next hop's pair when it
    /// relays), or into <paramref name="landing"/>. A communication qubit left behind is freed.
    /// </summary>
    private int Hop(int current, IReadOnlyList<int> qpus, IReadOnlyList<int> links, bool relay, int landing)
    {
        bool comm = _pool.Owns(current);
        bool pinnedHere = comm && _pinned.Add(current);
        if (landing < 0)
        {
            Reserve(qpus[^1], relay ? 2 : 1);
        }
        ReserveSwapRoom(qpus);
        Reserve(qpus[0], 1);
        var (a, b) = Bridge(qpus, links, EprUse.Teleport, landing);
        Teleport(current, a, b);
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

    private void Teleport(int source, int a, int b)
    {
        Emit(Cx, source, a);
        Emit(H, source);
        int phase = Measure(source);
        int flip = Measure(a);
        _ops.Add(new GateOperation(X, [b], new Condition([flip], 1)));
        _ops.Add(new GateOperation(Z, [b], new Condition([phase], 1)));
    }

    /// <summary>Two free communication qubits on every QPU between the path's ends, for the swaps there.</summary>
    private void ReserveSwapRoom(IReadOnlyList<int> qpus)
    {
        for (int i = 1; i < qpus.Count - 1; i++)
        {
            Reserve(qpus[i], 2);
        }
    }

    /// <summary>
    /// One Bell pair between a new communication qubit on the path's first QPU and one on its last
    /// (or <paramref name="landing"/>): a pair on every link, joined by an entanglement swap on
    /// every QPU between (cx, h, measure both). The far end keeps the Pauli frame: it receives every
    /// swap's two bits and applies their X and Z corrections, so the swaps need not wait for each
    /// other. Room must be reserved (<see cref="ReserveSwapRoom"/>, and the ends).
    /// </summary>
    private (int A, int B) Bridge(IReadOnlyList<int> qpus, IReadOnlyList<int> links, EprUse use, int landing = -1)
    {
        int last = links.Count - 1;
        int a = _pool.Allocate(qpus[0]);
        int end = last == 0 && landing >= 0 ? landing : _pool.Allocate(qpus[1]);
        AddPair(links[0], qpus[0], qpus[1], a, end, use);
        var flips = new List<int>();
        var phases = new List<int>();
        for (int hop = 1; hop <= last; hop++)
        {
            int near = end;
            int incoming = _pairs.Count - 1;
            int outgoing = _pool.Allocate(qpus[hop]);
            end = hop == last && landing >= 0 ? landing : _pool.Allocate(qpus[hop + 1]);
            AddPair(links[hop], qpus[hop], qpus[hop + 1], outgoing, end, use);
            int at = _ops.Count;
            Emit(Cx, near, outgoing);
            Emit(H, near);
            int phase = Measure(near);
            int flip = Measure(outgoing);
            _swaps.Add(new EntanglementSwap(_swaps.Count, qpus[hop], qpus[^1], incoming, _pairs.Count - 1, near, outgoing, phase, flip, at));
            _pool.Free(near);
            _pool.Free(outgoing);
            flips.Add(flip);
            phases.Add(phase);
        }
        foreach (int flip in flips)
        {
            _ops.Add(new GateOperation(X, [end], new Condition([flip], 1)));
        }
        foreach (int phase in phases)
        {
            _ops.Add(new GateOperation(Z, [end], new Condition([phase], 1)));
        }
        return (a, end);
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
    /// tree that holds one (home at worst), relaying through the tree's QPUs between (and swapping
    /// across the pass-throughs the tree skips).
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
            ReserveSwapRoom(run.ParentPath[child]);
            if (pinnedHere)
            {
                _pinned.Remove(source);
            }
            if (source != run.Qubit && run.Copy[parent] != source)
            {
                continue; // the relay's own copy had to go: start from further up
            }
            int copy = CatEntangle(source, run.ParentPath[child], run.ParentLinks[child], run.Kind);
            run.Copy[child] = copy;
            _copyOwner[copy] = run;
            _lastUse[copy] = _ops.Count;
            _serialisation += run.Made[child] ? run.ParentLinks[child].Length : 0;
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
    /// Copies <paramref name="source"/> (on the path's first QPU) to a new communication qubit on
    /// its last: one pair (swapped across the QPUs between), a CX, a measurement and a corrected
    /// X. An X-type run is copied in the Hadamard basis.
    /// </summary>
    private int CatEntangle(int source, IReadOnlyList<int> qpus, IReadOnlyList<int> links, InteractionKind kind)
    {
        var (a, b) = Bridge(qpus, links, EprUse.CatEntangle);
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
