using System.Text.Json;
using Qdc.Circuits;
using Qdc.Compiler.Distribution;
using QdcTopology = Qdc.Compiler.Topology.Topology;

namespace Qdc.Tests.Scheduling;

/// <summary>
/// An independent replay of schedule.json (parsed from its text) against the program and topology
/// it claims to schedule. It shares no code with the scheduler: it rebuilds dependencies from the
/// program's operations and checks every resource from the JSON alone. Returns the faults found.
/// </summary>
internal static class ScheduleChecker
{
    private const double Eps = 1e-12;

    private sealed record Entry(int Index, double Start, double End, string Kind, string Name, string? Qpu, string? Link, string[] Qubits, int Op, int Clbit, string? From, string? To, double RawPairs);

    public static List<string> Check(string json, DistributedProgram program, QdcTopology topology)
    {
        var faults = new List<string>();
        var entries = Parse(json, faults);
        var circuit = program.Circuit;
        var ops = circuit.Operations;
        var qpuIndex = Enumerable.Range(0, topology.QpuCount).ToDictionary(q => topology.Qpus[q].Id);
        var linkIndex = Enumerable.Range(0, topology.Links.Length).ToDictionary(l => $"{topology.Qpus[topology.Links[l].A].Id}--{topology.Qpus[topology.Links[l].B].Id}");

        // Sorted by start; every kind known; each on a QPU or a link.
        for (int i = 0; i < entries.Count; i++)
        {
            var e = entries[i];
            if (i > 0 && entries[i - 1].Start > e.Start)
            {
                faults.Add($"entry {i} starts before entry {i - 1}");
            }
            if (e.End < e.Start - Eps)
            {
                faults.Add($"entry {i} ends before it starts");
            }
            if (e.Kind is not ("gate" or "measure" or "reset" or "barrier" or "epr" or "message" or "swap" or "distill"))
            {
                faults.Add($"entry {i} has kind {e.Kind}");
            }
            if ((e.Qpu is null) == (e.Link is null))
            {
                faults.Add($"entry {i} must name exactly one of qpu and link");
            }
        }

        // Every program operation once: a pair's four as one epr entry at its first operation.
        var byOp = new Entry?[ops.Length];
        foreach (var e in entries.Where(e => e.Op >= 0 && e.Kind != "distill"))
        {
            if (byOp[e.Op] is not null)
            {
                faults.Add($"operation {e.Op} appears twice");
            }
            byOp[e.Op] = e;
        }
        var covered = new bool[ops.Length];
        foreach (var pair in program.EprPairs)
        {
            for (int k = 0; k < EprPair.OperationCount; k++)
            {
                covered[pair.Operation + k] = true;
            }
            if (byOp[pair.Operation] is not { Kind: "epr" } epr)
            {
                faults.Add($"pair {pair.Index} has no epr entry");
                continue;
            }
            var link = topology.Links[pair.Link];
            if (epr.Link != Name(topology, pair.Link))
            {
                faults.Add($"pair {pair.Index} on {epr.Link}, not its link");
            }
            // The generator makes the expected raw pairs at its rate; distillation adds its own entry.
            if (Math.Abs(epr.End - epr.Start - (epr.RawPairs / link.EprRate)) > 1e-9 * Math.Max(1, epr.End))
            {
                faults.Add($"pair {pair.Index} takes {epr.End - epr.Start} s for {epr.RawPairs} raw pairs at {link.EprRate}/s");
            }
        }
        for (int i = 0; i < ops.Length; i++)
        {
            if (!covered[i] && byOp[i] is null)
            {
                faults.Add($"operation {i} is missing");
            }
        }

        // Durations by kind on the operation's QPU.
        for (int i = 0; i < ops.Length; i++)
        {
            if (covered[i] || byOp[i] is not { } e)
            {
                continue;
            }
            var qpu = topology.Qpus[program.QpuOfQubit[ops[i].Qubits[0]]];
            if (e.Qpu != qpu.Id)
            {
                faults.Add($"operation {i} on {e.Qpu}, not {qpu.Id}");
            }
            double expected = ops[i] switch
            {
                GateOperation g => g.Qubits.Length == 1 ? qpu.Durations.OneQubit : qpu.Durations.TwoQubit,
                MeasureOperation => qpu.Durations.Measure,
                ResetOperation => qpu.Durations.Reset,
                _ => 0,
            };
            if (Math.Abs(e.End - e.Start - expected) > 1e-9 * Math.Max(expected, 1e-9))
            {
                faults.Add($"operation {i} ({e.Name}) lasts {e.End - e.Start} s, {qpu.Id} takes {expected} s");
            }
        }

        // Physical qubits: each does one thing at a time; comm qubits within the QPU's count.
        var onQubit = new Dictionary<string, List<Entry>>();
        foreach (var e in entries.Where(e => e.Kind != "message"))
        {
            foreach (var q in e.Qubits)
            {
                (onQubit.TryGetValue(q, out var list) ? list : onQubit[q] = []).Add(e);
            }
        }
        foreach (var (qubit, list) in onQubit)
        {
            var busy = list.Where(e => e.Kind != "distill").OrderBy(e => e.Start).ThenBy(e => e.End).ToList();
            for (int k = 1; k < busy.Count; k++)
            {
                if (busy[k].Start < busy[k - 1].End - Eps && busy[k].End > busy[k - 1].Start + Eps)
                {
                    faults.Add($"{qubit} does {busy[k - 1].Name} and {busy[k].Name} at once");
                }
            }
        }
        CheckCommOccupancy(entries, program, topology, faults);

        // Links: never more pairs generating at once than generators.
        foreach (var (name, l) in linkIndex)
        {
            var edges = entries.Where(e => e.Kind == "epr" && e.Link == name && e.End > e.Start)
                .SelectMany(e => new[] { (e.Start, 1), (e.End, -1) }).OrderBy(x => x.Item1).ThenBy(x => x.Item2);
            int alive = 0;
            foreach (var (_, change) in edges)
            {
                alive += change;
                if (alive > topology.Links[l].ParallelPairs)
                {
                    faults.Add($"link {name} makes {alive} pairs at once with {topology.Links[l].ParallelPairs} generators");
                    break;
                }
            }
        }

        CheckDependencies(entries, byOp, program, topology, faults);
        return faults;
    }

