using System.Globalization;
using System.Text;
using Qdc.Cli.Output;

namespace Qdc.Cli.Reports;

/// <summary>The Gantt chart of schedule.json: one row per QPU and per link, one bar per operation, coloured by kind.</summary>
internal static class Timeline
{
    private const double Width = 960, Label = 110, RowHeight = 18, Top = 8, AxisHeight = 24;

    /// <summary>The kinds the agreed schedule format names, with their colours; any other kind is grey.</summary>
    internal static readonly IReadOnlyList<(string Kind, string Colour)> Kinds =
    [
        ("gate", "#4e79a7"), ("measure", "#f28e2b"), ("reset", "#9c755f"), ("barrier", "#bab0ac"),
        ("epr", "#e15759"), ("message", "#76b7b2"), ("swap", "#b07aa1"), ("distill", "#59a14f"),
    ];

    private const string OtherColour = "#999999";

    public static void Render(StringBuilder sb, CompiledOutput output, IReadOnlyList<string> resourceOrder)
    {
        sb.Append("<section id=\"schedule\">\n<h2>Schedule</h2>\n");
        if (output.Schedule is null)
        {
            sb.Append("<p class=\"empty\">no schedule (this output has no schedule.json)</p>\n</section>\n");
            return;
        }
        var ops = output.Operations;
        if (ops.Count == 0)
        {
            sb.Append("<p class=\"empty\">no schedule (schedule.json has no operations)</p>\n</section>\n");
            return;
        }
        // Rows: QPUs and links in the report's order, then anything else the schedule names.
        var rows = resourceOrder.Where(r => ops.Any(o => o.Resource == r)).ToList();
        rows.AddRange(ops.Select(o => o.Resource).Distinct().Where(r => !rows.Contains(r)).Order(StringComparer.Ordinal));
        var rowOf = rows.Select((r, i) => (r, i)).ToDictionary(x => x.r, x => x.i, StringComparer.Ordinal);
        double end = ops.Max(o => o.End);
        double span = end > 0 ? end : 1;
        double plot = Width - Label - 10;
        double height = Top + rows.Count * RowHeight + AxisHeight;

        sb.Append("<p class=\"legend\">");
        foreach (var (kind, colour) in Kinds.Where(k => ops.Any(o => o.Kind == k.Kind)))
        {
            sb.Append($"<span data-kind=\"{kind}\"><i style=\"background:{colour}\"></i>{kind}</span>");
        }
        foreach (string kind in ops.Select(o => o.Kind).Distinct().Where(k => !Kinds.Any(x => x.Kind == k)).Order(StringComparer.Ordinal))
        {
            sb.Append($"<span data-kind=\"{ReportHtml.Html(kind)}\"><i style=\"background:{OtherColour}\"></i>{ReportHtml.Html(kind)}</span>");
        }
        sb.Append("</p>\n");
        if (ops.Count > ReportHtml.MaxTimelineOperations)
        {
            sb.Append(string.Create(CultureInfo.InvariantCulture, $"<p class=\"note\">showing the first {ReportHtml.MaxTimelineOperations} of {ops.Count} operations</p>\n"));
        }
        sb.Append(F($"<svg class=\"gantt\" viewBox=\"0 0 {N(Width)} {N(height)}\" width=\"{N(Width)}\" height=\"{N(height)}\" role=\"img\" aria-label=\"schedule\">\n"));
        for (int i = 0; i < rows.Count; i++)
        {
            double y = Top + i * RowHeight;
            sb.Append(F($"<rect class=\"row\" x=\"{N(Label)}\" y=\"{N(y)}\" width=\"{N(plot)}\" height=\"{N(RowHeight - 2)}\"/>"))
              .Append(F($"<text x=\"4\" y=\"{N(y + RowHeight - 6)}\">{ReportHtml.Html(rows[i])}</text>\n"));
        }
        foreach (var op in ops.Take(ReportHtml.MaxTimelineOperations))
        {
            double x = Label + plot * op.Start / span;
            double w = Math.Max(0.5, plot * (op.End - op.Start) / span);
            double y = Top + rowOf[op.Resource] * RowHeight + 1;
            string colour = Kinds.FirstOrDefault(k => k.Kind == op.Kind).Colour ?? OtherColour;
            sb.Append(F($"<rect class=\"op\" data-kind=\"{ReportHtml.Html(op.Kind)}\" x=\"{N(x)}\" y=\"{N(y)}\" width=\"{N(w)}\" height=\"{N(RowHeight - 4)}\" fill=\"{colour}\">"))
              .Append("<title>").Append(ReportHtml.Html($"{op.Name} ({op.Kind}) {ReportHtml.Seconds(op.Start)} – {ReportHtml.Seconds(op.End)}")).Append("</title></rect>\n");
        }
        double axis = Top + rows.Count * RowHeight + 4;
        sb.Append(F($"<line class=\"axis\" x1=\"{N(Label)}\" y1=\"{N(axis)}\" x2=\"{N(Label + plot)}\" y2=\"{N(axis)}\"/>\n"));
        for (int t = 0; t <= 4; t++)
        {
            double x = Label + plot * t / 4;
            string anchor = t == 0 ? "start" : t == 4 ? "end" : "middle";
            sb.Append(F($"<text x=\"{N(x)}\" y=\"{N(axis + 14)}\" text-anchor=\"{anchor}\">{ReportHtml.Html(ReportHtml.Seconds(span * t / 4))}</text>\n"));
        }
        sb.Append("</svg>\n</section>\n");
    }

    private static string N(double v) => ReportHtml.N(v);

    private static string F(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
