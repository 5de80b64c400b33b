using System.Globalization;
using System.Text.Json;
using Qdc.Cli.Output;

namespace Qdc.Cli.Diff;

/// <summary>
/// Compares two compiled outputs by meaning: placement, gate realizations, teledata moves, the
/// figures of report.json and partition.json, the schedule in summary, and the node programs.
/// </summary>
internal static class OutputDiff
{
    public const int MaxLinesPerNode = 40;

    // Compared on their own below, so not again as figures.
    private static readonly HashSet<string> PartitionDetail = ["placement", "gates", "moves"];

    public static OutputDifferences Compare(CompiledOutput a, CompiledOutput b)
    {
        var figures = Figures("", a.Report, b.Report, new HashSet<string>());
        figures.AddRange(Figures("partition.", a.Partition, b.Partition, PartitionDetail));
        var (removed, added) = MultisetDifference(Array(a.Partition, "moves"), Array(b.Partition, "moves"));
        return new OutputDifferences(Qubits(a.Partition, b.Partition), Gates(a.Partition, b.Partition), removed, added, figures, Schedule(a, b), Nodes(a, b));
    }

    private static List<QubitMove> Qubits(JsonElement a, JsonElement b)
    {
        var from = Placement(a);
        var to = Placement(b);
        var moves = new List<QubitMove>();
        // Circuit order (as partition.json lists the qubits), then any qubit only B has.
        foreach (string q in CompiledOutput.Entries(a, "placement").Concat(CompiledOutput.Entries(b, "placement")).Select(p => p.Name).Distinct(StringComparer.Ordinal))
        {
            string? x = from.GetValueOrDefault(q), y = to.GetValueOrDefault(q);
            if (x != y)
            {
                moves.Add(new QubitMove(q, x, y));
            }
        }
        return moves;
    }

    private static Dictionary<string, string> Placement(JsonElement partition) =>
        CompiledOutput.Entries(partition, "placement").ToDictionary(p => p.Name, p => p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString()! : p.Value.GetRawText(), StringComparer.Ordinal);

    private static List<GateChange> Gates(JsonElement a, JsonElement b)
    {
        var from = GateSides(a);
        var to = GateSides(b);
        var changes = new List<GateChange>();
        foreach (int index in from.Keys.Union(to.Keys).Order())
        {
            var x = from.GetValueOrDefault(index);
            var y = to.GetValueOrDefault(index);
            if (x != y)
            {
                changes.Add(new GateChange(index, x, y));
            }
        }
        return changes;
    }

    private static Dictionary<int, GateSide> GateSides(JsonElement partition)
    {
        var sides = new Dictionary<int, GateSide>();
        foreach (var g in Array(partition, "gates"))
        {
            if (g.ValueKind == JsonValueKind.Object && g.TryGetProperty("index", out var i) && i.TryGetInt32(out int index))
            {
                sides[index] = new GateSide(CompiledOutput.String(g, "qpu") ?? "", CompiledOutput.String(g, "realization") ?? "");
            }
        }
        return sides;
    }

    /// <summary>Every leaf of two JSON objects whose values differ, keyed by dotted path, in ordinal key order.</summary>
    internal static List<FigureChange> Figures(string prefix, JsonElement a, JsonElement b, IReadOnlySet<string> skip)
    {
        var left = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var right = new SortedDictionary<string, string>(StringComparer.Ordinal);
        Flatten(prefix, a, left, skip);
        Flatten(prefix, b, right, skip);
        var changes = new List<FigureChange>();
        foreach (string key in left.Keys.Union(right.Keys).Order(StringComparer.Ordinal))
        {
            string? x = left.GetValueOrDefault(key), y = right.GetValueOrDefault(key);
            if (!SameValue(x, y))
            {
                changes.Add(new FigureChange(key, x, y));
            }
        }
        return changes;
    }

