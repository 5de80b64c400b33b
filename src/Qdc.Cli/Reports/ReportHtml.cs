using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Qdc.Cli.Output;

namespace Qdc.Cli.Reports;

/// <summary>
/// report.html: one self-contained page (inline CSS, SVG and a few lines of script, nothing
/// fetched) drawn from a compiled output's JSON files: the key figures, the topology with QPUs
/// sized by load and links by ebits, the qubits per QPU, and a Gantt chart of schedule.json per
/// QPU and link. A pure function of its input, so the page is as deterministic as the JSON.
/// </summary>
internal static class ReportHtml
{
    public const string FileName = "report.html";

    /// <summary>Past this many operations the timeline shows the first ones and says so; a browser stays responsive.</summary>
    public const int MaxTimelineOperations = 20000;

    public static string Render(CompiledOutput output, string title)
    {
        var sb = new StringBuilder();
        sb.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
          .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
          .Append("<title>qdc report: ").Append(Html(title)).Append("</title>\n<style>\n").Append(Css).Append("</style>\n</head>\n<body>\n")
          .Append("<h1>qdc report: ").Append(Html(title)).Append("</h1>\n");
        var qpus = Qpus(output);
        var links = Links(output);
        Figures(sb, output);
        Topology(sb, qpus, links);
        Partition(sb, output, qpus);
        Timeline.Render(sb, output, qpus.Select(q => q.Id).Concat(links.Select(l => l.Id)).ToList());
        sb.Append("<script>\n").Append(Script).Append("</script>\n</body>\n</html>\n");
        return sb.ToString();
    }

    internal sealed record Qpu(string Id, int Load, string? PeakComm);

    internal sealed record Link(string Id, string A, string B, double Ebits);

    private static List<Qpu> Qpus(CompiledOutput output)
    {
        var peak = CompiledOutput.Entries(output.Report, "peakCommQubits").ToDictionary(p => p.Name, p => p.Value.GetRawText(), StringComparer.Ordinal);
        var qpus = CompiledOutput.Entries(output.Partition, "loads")
            .Select(p => new Qpu(p.Name, p.Value.TryGetInt32(out int n) ? n : 0, peak.GetValueOrDefault(p.Name)))
            .ToList();
        // A QPU only a link names (a relay holding no qubit) is still drawn.
        foreach (var link in Links(output))
        {
            foreach (string id in new[] { link.A, link.B })
            {
                if (!qpus.Exists(q => q.Id == id))
                {
                    qpus.Add(new Qpu(id, 0, peak.GetValueOrDefault(id)));
                }
            }
        }
        return qpus;
    }

    private static List<Link> Links(CompiledOutput output) =>
        CompiledOutput.Entries(output.Report, "ebitsByLink")
            .Select(p => (p, ends: p.Name.Split("--")))
            .Where(x => x.ends.Length == 2)
            .Select(x => new Link(x.p.Name, x.ends[0], x.ends[1], x.p.Value.TryGetDouble(out double e) ? e : 0))
            .ToList();

    private static void Figures(StringBuilder sb, CompiledOutput output)
    {
        var r = output.Report;
        var rows = new List<(string Label, string Value)>
        {
            ("qubits", Leaf(r, "circuit", "qubits")),
            ("gates", Leaf(r, "circuit", "gates")),
            ("two-qubit gates", Leaf(r, "circuit", "twoQubitGates")),
            ("QPUs", Leaf(r, "qpus")),
            ("ebits (EPR pairs consumed)", Leaf(r, "ebits")),
            ("ebits predicted by the partitioner", Leaf(r, "predictedEbits")),
            ("telegates", Leaf(r, "telegates")),
            ("teledata", Leaf(r, "teledata")),
            ("entanglement swaps", Leaf(r, "swaps")),
            ("makespan", CompiledOutput.TryNumber(r, "makespanSeconds", out double makespan) ? Seconds(makespan) : "not scheduled"),
            ("seed", Leaf(r, "seed")),
        };
        sb.Append("<section id=\"figures\">\n<h2>Key figures</h2>\n<table class=\"figures\">\n");
        foreach (var (label, value) in rows)
        {
            sb.Append("<tr><th>").Append(Html(label)).Append("</th><td>").Append(Html(value)).Append("</td></tr>\n");
        }
        sb.Append("</table>\n</section>\n");
    }

