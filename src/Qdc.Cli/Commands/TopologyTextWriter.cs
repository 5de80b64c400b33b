using System.Globalization;
using Qdc.Compiler.Topology;

namespace Qdc.Cli.Commands;

/// <summary>The readable tables of <c>qdc topology show</c>.</summary>
internal static class TopologyTextWriter
{
    public static void Write(TextWriter w, TopologyMetrics metrics)
    {
        var t = metrics.Topology;
        var c = CultureInfo.InvariantCulture;
        w.Write("QPUs\n");
        var qpus = new TextTable(("id", false), ("platform", false), ("data", true), ("comm", true), ("native gates", false),
            ("1q", true), ("2q", true), ("measure", true), ("reset", true), ("T1", true), ("T2", true));
        foreach (var q in t.Qpus)
        {
            qpus.Add(q.Id, PlatformPreset.NameOf(q.Platform), q.DataQubits.ToString(c), q.CommQubits.ToString(c), string.Join(",", q.NativeGates),
                Duration.Format(q.Durations.OneQubit), Duration.Format(q.Durations.TwoQubit), Duration.Format(q.Durations.Measure),
                Duration.Format(q.Durations.Reset), Duration.Format(q.T1), Duration.Format(q.T2));
        }
        qpus.WriteTo(w);

        w.Write("\nLinks\n");
        if (t.Links.IsEmpty)
        {
            w.Write("(none)\n");
        }
        else
        {
            var links = new TextTable(("between", false), ("rate (pairs/s)", true), ("fidelity", true), ("latency", true), ("parallel", true));
            foreach (var l in t.Links)
            {
                links.Add($"{t.Qpus[l.A].Id} -- {t.Qpus[l.B].Id}", l.EprRate.ToString(c), l.EprFidelity.ToString(c), Duration.Format(l.Latency), l.ParallelPairs.ToString(c));
            }
            links.WriteTo(w);
        }

        w.Write("\nHop distances\n");
        var header = new List<(string, bool)> { ("", false) };
        header.AddRange(t.Qpus.Select(q => (q.Id, true)));
        var hops = new TextTable([.. header]);
        for (int a = 0; a < t.QpuCount; a++)
        {
            var row = new List<string> { t.Qpus[a].Id };
            for (int b = 0; b < t.QpuCount; b++)
            {
                int h = metrics.HopDistance(a, b);
                row.Add(h < 0 ? "-" : h.ToString(c));
            }
            hops.Add([.. row]);
        }
        hops.WriteTo(w);
    }
}