    /// <summary>
    /// A comm qubit is busy from its pair's generation until the last operation before its next
    /// pair: such spans on one physical qubit must not overlap, a program comm qubit keeps one
    /// physical qubit through each occupancy, and no QPU uses more comm qubits than it has.
    /// </summary>
    private static void CheckCommOccupancy(List<Entry> entries, DistributedProgram program, QdcTopology topology, List<string> faults)
    {
        var ops = program.Circuit.Operations;
        var pairAt = program.EprPairs.ToDictionary(p => p.Operation);
        var byOp = entries.Where(e => e.Op >= 0 && e.Kind != "distill").ToDictionary(e => e.Op);
        var distilled = entries.Where(d => d.Kind == "distill").ToDictionary(d => d.Op, d => d.End);
        var physical = new Dictionary<int, string>();
        var spans = new Dictionary<string, List<(double Start, double End)>>();
        var openStart = new Dictionary<int, double>();
        var openEnd = new Dictionary<int, double>();
        void Close(int q)
        {
            if (physical.TryGetValue(q, out var name) && openStart.ContainsKey(q))
            {
                (spans.TryGetValue(name, out var list) ? list : spans[name] = []).Add((openStart[q], openEnd[q]));
            }
        }
        for (int i = 0; i < ops.Length; i++)
        {
            if (pairAt.TryGetValue(i, out var pair))
            {
                var e = byOp[i];
                foreach (var (q, side) in new[] { (pair.QubitA, 0), (pair.QubitB, 1) })
                {
                    if (!program.IsCommQubit[q])
                    {
                        continue;
                    }
                    Close(q);
                    physical[q] = e.Qubits[side];
                    openStart[q] = e.Start;
                    openEnd[q] = distilled.TryGetValue(i, out double delivered) ? Math.Max(delivered, e.End) : e.End;
                }
                i += EprPair.OperationCount - 1;
                continue;
            }
            if (!byOp.TryGetValue(i, out var entry))
            {
                continue;
            }
            for (int s = 0; s < ops[i].Qubits.Length; s++)
            {
                int q = ops[i].Qubits[s];
                if (!program.IsCommQubit[q])
                {
                    continue;
                }
                if (!physical.TryGetValue(q, out var name) || entry.Qubits[s] != name)
                {
                    faults.Add($"operation {i} uses {entry.Qubits[s]} but its pair put the state in {(physical.TryGetValue(q, out var n) ? n : "none")}");
                }
                openEnd[q] = Math.Max(openEnd[q], entry.End);
            }
        }
        foreach (int q in physical.Keys.ToList())
        {
            Close(q);
        }
        var perQpu = new Dictionary<string, HashSet<string>>();
        foreach (var (name, list) in spans)
        {
            var sorted = list.OrderBy(s => s.Start).ToList();
            for (int k = 1; k < sorted.Count; k++)
            {
                if (sorted[k].Start < sorted[k - 1].End - Eps)
                {
                    faults.Add($"{name} holds two pairs at once ({sorted[k - 1].Start}–{sorted[k - 1].End} and {sorted[k].Start}–{sorted[k].End})");
                }
            }
        }
        for (int q = 0; q < program.Circuit.QubitCount; q++)
        {
            if (program.IsCommQubit[q] && physical.TryGetValue(q, out _))
            {
                int v = program.QpuOfQubit[q];
                var names = spans.Keys.Where(k => k.StartsWith(RegisterOf(program.Circuit, q) + "[", StringComparison.Ordinal));
                int limit = Math.Max(topology.Qpus[v].CommQubits, program.PeakCommQubits[v]);
                foreach (var name in names)
                {
                    int index = int.Parse(name[(name.IndexOf('[') + 1)..^1], System.Globalization.CultureInfo.InvariantCulture);
                    if (index >= limit)
                    {
                        faults.Add($"{name}: {topology.Qpus[v].Id} has only {limit} communication qubits");
                    }
                }
            }
        }
    }

