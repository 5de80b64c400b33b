using System.Collections.Immutable;
using System.Globalization;
using Qdc.Circuits;
using Qdc.Circuits.Diagnostics;
using Qdc.Circuits.Gates;
using Qdc.Qasm;
using Qdc.Qasm.NodePrograms;

namespace Qdc.Compiler.Emission;

/// <summary>
/// The proof's first half: reads node programs back and joins them into one circuit. The streams
/// are interleaved in a causal order (each runs until it waits): a pair is prepared (reset, reset,
/// h, cx) when both of its sides have reached it, and a recv goes on once its send has run. Every
/// measurement writes a fresh joined clbit, and a recv makes the receiver's bit stand for the one
/// the sender sent, so a condition refers to exactly the value that was sent, whatever happens to
/// the sender's bit later. Unmatched tags, missing peers and cyclic waits are diagnostics.
/// </summary>
public static class NodeJoiner
{
    private static readonly Gate H = Gate.Create("h");
    private static readonly Gate Cx = Gate.Create("cx");

    /// <summary>True for text qdc's emitter wrote (so compile may replace or remove it).</summary>
    public static bool IsQdcNodeProgram(string text) =>
        text.StartsWith("OPENQASM 3.0;\n" + NodeTextWriter.Marker, StringComparison.Ordinal);

