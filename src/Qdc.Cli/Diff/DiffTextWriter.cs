using System.Globalization;
using System.Text;

namespace Qdc.Cli.Diff;

/// <summary>
/// The report a person (or a CI log) reads: one section per kind of change, in a fixed order,
/// each list capped so a large change stays readable; `--json` carries everything.
/// </summary>
internal static class DiffTextWriter
{
    public const int MaxItems = 50;

    public static string Write(string a, string b, OutputDifferences d)
    {
        var sb = new StringBuilder();
        if (d.Equal)
        {
            return $"{a} and {b}: no differences\n";
        }
        sb.Append("--- ").Append(a).Append('\n').Append("+++ ").Append(b).Append('\n');
        Section(sb, Count(d.Qubits.Count, "qubit", "qubits") + " moved QPU", d.Qubits, m => $"{m.Qubit}: {m.From ?? "(absent)"} -> {m.To ?? "(absent)"}");
        Section(sb, Count(d.Gates.Count, "gate", "gates") + " changed realization", d.Gates, g => $"gate {g.Index}: {Side(g.A)} -> {Side(g.B)}");
        Section(sb, Count(d.TeledataRemoved.Count + d.TeledataAdded.Count, "teledata move", "teledata moves") + " differ",
            d.TeledataRemoved.Select(m => "- " + m).Concat(d.TeledataAdded.Select(m => "+ " + m)).ToList(), s => s);
        Section(sb, Count(d.Figures.Count, "figure", "figures") + " changed", d.Figures, Figure);
        if (!d.Schedule.Equal)
        {
            var lines = d.Schedule.Figures.Select(Figure).ToList();
            if (d.Schedule.OnlyInA + d.Schedule.OnlyInB > 0)
            {
                lines.Add(string.Create(CultureInfo.InvariantCulture, $"operations: {d.Schedule.OnlyInA} only in {a}, {d.Schedule.OnlyInB} only in {b}"));
            }
            Section(sb, "schedule changed", lines, s => s);
        }
        Section(sb, Count(d.Nodes.Count, "node program", "node programs") + " differ", d.Nodes, Node);
        return sb.ToString();
    }

    private static void Section<T>(StringBuilder sb, string title, IReadOnlyList<T> items, Func<T, string> line)
    {
        if (items.Count == 0)
        {
            return;
        }
        sb.Append(title).Append(":\n");
        foreach (var item in items.Take(MaxItems))
        {
            sb.Append("  ").Append(line(item).Replace("\n", "\n  ", StringComparison.Ordinal)).Append('\n');
        }
        if (items.Count > MaxItems)
        {
            sb.Append(string.Create(CultureInfo.InvariantCulture, $"  ... and {items.Count - MaxItems} more (--json lists all)\n"));
        }
    }

    private static string Side(GateSide? s) => s is null ? "(absent)" : $"{s.Realization} on {s.Qpu}";

    private static string Figure(FigureChange f)
    {
        string text = $"{f.Key}: {f.A ?? "(absent)"} -> {f.B ?? "(absent)"}";
        if (f.A is not null && f.B is not null
            && double.TryParse(f.A, NumberStyles.Float, CultureInfo.InvariantCulture, out double x)
            && double.TryParse(f.B, NumberStyles.Float, CultureInfo.InvariantCulture, out double y))
        {
            text += string.Create(CultureInfo.InvariantCulture, $" ({(y >= x ? "+" : "")}{y - x:G6})");
        }
        return text;
    }

    private static string Node(NodeChange n)
    {
        var sb = new StringBuilder(string.Create(CultureInfo.InvariantCulture, $"{n.Status} {n.File} (+{n.Added} -{n.Removed})"));
        foreach (var l in n.Lines)
        {
            sb.Append(string.Create(CultureInfo.InvariantCulture, $"\n  {l.Mark}{l.Line,5}: {l.Text}"));
        }
        int shown = n.Lines.Count, total = n.Added + n.Removed;
        if (total > shown)
        {
            sb.Append(string.Create(CultureInfo.InvariantCulture, $"\n  ... and {total - shown} more changed lines"));
        }
        return sb.ToString();
    }

    private static string Count(int n, string one, string many) =>
        string.Create(CultureInfo.InvariantCulture, $"{n} {(n == 1 ? one : many)}");
}