    /// <summary>
    /// No operation before those it depends on: same qubit (within an occupancy; operations diagonal on a data qubit
    /// commute, so a run of them only follows the qubit's last other operation and precedes its next), written clbits, read clbits and their messages.
    /// </summary>
    private static void CheckDependencies(List<Entry> entries, Entry?[] byOp, DistributedProgram program, QdcTopology topology, List<string> faults)
    {
        var ops = program.Circuit.Operations;
        var pairAt = program.EprPairs.ToDictionary(p => p.Operation);
        var last = new int[program.Circuit.QubitCount];
        Array.Fill(last, -1);
        var run = new List<int>[program.Circuit.QubitCount];
        for (int q = 0; q < run.Length; q++)
        {
            run[q] = [];
        }
        var writer = new int[program.Circuit.ClbitCount];
        Array.Fill(writer, -1);
        var readers = new List<int>[program.Circuit.ClbitCount];
        for (int c = 0; c < readers.Length; c++)
        {
            readers[c] = [];
        }
        var messages = entries.Where(e => e.Kind == "message").ToLookup(e => e.Clbit);
        var distilled = entries.Where(d => d.Kind == "distill").ToDictionary(d => d.Op, d => d.End);
        var links = Enumerable.Range(0, topology.Links.Length).ToDictionary(l => Name(topology, l), l => topology.Links[l]);
        for (int i = 0; i < ops.Length; i++)
        {
            if (byOp[i] is not { } e)
            {
                continue;
            }
            if (pairAt.TryGetValue(i, out var pair))
            {
                // A pair landing in a data qubit waits for that qubit; a comm qubit starts afresh.
                foreach (int q in new[] { pair.QubitA, pair.QubitB })
                {
                    if (!program.IsCommQubit[q])
                    {
                        After(i, last[q], "qubit");
                        foreach (int r in run[q])
                        {
                            After(i, r, "qubit");
                        }
                        run[q].Clear();
                    }
                    last[q] = i;
                }
                continue;
            }
            var op = ops[i];
            for (int s = 0; s < op.Qubits.Length; s++)
            {
                // A pair's entry ends when the pair is delivered (after any distillation).
                int q = op.Qubits[s];
                if (!program.IsCommQubit[q] && DiagonalOn(op, s))
                {
                    // Commutes with the diagonal run on the qubit: after its last other operation only.
                    After(i, last[q], "qubit");
                    run[q].Add(i);
                    continue;
                }
                foreach (int r in run[q])
                {
                    After(i, r, "qubit");
                }
                if (run[q].Count == 0)
                {
                    After(i, last[q], "qubit");
                }
                run[q].Clear();
                last[q] = i;
            }
            if (op.Condition is { } cond)
            {
                foreach (int c in cond.Clbits)
                {
                    if (writer[c] < 0)
                    {
                        continue;
                    }
                    var w = byOp[writer[c]]!;
                    if (w.Qpu == e.Qpu)
                    {
                        After(i, writer[c], "clbit");
                    }
                    else if (!MessageArrives(messages[c], w, e, links))
                    {
                        faults.Add($"operation {i} on {e.Qpu} reads clbit {c} measured on {w.Qpu} with no message arriving in time");
                    }
                    readers[c].Add(i);
                }
            }
            if (op is MeasureOperation m)
            {
                After(i, writer[m.Clbit], "clbit");
                foreach (int r in readers[m.Clbit])
                {
                    After(i, r, "clbit");
                }
                readers[m.Clbit].Clear();
                writer[m.Clbit] = i;
            }
        }

        void After(int op, int before, string why)
        {
            if (before < 0)
            {
                return;
            }
            double end = byOp[before]!.End;
            if (distilled.TryGetValue(before, out double delivered))
            {
                end = Math.Max(end, delivered);
            }
            if (byOp[op]!.Start < end - Eps)
            {
                faults.Add($"operation {op} starts at {byOp[op]!.Start} before operation {before} ends at {end} ({why})");
            }
        }
    }