    private static void Topology(StringBuilder sb, List<Qpu> qpus, List<Link> links)
    {
        const double size = 420, center = size / 2, ring = 150;
        int maxLoad = Math.Max(1, qpus.Count == 0 ? 1 : qpus.Max(q => q.Load));
        double maxEbits = Math.Max(1, links.Count == 0 ? 1 : links.Max(l => l.Ebits));
        var at = new Dictionary<string, (double X, double Y)>(StringComparer.Ordinal);
        for (int i = 0; i < qpus.Count; i++)
        {
            double angle = 2 * Math.PI * i / qpus.Count - Math.PI / 2;
            at[qpus[i].Id] = qpus.Count == 1 ? (center, center) : (center + ring * Math.Cos(angle), center + ring * Math.Sin(angle));
        }
        sb.Append("<section id=\"topology\">\n<h2>Topology</h2>\n<p class=\"note\">QPU area grows with the qubits placed on it; link width with the EPR pairs it carries (dashed: none).</p>\n")
          .Append(Svg($"<svg class=\"topology\" viewBox=\"0 0 {N(size)} {N(size)}\" width=\"{N(size)}\" height=\"{N(size)}\" role=\"img\" aria-label=\"topology\">\n"));
        foreach (var link in links)
        {
            if (!at.TryGetValue(link.A, out var p) || !at.TryGetValue(link.B, out var q))
            {
                continue;
            }
            double width = link.Ebits > 0 ? 1.5 + 10 * link.Ebits / maxEbits : 1;
            sb.Append(Svg($"<g class=\"link\"><title>{Html(link.Id)}: {N(link.Ebits)} ebits</title>"))
              .Append(Svg($"<line x1=\"{N(p.X)}\" y1=\"{N(p.Y)}\" x2=\"{N(q.X)}\" y2=\"{N(q.Y)}\" stroke-width=\"{N(width)}\"{(link.Ebits > 0 ? "" : " class=\"idle\"")}/>"))
              .Append(link.Ebits > 0 ? Svg($"<text x=\"{N((p.X + q.X) / 2)}\" y=\"{N((p.Y + q.Y) / 2 - 4)}\" class=\"ebits\">{N(link.Ebits)}</text>") : "")
              .Append("</g>\n");
        }
        foreach (var qpu in qpus)
        {
            var (x, y) = at[qpu.Id];
            double radius = 14 + 30 * Math.Sqrt((double)qpu.Load / maxLoad);
            sb.Append(Svg($"<g class=\"qpu\"><title>{Html(qpu.Id)}: {qpu.Load} qubits{(qpu.PeakComm is { } c ? $", peak {Html(c)} communication qubits" : "")}</title>"))
              .Append(Svg($"<circle cx=\"{N(x)}\" cy=\"{N(y)}\" r=\"{N(radius)}\"/>"))
              .Append(Svg($"<text x=\"{N(x)}\" y=\"{N(y)}\" class=\"id\">{Html(qpu.Id)}</text>"))
              .Append(Svg($"<text x=\"{N(x)}\" y=\"{N(y + 14)}\" class=\"load\">{qpu.Load}</text></g>\n"));
        }
        sb.Append("</svg>\n</section>\n");
    }

