using System.Text;
using System.Text.Json;

namespace Qdc.Compiler.Scheduling;

/// <summary>
/// schedule.json, the format the HTML report and <c>qdc diff</c> read: formatVersion,
/// makespanSeconds, criticalPathSeconds and the sorted operations, keys sorted, `\n` line ends.
/// </summary>
public static class ScheduleJson
{
    public const int FormatVersion = 1;

    public static string Write(Schedule schedule)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteNumber("criticalPathSeconds", schedule.CriticalPathSeconds);
            w.WriteNumber("formatVersion", FormatVersion);
            w.WriteNumber("makespanSeconds", schedule.MakespanSeconds);
            w.WriteStartArray("operations");
            foreach (var op in ScheduleEntries.Of(schedule))
            {
                WriteOperation(w, op);
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray()).Replace("\r\n", "\n", StringComparison.Ordinal) + "\n";
    }

    private static void WriteOperation(Utf8JsonWriter w, ScheduledOperation op)
    {
        w.WriteStartObject();
        if (op.Clbit >= 0)
        {
            w.WriteNumber("clbit", op.Clbit);
        }
        w.WriteNumber("end", op.End);
        if (op.From is not null)
        {
            w.WriteString("from", op.From);
        }
        w.WriteString("kind", op.Kind);
        if (op.Link is not null)
        {
            w.WriteString("link", op.Link);
        }
        w.WriteString("name", op.Name);
        if (op.Operation >= 0)
        {
            w.WriteNumber("op", op.Operation);
        }
        if (op.Pair >= 0)
        {
            w.WriteNumber("pair", op.Pair);
        }
        if (op.Qpu is not null)
        {
            w.WriteString("qpu", op.Qpu);
        }
        if (op.Qpus.Length > 0)
        {
            WriteStrings(w, "qpus", op.Qpus);
        }
        if (op.Qubits.Length > 0)
        {
            WriteStrings(w, "qubits", op.Qubits);
        }
        if (op.Kind == "epr")
        {
            w.WriteNumber("rawPairs", op.RawPairs);
        }
        w.WriteNumber("start", op.Start);
        if (op.To is not null)
        {
            w.WriteString("to", op.To);
        }
        w.WriteEndObject();
    }

    private static void WriteStrings(Utf8JsonWriter w, string name, IEnumerable<string> values)
    {
        w.WriteStartArray(name);
        foreach (var v in values)
        {
            w.WriteStringValue(v);
        }
        w.WriteEndArray();
    }
}