    // Diagonal on operand s: no entry of the gate's matrix links basis states that differ in that operand's bit (the first operand is the top bit).
    private static bool DiagonalOn(Operation op, int s)
    {
        if (op is not GateOperation g || g.Gate.QubitCount > 4)
        {
            return false;
        }
        var m = g.Gate.Matrix;
        int bit = 1 << (m.Qubits - 1 - s);
        for (int r = 0; r < m.Dimension; r++)
        {
            for (int c = 0; c < m.Dimension; c++)
            {
                if (((r ^ c) & bit) != 0 && m[r, c].Magnitude > 1e-12)
                {
                    return false;
                }
            }
        }
        return true;
    }

    // Some chain of hops from the writer's QPU to the reader's, leaving after the measurement and arriving before the read, each hop no faster than its link.
    private static bool MessageArrives(IEnumerable<Entry> hops, Entry writer, Entry reader, Dictionary<string, Compiler.Topology.Link> links)
    {
        var list = hops.ToList();
        var frontier = new List<(string Qpu, double At)> { (writer.Qpu!, writer.End) };
        var used = new bool[list.Count];
        for (int round = 0; round <= list.Count; round++)
        {
            if (frontier.Any(f => f.Qpu == reader.Qpu && f.At <= reader.Start + Eps))
            {
                return true;
            }
            var next = new List<(string, double)>();
            for (int k = 0; k < list.Count; k++)
            {
                var h = list[k];
                bool fast = h.End - h.Start < links[h.Link!].Latency - Eps;
                if (!used[k] && !fast && frontier.Any(f => f.Qpu == h.From && f.At <= h.Start + Eps))
                {
                    used[k] = true;
                    next.Add((h.To!, h.End));
                }
            }
            if (next.Count == 0)
            {
                return false;
            }
            frontier.AddRange(next);
        }
        return false;
    }

    private static string RegisterOf(Circuit circuit, int qubit) => circuit.QuantumRegisters.First(r => r.Contains(qubit)).Name;

    private static string Name(QdcTopology topology, int link) =>
        $"{topology.Qpus[topology.Links[link].A].Id}--{topology.Qpus[topology.Links[link].B].Id}";

    private static List<Entry> Parse(string json, List<string> faults)
    {
        using var doc = JsonDocument.Parse(json);
        var root = doc.RootElement;
        if (root.GetProperty("formatVersion").GetInt32() != 1)
        {
            faults.Add("formatVersion is not 1");
        }
        var list = new List<Entry>();
        int index = 0;
        foreach (var o in root.GetProperty("operations").EnumerateArray())
        {
            string? S(string key) => o.TryGetProperty(key, out var v) ? v.GetString() : null;
            list.Add(new Entry(
                index++,
                o.GetProperty("start").GetDouble(),
                o.GetProperty("end").GetDouble(),
                o.GetProperty("kind").GetString()!,
                o.GetProperty("name").GetString()!,
                S("qpu"),
                S("link"),
                o.TryGetProperty("qubits", out var qs) ? [.. qs.EnumerateArray().Select(q => q.GetString()!)] : [],
                o.TryGetProperty("op", out var op) ? op.GetInt32() : -1,
                o.TryGetProperty("clbit", out var c) ? c.GetInt32() : -1,
                S("from"),
                S("to"),
                o.TryGetProperty("rawPairs", out var r) ? r.GetDouble() : 1));
        }
        double makespan = root.GetProperty("makespanSeconds").GetDouble();
        if (list.Count > 0 && Math.Abs(list.Max(e => e.End) - makespan) > Eps)
        {
            faults.Add($"makespanSeconds {makespan} is not the last end {list.Max(e => e.End)}");
        }
        return list;
    }
}
