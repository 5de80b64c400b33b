namespace Qdc.Compiler.Scheduling;

/// <summary>
/// Event-driven list scheduling of a <see cref="TaskGraph"/>. Local operations start as soon as their
/// dependencies (and classical messages) allow: a QPU runs operations on disjoint qubits in
/// parallel, and operations on one qubit are ordered by the graph. EPR pairs are the contended
/// work: each needs a free generator on its link and a free physical communication qubit on each
/// end, held from the start of generation until the occupancy's last operation (its
/// disentangle or teleport) completes. Among the pairs that could start, the longest remaining
/// critical path goes first.
/// Communication qubits go in program order per QPU by default, which cannot deadlock when the
/// program in its own order never holds more than the QPU has; the next pair in that order is
/// generated as soon as a qubit and a generator are free (the prefetch). A later pair may jump
/// ahead as its <see cref="GrantRule"/> allows. The two checked rules keep this invariant: every
/// pair not yet started, once the program before it has run, finds a qubit, because the
/// occupancies the program holds there in its own order plus those that later pairs hold fit the
/// QPU. The earliest unstarted pair of the whole program then always starts once what precedes it
/// is done, so no run of them deadlocks. The greedy rule keeps no invariant: its run may deadlock,
/// and <see cref="Run"/> then says so.
/// </summary>
internal sealed partial class ListScheduler
{
    private const int Completion = 0;
    private const int GeneratorFree = 1;
    private const int Wake = 2;
    private const int Ready = 3;

    private readonly TaskGraph _g;
    private readonly Topology.Topology _topology;
    private readonly EprTiming _timing;
    private readonly GrantRule _rule;
    private readonly double[] _tail;
    private readonly int[] _remaining;
    private readonly double[] _ready;
    private readonly double[] _qubitFree;
    private readonly double[]? _pairRelease;
    private readonly PriorityQueue<(int Kind, int Id), (double Time, int Kind, int Id)> _events = new();

    // Per QPU: its pairs in program order, how far they have started, and the slots.
    private readonly int[][] _order;
    private readonly int[] _positionA;
    private readonly int[] _positionB;
    private readonly bool[] _pairStarted;
    private readonly bool[] _eligible;
    private readonly int[] _head;
    private readonly int[] _maxStarted;
    private readonly int[][] _demand;
    private readonly int[][] _slotPosition;
    private readonly int[] _free;
    private readonly bool[][] _slotBusy;
    private readonly int[] _window;
    private readonly int[] _generatorsFree;
    private readonly bool[] _dirty;
    private readonly List<int> _dirtyList = [];
    private readonly List<int> _slotless = [];

    // The on-demand baseline: a pair may start once its consumer waits for nothing else.
    private readonly int[] _nonPairRemaining;
    private readonly bool[] _gateOpen;

    // A pair is wanted once its consumer waits for nothing else; only wanted pairs jump the queue,
    // so prefetching ahead of program order cannot tie up a qubit with a pair used much later.
    private readonly bool[] _wanted;
    private readonly List<int>?[] _pairsOfConsumer;

    /// <param name="demand">Per QPU and pair position there: occupancies alive at that pair in program order, itself included.</param>
    /// <param name="pairRelease">Per pair, the earliest its generation may start (the just-in-time passes), or null.</param>
    public ListScheduler(TaskGraph graph, Topology.Topology topology, int[] slots, int[][] demand, EprTiming timing, double[] tail, GrantRule rule, double[]? pairRelease = null)
    {
        _rule = rule;
        _pairRelease = pairRelease;
        _g = graph;
        _topology = topology;
        _timing = timing;
        _tail = tail;
        int n = graph.Count;
        int pairs = graph.Program.EprPairs.Length;
        int qpus = topology.QpuCount;
        Start = new double[n];
        End = new double[n];
        OccSlot = new int[graph.OccupancyCount];
        Slots = slots;
        PeakComm = new int[qpus];
        _remaining = (int[])graph.PredCount.Clone();
        _ready = new double[n];
        _qubitFree = new double[graph.Program.Circuit.QubitCount];
        var order = new List<int>[qpus];
        for (int v = 0; v < qpus; v++)
        {
            order[v] = [];
        }
        _positionA = new int[pairs];
        _positionB = new int[pairs];
        foreach (var pair in graph.Program.EprPairs)
        {
            int p = pair.Index;
            _positionA[p] = _positionB[p] = -1;
            if (graph.PairOccA[p] >= 0)
            {
                _positionA[p] = order[pair.QpuA].Count;
                order[pair.QpuA].Add(p);
            }
            if (graph.PairOccB[p] >= 0)
            {
                _positionB[p] = order[pair.QpuB].Count;
                order[pair.QpuB].Add(p);
            }
        }
        _order = [.. order.Select(o => o.ToArray())];
        _pairStarted = new bool[pairs];
        _eligible = new bool[pairs];
        _head = new int[qpus];
        _maxStarted = new int[qpus];
        Array.Fill(_maxStarted, -1);
        _demand = demand;
        _slotPosition = [.. slots.Select(s => new int[s])];
        _free = (int[])slots.Clone();
        _slotBusy = [.. slots.Select(s => new bool[s])];
        _window = [.. slots.Select(s => 16 + (4 * s))];
        _generatorsFree = [.. topology.Links.Select(l => l.ParallelPairs)];
        GeneratorBusy = new double[topology.Links.Length];
        _dirty = new bool[qpus];

        _nonPairRemaining = new int[n];
        _gateOpen = new bool[pairs];
        _wanted = new bool[pairs];
        _pairsOfConsumer = new List<int>?[n];
        {
            for (int t = 0; t < n; t++)
            {
                for (int e = graph.SuccStart[t]; e < graph.SuccStart[t + 1]; e++)
                {
                    if (graph.PairOfTask[t] < 0)
                    {
                        _nonPairRemaining[graph.Succ[e]]++;
                    }
                }
            }
            for (int p = 0; p < pairs; p++)
            {
                int c = graph.Consumer[p];
                if (c < 0)
                {
                    _gateOpen[p] = _wanted[p] = true;
                }
                else
                {
                    (_pairsOfConsumer[c] ??= []).Add(p);
                }
            }
        }
        if (timing == EprTiming.Prefetch)
        {
            Array.Fill(_gateOpen, true);
        }
    }

