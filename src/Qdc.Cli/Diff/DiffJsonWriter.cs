using System.Text;
using System.Text.Json;

namespace Qdc.Cli.Diff;

/// <summary>`qdc diff --json`: every difference, keys in sorted order, JSON values as they were written.</summary>
internal static class DiffJsonWriter
{
    public static string Write(string a, string b, OutputDifferences d)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteString("a", a);
            w.WriteString("b", b);
            w.WriteBoolean("equal", d.Equal);
            Figures(w, "figures", d.Figures);
            w.WriteStartArray("gates");
            foreach (var g in d.Gates)
            {
                w.WriteStartObject();
                Side(w, "a", g.A);
                Side(w, "b", g.B);
                w.WriteNumber("index", g.Index);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteStartArray("nodes");
            foreach (var n in d.Nodes)
            {
                w.WriteStartObject();
                w.WriteNumber("added", n.Added);
                w.WriteString("file", n.File);
                w.WriteStartArray("lines");
                foreach (var l in n.Lines)
                {
                    w.WriteStringValue($"{l.Mark}{l.Line}: {l.Text}");
                }
                w.WriteEndArray();
                w.WriteNumber("removed", n.Removed);
                w.WriteString("status", n.Status);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteStartArray("qubits");
            foreach (var m in d.Qubits)
            {
                w.WriteStartObject();
                NullableString(w, "a", m.From);
                NullableString(w, "b", m.To);
                w.WriteString("qubit", m.Qubit);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteStartObject("schedule");
            w.WriteBoolean("equal", d.Schedule.Equal);
            Figures(w, "figures", d.Schedule.Figures);
            w.WriteNumber("operationsOnlyInA", d.Schedule.OnlyInA);
            w.WriteNumber("operationsOnlyInB", d.Schedule.OnlyInB);
            w.WriteEndObject();
            w.WriteStartObject("teledata");
            Raw(w, "added", d.TeledataAdded);
            Raw(w, "removed", d.TeledataRemoved);
            w.WriteEndObject();
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray()).Replace("\r\n", "\n", StringComparison.Ordinal) + "\n";
    }

    private static void Figures(Utf8JsonWriter w, string name, IReadOnlyList<FigureChange> figures)
    {
        w.WriteStartArray(name);
        foreach (var f in figures)
        {
            w.WriteStartObject();
            RawOrNull(w, "a", f.A);
            RawOrNull(w, "b", f.B);
            w.WriteString("key", f.Key);
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    private static void Side(Utf8JsonWriter w, string name, GateSide? s)
    {
        if (s is null)
        {
            w.WriteNull(name);
            return;
        }
        w.WriteStartObject(name);
        w.WriteString("qpu", s.Qpu);
        w.WriteString("realization", s.Realization);
        w.WriteEndObject();
    }

    private static void NullableString(Utf8JsonWriter w, string name, string? value)
    {
        if (value is null)
        {
            w.WriteNull(name);
        }
        else
        {
            w.WriteString(name, value);
        }
    }

    private static void RawOrNull(Utf8JsonWriter w, string name, string? json)
    {
        w.WritePropertyName(name);
        if (json is null)
        {
            w.WriteNullValue();
        }
        else
        {
            w.WriteRawValue(json);
        }
    }

    private static void Raw(Utf8JsonWriter w, string name, IReadOnlyList<string> values)
    {
        w.WriteStartArray(name);
        foreach (string v in values)
        {
            w.WriteRawValue(v);
        }
        w.WriteEndArray();
    }
}
