using System.Text;
using System.Text.Json;

namespace Qdc.Cli.Output;

/// <summary>
/// What <c>qdc compile --json</c> prints: the output directory, the files written, and
/// report.json's figures under "report", keys sorted, so a script needs no second read.
/// </summary>
internal static class CompileSummaryJson
{
    public static string Write(string directory, OutputSet files)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteStartArray("files");
            foreach (string p in files.Paths)
            {
                w.WriteStringValue(p);
            }
            w.WriteEndArray();
            w.WriteString("output", directory);
            if (files.Get("report.json") is { } report)
            {
                using var doc = JsonDocument.Parse(report);
                w.WritePropertyName("report");
                doc.RootElement.WriteTo(w);
            }
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray()).Replace("\r\n", "\n", StringComparison.Ordinal) + "\n";
    }
}