    private static void Partition(StringBuilder sb, CompiledOutput output, List<Qpu> qpus)
    {
        var byQpu = CompiledOutput.Entries(output.Partition, "placement")
            .Where(p => p.Value.ValueKind == JsonValueKind.String)
            .GroupBy(p => p.Value.GetString()!, p => p.Name, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        int maxLoad = Math.Max(1, qpus.Count == 0 ? 1 : qpus.Max(q => q.Load));
        sb.Append("<section id=\"partition\">\n<h2>Partition</h2>\n<table class=\"partition\">\n<tr><th>QPU</th><th>qubits</th><th></th><th>placed</th></tr>\n");
        foreach (var qpu in qpus)
        {
            var names = byQpu.GetValueOrDefault(qpu.Id) ?? [];
            sb.Append("<tr><th>").Append(Html(qpu.Id)).Append("</th><td>").Append(qpu.Load).Append("</td><td>")
              .Append(Svg($"<svg class=\"bar\" width=\"160\" height=\"12\"><rect width=\"{N(160.0 * qpu.Load / maxLoad)}\" height=\"12\"/></svg>"))
              .Append("</td><td class=\"qubits\">").Append(Html(QubitRanges.Compress(names))).Append("</td></tr>\n");
        }
        sb.Append("</table>\n</section>\n");
    }

    private static string Leaf(JsonElement e, params string[] path)
    {
        foreach (string key in path)
        {
            if (e.ValueKind != JsonValueKind.Object || !e.TryGetProperty(key, out e))
            {
                return "—";
            }
        }
        return e.ValueKind == JsonValueKind.String ? e.GetString()! : e.GetRawText();
    }

    /// <summary>A time with the unit that keeps it readable (ns, µs, ms, s), 4 significant digits.</summary>
    internal static string Seconds(double s)
    {
        double a = Math.Abs(s);
        var (scale, unit) = a == 0 ? (1.0, "s") : a < 1e-6 ? (1e9, "ns") : a < 1e-3 ? (1e6, "µs") : a < 1 ? (1e3, "ms") : (1.0, "s");
        return (s * scale).ToString("G4", CultureInfo.InvariantCulture) + " " + unit;
    }

    /// <summary>A coordinate: shortest form, at most two decimals, invariant culture.</summary>
    internal static string N(double v) => Math.Round(v, 2).ToString("R", CultureInfo.InvariantCulture);

    internal static string Html(string s) => WebUtility.HtmlEncode(s);

    // Interpolated markup passes through here so its numbers use the invariant culture.
    private static string Svg(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);

    private const string Css = """
body { font: 14px/1.4 system-ui, sans-serif; margin: 24px; color: #222; background: #fff; }
h1 { font-size: 20px; } h2 { font-size: 16px; margin-top: 28px; }
table { border-collapse: collapse; } th, td { padding: 3px 10px; text-align: left; border-bottom: 1px solid #eee; }
td.qubits { font-family: ui-monospace, monospace; font-size: 12px; }
.note { color: #666; font-size: 12px; }
svg.topology line { stroke: #4e79a7; stroke-linecap: round; } svg.topology line.idle { stroke: #bbb; stroke-dasharray: 4 4; }
svg.topology circle { fill: #f28e2b; stroke: #7a4510; }
svg.topology text { text-anchor: middle; font-size: 12px; } svg.topology text.ebits { fill: #264; font-weight: bold; paint-order: stroke; stroke: #fff; stroke-width: 4px; }
svg.bar rect { fill: #f28e2b; }
svg.gantt text { font-size: 11px; } svg.gantt .axis { stroke: #999; } svg.gantt .row { fill: #f6f6f6; }
.legend span { display: inline-block; margin-right: 12px; cursor: pointer; user-select: none; }
.legend span.off { opacity: .35; } .legend i { display: inline-block; width: 10px; height: 10px; margin-right: 4px; }
svg.gantt .hidden { display: none; }

""";

    // Clicking a kind in the legend hides or shows its bars; the last line marks the page as
    // scripted to the end, which the browser test looks for.
    private const string Script = """
document.querySelectorAll('.legend span[data-kind]').forEach(function (item) {
  item.addEventListener('click', function () {
    var kind = item.getAttribute('data-kind');
    item.classList.toggle('off');
    document.querySelectorAll('svg.gantt rect.op[data-kind="' + kind + '"]').forEach(function (r) { r.classList.toggle('hidden'); });
  });
});
document.documentElement.setAttribute('data-qdc-ready', 'yes');

""";
}