    /// <summary>Leaves by dotted key (arrays as key[i]); <paramref name="skipTop"/> names top-level keys compared elsewhere.</summary>
    private static void Flatten(string prefix, JsonElement e, IDictionary<string, string> into, IReadOnlySet<string>? skipTop)
    {
        switch (e.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var p in e.EnumerateObject())
                {
                    if (skipTop is null || !skipTop.Contains(p.Name))
                    {
                        Flatten(prefix + p.Name + ".", p.Value, into, null);
                    }
                }
                break;
            case JsonValueKind.Array:
                int i = 0;
                foreach (var item in e.EnumerateArray())
                {
                    Flatten(prefix.TrimEnd('.') + "[" + i.ToString(CultureInfo.InvariantCulture) + "].", item, into, null);
                    i++;
                }
                break;
            default:
                into[prefix.TrimEnd('.')] = e.GetRawText();
                break;
        }
    }

    // 1 and 1.0 are the same figure; other JSON is compared as text.
    private static bool SameValue(string? x, string? y) =>
        x == y || (x is not null && y is not null
            && double.TryParse(x, NumberStyles.Float, CultureInfo.InvariantCulture, out double u)
            && double.TryParse(y, NumberStyles.Float, CultureInfo.InvariantCulture, out double v) && u == v);

    private static ScheduleChanges Schedule(CompiledOutput a, CompiledOutput b)
    {
        if (a.Schedule is null && b.Schedule is null)
        {
            return new ScheduleChanges([], 0, 0);
        }
        var left = Summary(a);
        var right = Summary(b);
        var figures = new List<FigureChange>();
        foreach (string key in left.Keys.Union(right.Keys).Order(StringComparer.Ordinal))
        {
            string? x = left.GetValueOrDefault(key), y = right.GetValueOrDefault(key);
            if (!SameValue(x, y))
            {
                figures.Add(new FigureChange(key, x, y));
            }
        }
        var (onlyA, onlyB) = MultisetDifference(a.Operations.Select(o => o.Canonical), b.Operations.Select(o => o.Canonical));
        return new ScheduleChanges(figures, onlyA.Count, onlyB.Count);
    }

    /// <summary>The schedule's own top-level figures, operation counts by kind, and per QPU and link the operation count and finishing time.</summary>
    private static SortedDictionary<string, string> Summary(CompiledOutput output)
    {
        var summary = new SortedDictionary<string, string>(StringComparer.Ordinal);
        if (output.Schedule is not { } schedule)
        {
            summary["schedule.json"] = "\"absent\"";
            return summary;
        }
        Flatten("", schedule, summary, new HashSet<string> { "operations" });
        summary["operations"] = Number(output.Operations.Count);
        foreach (var kind in output.Operations.GroupBy(o => o.Kind))
        {
            summary["operations." + kind.Key] = Number(kind.Count());
        }
        foreach (var row in output.Operations.GroupBy(o => o.Resource))
        {
            summary[row.Key + ".operations"] = Number(row.Count());
            summary[row.Key + ".endSeconds"] = row.Max(o => o.End).ToString("R", CultureInfo.InvariantCulture);
        }
        return summary;
    }

    private static string Number(int n) => n.ToString(CultureInfo.InvariantCulture);

    private static List<NodeChange> Nodes(CompiledOutput a, CompiledOutput b)
    {
        var changes = new List<NodeChange>();
        foreach (string file in a.Nodes.Keys.Union(b.Nodes.Keys).Order(StringComparer.Ordinal))
        {
            bool inA = a.Nodes.TryGetValue(file, out string? x), inB = b.Nodes.TryGetValue(file, out string? y);
            if (inA && inB && LineDiff.Lines(x!).SequenceEqual(LineDiff.Lines(y!)))
            {
                continue;
            }
            var lines = LineDiff.Changes(inA ? LineDiff.Lines(x!) : [], inB ? LineDiff.Lines(y!) : []);
            string status = !inA ? "added" : !inB ? "removed" : "changed";
            changes.Add(new NodeChange(file, status, lines.Count(l => l.Mark == '+'), lines.Count(l => l.Mark == '-'), lines.Take(MaxLinesPerNode).ToList()));
        }
        return changes;
    }

    private static IEnumerable<JsonElement> Array(JsonElement e, string key) =>
        e.TryGetProperty(key, out var v) && v.ValueKind == JsonValueKind.Array ? v.EnumerateArray() : [];

    private static (List<string> OnlyA, List<string> OnlyB) MultisetDifference(IEnumerable<JsonElement> a, IEnumerable<JsonElement> b) =>
        MultisetDifference(a.Select(CompiledOutput.Canonical), b.Select(CompiledOutput.Canonical));

    private static (List<string> OnlyA, List<string> OnlyB) MultisetDifference(IEnumerable<string> a, IEnumerable<string> b)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (string s in a)
        {
            counts[s] = counts.GetValueOrDefault(s) + 1;
        }
        var onlyB = new List<string>();
        foreach (string s in b)
        {
            if (counts.GetValueOrDefault(s) > 0)
            {
                counts[s]--;
            }
            else
            {
                onlyB.Add(s);
            }
        }
        var onlyA = counts.Where(kv => kv.Value > 0).SelectMany(kv => Enumerable.Repeat(kv.Key, kv.Value)).Order(StringComparer.Ordinal).ToList();
        onlyB.Sort(StringComparer.Ordinal);
        return (onlyA, onlyB);
    }
}
