using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Qdc.Compiler.Topology;

namespace Qdc.Cli.Commands;

/// <summary>
/// <c>qdc topology show --json</c>: the topology as loaded, defaults applied, times in seconds.
/// Keys are sorted within every object, as all of qdc's JSON output.
/// </summary>
internal static class TopologyJsonWriter
{
    public const int FormatVersion = 1;

    public static void Write(TextWriter output, TopologyMetrics metrics)
    {
        var t = metrics.Topology;
        using var buffer = new MemoryStream();
        var options = new JsonWriterOptions { Indented = true, NewLine = "\n", Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        using (var w = new Utf8JsonWriter(buffer, options))
        {
            w.WriteStartObject();
            w.WriteNumber("formatVersion", FormatVersion);
            w.WriteStartArray("hops");
            for (int a = 0; a < t.QpuCount; a++)
            {
                w.WriteStartArray();
                for (int b = 0; b < t.QpuCount; b++)
                {
                    w.WriteNumberValue(metrics.HopDistance(a, b));
                }
                w.WriteEndArray();
            }
            w.WriteEndArray();
            w.WriteStartArray("links");
            foreach (var l in t.Links)
            {
                w.WriteStartObject();
                w.WriteStartArray("between");
                w.WriteStringValue(t.Qpus[l.A].Id);
                w.WriteStringValue(t.Qpus[l.B].Id);
                w.WriteEndArray();
                w.WriteNumber("eprFidelity", l.EprFidelity);
                w.WriteNumber("eprRate", l.EprRate);
                w.WriteNumber("latencySeconds", l.Latency);
                w.WriteNumber("parallelPairs", l.ParallelPairs);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteString("name", t.Name);
            w.WriteStartArray("qpus");
            foreach (var q in t.Qpus)
            {
                w.WriteStartObject();
                w.WriteNumber("commQubits", q.CommQubits);
                w.WriteNumber("dataQubits", q.DataQubits);
                w.WriteStartObject("durationsSeconds");
                w.WriteNumber("1q", q.Durations.OneQubit);
                w.WriteNumber("2q", q.Durations.TwoQubit);
                w.WriteNumber("measure", q.Durations.Measure);
                w.WriteNumber("reset", q.Durations.Reset);
                w.WriteEndObject();
                w.WriteString("id", q.Id);
                w.WriteStartArray("nativeGates");
                foreach (var g in q.NativeGates)
                {
                    w.WriteStringValue(g);
                }
                w.WriteEndArray();
                w.WriteString("platform", PlatformPreset.NameOf(q.Platform));
                w.WriteNumber("t1Seconds", q.T1);
                w.WriteNumber("t2Seconds", q.T2);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteBoolean("swapping", t.Swapping);
            w.WriteEndObject();
        }
        output.Write(Encoding.UTF8.GetString(buffer.ToArray()));
        output.Write('\n');
    }
}