    public double[] Start { get; }

    public double[] End { get; }

    /// <summary>The physical communication qubit (index on its QPU) each occupancy was given.</summary>
    public int[] OccSlot { get; }

    public int[] Slots { get; }

    public int[] PeakComm { get; }

    /// <summary>Seconds each link's generators spent generating, summed over generators.</summary>
    public double[] GeneratorBusy { get; }

    /// <summary>Runs to completion; false if the tasks could not all be scheduled (a deadlock).</summary>
    public bool Run()
    {
        int n = _g.Count;
        int done = 0, tasks = 0;
        for (int t = 0; t < n; t++)
        {
            if (!_g.IsTask[t])
            {
                continue;
            }
            tasks++;
            if (_remaining[t] == 0)
            {
                Release(t, 0);
            }
        }
        for (int c = 0; c < n; c++)
        {
            if (_pairsOfConsumer[c] is not null && _nonPairRemaining[c] == 0)
            {
                OpenGates(c, 0);
            }
        }
        TryStartPairs(0);
        while (_events.TryDequeue(out var ev, out var key))
        {
            double now = key.Time;
            Handle(ev, now, ref done);
            while (_events.TryPeek(out var next, out var nextKey) && nextKey.Time == now)
            {
                _events.Dequeue();
                Handle(next, now, ref done);
            }
            TryStartPairs(now);
        }
        return done == tasks;
    }

    private void Handle((int Kind, int Id) ev, double now, ref int done)
    {
        switch (ev.Kind)
        {
            case Completion:
                done++;
                Complete(ev.Id, now);
                break;
            case Ready:
                StartLocked(ev.Id, now);
                break;
            case GeneratorFree:
                _generatorsFree[ev.Id]++;
                var link = _topology.Links[ev.Id];
                MarkDirty(link.A);
                MarkDirty(link.B);
                break;
            default:
                BecomeEligible(ev.Id);
                break;
        }
    }

    private void Complete(int t, double now)
    {
        bool fromPair = _g.PairOfTask[t] >= 0;
        for (int e = _g.SuccStart[t]; e < _g.SuccStart[t + 1]; e++)
        {
            int s = _g.Succ[e];
            _ready[s] = Math.Max(_ready[s], now + _g.SuccLag[e]);
            if (!fromPair && _pairsOfConsumer[s] is not null && --_nonPairRemaining[s] == 0)
            {
                OpenGates(s, now);
            }
            if (--_remaining[s] == 0)
            {
                Release(s, now);
            }
        }
        int p = _g.PairOfTask[t];
        if (p >= 0)
        {
            // A pair nothing uses afterwards frees its qubits at once.
            FreeIfLast(_g.PairOccA[p], t);
            FreeIfLast(_g.PairOccB[p], t);
            return;
        }
        for (int k = _g.OperandOffset[t]; k < _g.OperandOffset[t + 1]; k++)
        {
            FreeIfLast(_g.OperandOcc[k], t);
        }
    }

    private void FreeIfLast(int occ, int task)
    {
        if (occ < 0 || _g.OccLastTask[occ] != task)
        {
            return;
        }
        int v = _g.OccQpu[occ];
        _slotBusy[v][OccSlot[occ]] = false;
        _free[v]++;
        MarkDirty(v);
    }

    private void OpenGates(int consumer, double now)
    {
        foreach (int p in _pairsOfConsumer[consumer]!)
        {
            _wanted[p] = true;
            if (_gateOpen[p])
            {
                // Prefetch: the pair may now jump the queue.
                var pair = _g.Program.EprPairs[p];
                MarkDirty(pair.QpuA);
                MarkDirty(pair.QpuB);
                continue;
            }
            int task = _g.Program.EprPairs[p].Operation;
            _gateOpen[p] = true;
            _ready[task] = Math.Max(_ready[task], Math.Max(now, _ready[consumer]));
            if (_remaining[task] == 0)
            {
                Release(task, now);
            }
        }
    }