    /// <summary>
    /// Reads the folder's node programs (the *.qasm files that start as qdc writes them; a user's own
    /// files there are left out, as compile leaves them alone) and joins them; null with diagnostics on any fault.
    /// </summary>
    public static JoinedProgram? Load(string folder, DiagnosticBag diagnostics)
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
        if (!Directory.Exists(folder))
        {
            diagnostics.Error(EmissionCodes.BadNodeSet, $"no node programs: '{folder}' is not a folder", SourceLocation.None(folder));
            return null;
        }
        var files = Directory.EnumerateFiles(folder, "*.qasm").Order(StringComparer.Ordinal)
            .Select(f => (Path: f, Text: File.ReadAllText(f)))
            .Where(f => IsQdcNodeProgram(f.Text))
            .ToList();
        if (files.Count == 0)
        {
            diagnostics.Error(EmissionCodes.BadNodeSet, $"no node programs: '{folder}' has no .qasm files written by qdc", SourceLocation.None(folder));
            return null;
        }
        var nodes = files.Select(f => QasmFrontEnd.LoadNode(new SourceText(f.Path, f.Text), QasmOptions.Default, diagnostics)).ToList();
        return nodes.Any(n => n is null) ? null : Join([.. nodes.OfType<NodeProgramSyntax>()], diagnostics);
    }

    /// <summary>The phase's entry: joined node programs, or null with diagnostics.</summary>
    public static JoinedProgram? Join(IReadOnlyList<NodeProgramSyntax> programs, DiagnosticBag diagnostics)
    {
        ArgumentNullException.ThrowIfNull(programs);
        ArgumentNullException.ThrowIfNull(diagnostics);
        int before = diagnostics.Items.Count(d => d.IsError);
        var nodes = programs.OrderBy(p => p.Header.Index).ToList();
        if (nodes.Count == 0)
        {
            diagnostics.Error(EmissionCodes.BadNodeSet, "no node programs to join", SourceLocation.None("nodes"));
            return null;
        }
        var byIndex = CheckNodeSet(nodes, diagnostics);
        var (startMap, endMap) = QubitMaps(nodes, diagnostics);
        var partner = MatchCalls(nodes, byIndex, diagnostics);
        if (diagnostics.Items.Count(d => d.IsError) > before)
        {
            return null;
        }
        return new Interleaving(nodes, byIndex, partner).Run(startMap!, endMap!, diagnostics);
    }

    private static Dictionary<int, int> CheckNodeSet(List<NodeProgramSyntax> nodes, DiagnosticBag diagnostics)
    {
        var byIndex = new Dictionary<int, int>();
        var first = nodes[0].Header;
        for (int n = 0; n < nodes.Count; n++)
        {
            var h = nodes[n].Header;
            if (!byIndex.TryAdd(h.Index, n))
            {
                diagnostics.Error(EmissionCodes.BadNodeSet, Invariant($"QPU {h.Index} has two programs (also {nodes[byIndex[h.Index]].Header.Location})"), h.Location);
            }
            if (h.SourceQubits != first.SourceQubits || h.SourceClbits != first.SourceClbits)
            {
                diagnostics.Error(EmissionCodes.BadNodeSet, Invariant($"the source has {h.SourceQubits} qubits and {h.SourceClbits} clbits here but {first.SourceQubits} and {first.SourceClbits} at {first.Location}"), h.Location);
            }
        }
        foreach (var node in nodes)
        {
            foreach (var call in node.Calls.Where(c => !byIndex.ContainsKey(c.Peer)))
            {
                diagnostics.Error(QasmDiagnostics.UnknownPeer, Invariant($"unknown peer {call.Peer}: no node program is QPU {call.Peer}"), call.Location);
            }
        }
        return byIndex;
    }

    private static (int[]? Start, int[]? End) QubitMaps(List<NodeProgramSyntax> nodes, DiagnosticBag diagnostics)
    {
        int n = nodes[0].Header.SourceQubits;
        var start = new int[n];
        var end = new int[n];
        Array.Fill(start, -1);
        Array.Fill(end, -1);
        int offset = 0;
        bool ok = true;
        foreach (var node in nodes)
        {
            foreach (var h in node.Header.Holdings)
            {
                ok &= Hold(start, h.Start, offset + h.Qubit, h.Location, "start", diagnostics);
                ok &= Hold(end, h.End, offset + h.Qubit, h.Location, "end", diagnostics);
            }
            offset += node.Circuit.QubitCount;
        }
        for (int s = 0; s < n; s++)
        {
            if (start[s] < 0 || end[s] < 0)
            {
                diagnostics.Error(EmissionCodes.BadNodeSet, Invariant($"no node program holds source qubit {s} at the {(start[s] < 0 ? "start" : "end")}"), nodes[0].Header.Location);
                ok = false;
            }
        }
        return ok ? (start, end) : (null, null);
    }

    private static bool Hold(int[] map, int source, int qubit, SourceLocation at, string when, DiagnosticBag diagnostics)
    {
        if ((uint)source >= (uint)map.Length || map[source] >= 0)
        {
            diagnostics.Error(EmissionCodes.BadNodeSet, Invariant($"source qubit {source} {((uint)source >= (uint)map.Length ? "does not exist" : "is held by two qubits")} at the {when}"), at);
            return false;
        }
        map[source] = qubit;
        return true;
    }

    /// <summary>For each (node, call), the (node, call) that completes it: the other half of its pair, or its send or recv.</summary>
    private static Dictionary<(int Node, int Call), (int Node, int Call)> MatchCalls(List<NodeProgramSyntax> nodes, Dictionary<int, int> byIndex, DiagnosticBag diagnostics)
    {
        var groups = new SortedDictionary<(bool Pair, long Tag), List<(int Node, int Call)>>();
        for (int n = 0; n < nodes.Count; n++)
        {
            var calls = nodes[n].Calls;
            for (int c = 0; c < calls.Length; c++)
            {
                var key = (calls[c].Kind == NetworkCallKind.Epr, calls[c].Tag);
                if (!groups.TryGetValue(key, out var list))
                {
                    groups[key] = list = [];
                }
                list.Add((n, c));
            }
        }
        var partner = new Dictionary<(int, int), (int, int)>();
        foreach (var ((isPair, tag), list) in groups)
        {
            NetworkCall Call((int Node, int Call) x) => nodes[x.Node].Calls[x.Call];
            string what = isPair ? Invariant($"pair tag {tag}") : Invariant($"message tag {tag}");
            foreach (var extra in list.Skip(2))
            {
                diagnostics.Error(EmissionCodes.DuplicateTag, $"{what} is used more than twice (also at {Call(list[0]).Location} and {Call(list[1]).Location})", Call(extra).Location);
            }
            if (list.Count == 1)
            {
                var lone = Call(list[0]);
                string peer = byIndex.TryGetValue(lone.Peer, out int p) ? $"'{nodes[p].Header.Id}'" : Invariant($"{lone.Peer}");
                string missing = lone.Kind switch
                {
                    NetworkCallKind.Epr => "epr",
                    NetworkCallKind.Send => "recv",
                    _ => "send",
                };
                diagnostics.Error(EmissionCodes.Unmatched, $"{what} has no partner: QPU {peer} has no {missing} with this tag", lone.Location);
                continue;
            }
            var (a, b) = (list[0], list[1]);
            var (ca, cb) = (Call(a), Call(b));
            bool kindsFit = isPair || ca.Kind != cb.Kind;
            bool peersFit = ca.Peer == nodes[b.Node].Header.Index && cb.Peer == nodes[a.Node].Header.Index && a.Node != b.Node;
            if (!kindsFit || !peersFit)
            {
                string why = !kindsFit ? Invariant($"both are {ca.Kind.ToString().ToLowerInvariant()}s") : "their peers do not name each other's QPU";
                diagnostics.Error(EmissionCodes.Unmatched, $"{what} does not pair up with {cb.Location}: {why}", ca.Location);
                continue;
            }
            partner[a] = b;
            partner[b] = a;
        }
        return partner;
    }

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);

    /// <summary>One causal interleaving of the node streams, built step by step.</summary>
    private sealed class Interleaving(List<NodeProgramSyntax> nodes, Dictionary<int, int> byIndex, Dictionary<(int Node, int Call), (int Node, int Call)> partner)
    {
        private readonly ImmutableArray<Operation>.Builder _ops = ImmutableArray.CreateBuilder<Operation>();
        private readonly Dictionary<long, int> _sent = [];
        private readonly int[] _offset = new int[nodes.Count];
        private readonly QubitRecycler _qubits = new(nodes);
        // Source clbit b is joined clbit b, written in place, so the checker finds the source's
        // outcomes where the source has them; network bits get a fresh joined clbit per measurement
        // (a recv is then an exact copy). Joined clbit SourceBits is never written: it stands for
        // every network bit no one has measured yet.
        private readonly int _sourceBits = nodes[0].Header.SourceClbits;

        // Each node's bits name versions (a value some measurement wrote); a version lives in one joined clbit.
        private readonly int[][] _version = [.. nodes.Select(n => Enumerable.Range(0, n.Circuit.ClbitCount).Select(b => b < nodes[0].Header.SourceClbits ? b : nodes[0].Header.SourceClbits).ToArray())];
        private readonly List<int> _clbitOfVersion = [.. Enumerable.Range(0, nodes[0].Header.SourceClbits + 1)];
        private readonly int[] _current = [.. Enumerable.Range(0, nodes[0].Header.SourceClbits)];
        private readonly int[] _writer = [.. Enumerable.Repeat(-1, nodes[0].Header.SourceClbits)];
        private readonly int[] _op = new int[nodes.Count];
        private readonly int[] _call = new int[nodes.Count];
        private int _clbits = nodes[0].Header.SourceClbits + 1;
        private bool _overwritten;

        public JoinedProgram? Run(int[] startMap, int[] endMap, DiagnosticBag diagnostics)
        {
            int total = 0;
            for (int n = 0; n < nodes.Count; n++)
            {
                _offset[n] = total;
                total += nodes[n].Circuit.QubitCount;
            }
            bool progress = true;
            while (progress)
            {
                progress = false;
                for (int n = 0; n < nodes.Count; n++)
                {
                    while (Step(n))
                    {
                        progress = true;
                    }
                }
            }
            var blocked = Enumerable.Range(0, nodes.Count).Where(n => !Done(n)).ToList();
            foreach (int n in blocked)
            {
                var call = nodes[n].Calls[_call[n]];
                var peer = nodes[byIndex[call.Peer]];
                string waits = call.Kind == NetworkCallKind.Epr ? Invariant($"pair {call.Tag}") : Invariant($"message {call.Tag}");
                int p = byIndex[call.Peer];
                string there = Done(p) ? "which has finished" : $"which itself waits at {nodes[p].Calls[_call[p]].Location}";
                diagnostics.Error(EmissionCodes.Deadlock, $"deadlock: QPU '{nodes[n].Header.Id}' waits here for {waits} from QPU '{peer.Header.Id}', {there}", call.Location);
            }
            if (blocked.Count > 0)
            {
                return null;
            }
            var circuit = new Circuit([new Register("q", _qubits.Count, 0)], [new Register("bits", _clbits, 0)], _ops.ToImmutable());
            var header = nodes[0].Header;
            return new JoinedProgram(circuit, [.. startMap.Select(Held)], [.. endMap.Select(Held)], header.SourceQubits, header.SourceClbits) { SourceBitOverwritten = _overwritten };
        }

        /// <summary>The joined qubit of a source qubit's holder, given as offset + local qubit.</summary>
        private int Held(int qubit)
        {
            int n = Array.FindLastIndex(_offset, o => o <= qubit);
            while (nodes[n].Circuit.QubitCount == 0)
            {
                n--;
            }
            return _qubits.Held(n, qubit - _offset[n]);
        }

        private bool Done(int n) => _op[n] == nodes[n].Circuit.Operations.Length && _call[n] == nodes[n].Calls.Length;

        /// <summary>Runs node n's next step if it can go on; false when it waits or has finished.</summary>
        private bool Step(int n)
        {
            var node = nodes[n];
            var calls = node.Calls;
            if (_call[n] < calls.Length && calls[_call[n]].Position <= _op[n])
            {
                var call = calls[_call[n]];
                switch (call.Kind)
                {
                    case NetworkCallKind.Send:
                        _sent[call.Tag] = _version[n][call.Bit];
                        break;
                    case NetworkCallKind.Recv:
                        if (!_sent.TryGetValue(call.Tag, out int bit))
                        {
                            return false;
                        }
                        _version[n][call.Bit] = bit;
                        break;
                    default:
                        var (m, c) = partner[(n, _call[n])];
                        if (_call[m] != c || nodes[m].Calls[c].Position > _op[m])
                        {
                            return false;
                        }
                        int a = _qubits.Take(n, call.Bit, fresh: true), b = _qubits.Take(m, nodes[m].Calls[c].Bit, fresh: true);
                        _ops.Add(new ResetOperation(a));
                        _ops.Add(new ResetOperation(b));
                        _ops.Add(new GateOperation(H, [a]));
                        _ops.Add(new GateOperation(Cx, [a, b]));
                        _call[m]++;
                        break;
                }
                _call[n]++;
                return true;
            }
            if (_op[n] == node.Circuit.Operations.Length)
            {
                return false;
            }
            int index = _op[n]++;
            _ops.Add(Joined(n, node.Circuit.Operations[index]));
            if (node.Circuit.Operations[index] is MeasureOperation measured)
            {
                _qubits.Measured(n, index, measured.Qubit);
            }
            return true;
        }

        /// <summary>The joined clbit holding node n's bit b; notes when a source bit was measured again since that value was taken.</summary>
        private int Read(int n, int b)
        {
            int version = _version[n][b];
            int clbit = _clbitOfVersion[version];
            _overwritten |= clbit < _sourceBits && _current[clbit] != version;
            return clbit;
        }

        private Operation Joined(int n, Operation op)
        {
            var condition = op.Condition is { } c ? new Condition([.. c.Clbits.Select(b => Read(n, b))], c.Value, c.Equal) : null;
            bool resets = op is ResetOperation { Condition: null };
            ImmutableArray<int> qubits = [.. op.Qubits.Select(q => _qubits.Take(n, q, resets))];
            switch (op)
            {
                case GateOperation g:
                    return new GateOperation(g.Gate, qubits, condition);
                case MeasureOperation m:
                    int clbit = m.Clbit < _sourceBits ? m.Clbit : _clbits++;
                    _version[n][m.Clbit] = _clbitOfVersion.Count;
                    if (clbit < _sourceBits)
                    {
                        _current[clbit] = _clbitOfVersion.Count;
                        // Two QPUs writing one source bit have no order between them in the join.
                        _overwritten |= _writer[clbit] >= 0 && _writer[clbit] != n;
                        _writer[clbit] = n;
                    }
                    _clbitOfVersion.Add(clbit);
                    return new MeasureOperation(qubits[0], clbit, condition);
                case ResetOperation:
                    return new ResetOperation(qubits[0], condition);
                default:
                    return new BarrierOperation(qubits);
            }
        }
    }
}