    private void Release(int t, double now)
    {
        int p = _g.PairOfTask[t];
        if (p < 0 && _g.LockStart[t] < _g.LockStart[t + 1])
        {
            // It commutes with others on a qubit: it takes the qubit when it is ready, in arrival order.
            if (_ready[t] > now)
            {
                _events.Enqueue((Ready, t), (_ready[t], Ready, t));
            }
            else
            {
                StartLocked(t, now);
            }
            return;
        }
        if (p < 0)
        {
            Start[t] = _ready[t];
            End[t] = _ready[t] + _g.Duration[t];
            _events.Enqueue((Completion, t), (End[t], Completion, t));
            return;
        }
        if (!_gateOpen[p])
        {
            return;
        }
        if (_pairRelease is not null)
        {
            _ready[t] = Math.Max(_ready[t], _pairRelease[p]);
        }
        if (_ready[t] > now)
        {
            _events.Enqueue((Wake, p), (_ready[t], Wake, p));
            return;
        }
        BecomeEligible(p);
    }

    private void StartLocked(int t, double now)
    {
        double start = now;
        for (int k = _g.LockStart[t]; k < _g.LockStart[t + 1]; k++)
        {
            start = Math.Max(start, _qubitFree[_g.LockQubit[k]]);
        }
        double end = start + _g.Duration[t];
        for (int k = _g.LockStart[t]; k < _g.LockStart[t + 1]; k++)
        {
            _qubitFree[_g.LockQubit[k]] = end;
        }
        Start[t] = start;
        End[t] = end;
        _events.Enqueue((Completion, t), (end, Completion, t));
    }

    private void BecomeEligible(int p)
    {
        _eligible[p] = true;
        var pair = _g.Program.EprPairs[p];
        if (_positionA[p] < 0 && _positionB[p] < 0)
        {
            _slotless.Add(p);
        }
        if (_positionA[p] >= 0)
        {
            MarkDirty(pair.QpuA);
        }
        if (_positionB[p] >= 0)
        {
            MarkDirty(pair.QpuB);
        }
    }

    private void MarkDirty(int v)
    {
        if (!_dirty[v])
        {
            _dirty[v] = true;
            _dirtyList.Add(v);
        }
    }

    private readonly List<int> _candidates = [];
    private readonly HashSet<int> _seen = [];

    private void TryStartPairs(double now)
    {
        if (_dirtyList.Count == 0 && _slotless.Count == 0)
        {
            return;
        }
        _candidates.Clear();
        _seen.Clear();
        foreach (int v in _dirtyList)
        {
            _dirty[v] = false;
            var order = _order[v];
            int end = Math.Min(order.Length, _head[v] + _window[v]);
            for (int i = _head[v]; i < end; i++)
            {
                int p = order[i];
                if (_eligible[p] && !_pairStarted[p] && _seen.Add(p))
                {
                    _candidates.Add(p);
                }
            }
        }
        _dirtyList.Clear();
        foreach (int p in _slotless)
        {
            if (!_pairStarted[p] && _seen.Add(p))
            {
                _candidates.Add(p);
            }
        }
        _candidates.Sort((x, y) =>
        {
            int c = _tail[_g.Program.EprPairs[y].Operation].CompareTo(_tail[_g.Program.EprPairs[x].Operation]);
            return c != 0 ? c : x.CompareTo(y);
        });
        foreach (int p in _candidates)
        {
            TryStart(p, now);
        }
        _slotless.RemoveAll(p => _pairStarted[p]);
    }

    private void TryStart(int p, double now)
    {
        var pair = _g.Program.EprPairs[p];
        if (_generatorsFree[pair.Link] == 0
            || (_positionA[p] >= 0 && !MayTake(pair.QpuA, _positionA[p], _wanted[p]))
            || (_positionB[p] >= 0 && !MayTake(pair.QpuB, _positionB[p], _wanted[p])))
        {
            return;
        }
        int t = pair.Operation;
        _pairStarted[p] = true;
        _generatorsFree[pair.Link]--;
        double generation = _g.GenerationTime[p];
        GeneratorBusy[pair.Link] += generation;
        _events.Enqueue((GeneratorFree, pair.Link), (now + generation, GeneratorFree, pair.Link));
        if (_positionA[p] >= 0)
        {
            Take(pair.QpuA, _positionA[p], _g.PairOccA[p]);
        }
        if (_positionB[p] >= 0)
        {
            Take(pair.QpuB, _positionB[p], _g.PairOccB[p]);
        }
        Start[t] = now;
        End[t] = now + _g.Duration[t];
        _events.Enqueue((Completion, t), (End[t], Completion, t));
    }
}
