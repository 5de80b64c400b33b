using System.Text;
using System.Text.Json;
using Qdc.Circuits.Diagnostics;

namespace Qdc.Cli.Output;

/// <summary>
/// A compiled output directory read back: report.json and partition.json (required),
/// schedule.json and nodes/*.qasm when present. What `qdc diff` compares and report.html shows;
/// it reads files rather than calling the phases, so it works on any qdc output, old or new.
/// </summary>
internal sealed record CompiledOutput(
    string Directory,
    JsonElement Report,
    JsonElement Partition,
    JsonElement? Schedule,
    IReadOnlyList<ScheduleOperation> Operations,
    IReadOnlyDictionary<string, string> Nodes)
{
    public const string ReportFile = "report.json";
    public const string PartitionFile = "partition.json";
    public const string ScheduleFile = "schedule.json";
    public const string NodesFolder = "nodes";

    /// <summary>Reads a directory; null (with diagnostics) when a required file is missing or a file is corrupt.</summary>
    public static CompiledOutput? Load(string directory, DiagnosticBag diagnostics)
    {
        if (!System.IO.Directory.Exists(directory))
        {
            diagnostics.Error(OutputCodes.MissingFile, $"no such directory (expected the output of qdc compile)", SourceLocation.None(directory));
            return null;
        }
        string nodes = Path.Combine(directory, NodesFolder);
        var nodeFiles = System.IO.Directory.Exists(nodes)
            ? System.IO.Directory.GetFiles(nodes, "*.qasm").Select(f => NodesFolder + "/" + Path.GetFileName(f))
            : [];
        return Read(directory, rel => File.Exists(Path.Combine(directory, rel)) ? File.ReadAllText(Path.Combine(directory, rel)) : null, nodeFiles, diagnostics);
    }

    /// <summary>The same from files still in memory (compile renders report.html before writing).</summary>
    public static CompiledOutput? FromSet(string directory, OutputSet files, DiagnosticBag diagnostics) =>
        Read(directory, files.Get, files.Paths.Where(p => p.StartsWith(NodesFolder + "/", StringComparison.Ordinal) && p.EndsWith(".qasm", StringComparison.Ordinal)), diagnostics);

    private static CompiledOutput? Read(string directory, Func<string, string?> read, IEnumerable<string> nodeFiles, DiagnosticBag diagnostics)
    {
        int errors = diagnostics.Items.Count(d => d.IsError);
        var report = Json(directory, ReportFile, read, required: true, diagnostics);
        var partition = Json(directory, PartitionFile, read, required: true, diagnostics);
        var schedule = Json(directory, ScheduleFile, read, required: false, diagnostics);
        var operations = schedule is { } s ? ReadOperations(Display(directory, ScheduleFile), s, diagnostics) : [];
        var nodes = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (string rel in nodeFiles)
        {
            nodes[rel] = read(rel) ?? "";
        }
        if (diagnostics.Items.Count(d => d.IsError) > errors || report is null || partition is null)
        {
            return null;
        }
        return new CompiledOutput(directory, report.Value, partition.Value, schedule, operations, nodes);
    }

    private static JsonElement? Json(string directory, string name, Func<string, string?> read, bool required, DiagnosticBag diagnostics)
    {
        string path = Display(directory, name);
        if (read(name) is not { } text)
        {
            if (required)
            {
                diagnostics.Error(OutputCodes.MissingFile, $"missing {name} (expected the output of qdc compile)", SourceLocation.None(path));
            }
            return null;
        }
        try
        {
            using var doc = JsonDocument.Parse(text);
            if (doc.RootElement.ValueKind != JsonValueKind.Object)
            {
                diagnostics.Error(OutputCodes.UnexpectedShape, $"{name} should hold one JSON object", new SourceLocation(path, 1, 1));
                return null;
            }
            return doc.RootElement.Clone();
        }
        catch (JsonException ex)
        {
            int line = (int)(ex.LineNumber ?? 0) + 1;
            int col = (int)(ex.BytePositionInLine ?? 0) + 1;
            string message = ex.Message.Split(" LineNumber:", 2)[0].TrimEnd('.', ' ');
            string[] lines = text.Split('\n');
            diagnostics.Error(OutputCodes.InvalidJson, $"{name} is not valid JSON: {message}", new SourceLocation(path, line, col),
                line <= lines.Length ? lines[line - 1] : null);
            return null;
        }
    }

    private static List<ScheduleOperation> ReadOperations(string path, JsonElement schedule, DiagnosticBag diagnostics)
    {
        var result = new List<ScheduleOperation>();
        if (!schedule.TryGetProperty("operations", out var ops) || ops.ValueKind != JsonValueKind.Array)
        {
            diagnostics.Error(OutputCodes.UnexpectedShape, "schedule.json has no \"operations\" array", SourceLocation.None(path));
            return result;
        }
        int i = 0;
        foreach (var op in ops.EnumerateArray())
        {
            if (op.ValueKind != JsonValueKind.Object
                || !TryNumber(op, "start", out double start) || !TryNumber(op, "end", out double end)
                || String(op, "kind") is not { } kind)
            {
                diagnostics.Error(OutputCodes.UnexpectedShape, $"schedule.json operation {i} needs numbers \"start\" and \"end\" and a string \"kind\"", SourceLocation.None(path));
                return result;
            }
            result.Add(new ScheduleOperation(start, end, kind, String(op, "name") ?? "", String(op, "qpu"), String(op, "link"), Canonical(op)));
            i++;
        }
        return result;
    }

    /// <summary>A JSON value re-serialized compactly, so equal values are equal strings.</summary>
    internal static string Canonical(JsonElement e)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream))
        {
            e.WriteTo(w);
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    internal static string? String(JsonElement e, string key) =>
        e.TryGetProperty(key, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    internal static bool TryNumber(JsonElement e, string key, out double value)
    {
        value = 0;
        return e.TryGetProperty(key, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetDouble(out value);
    }

    /// <summary>The (name → value) pairs of an object-valued key, or none.</summary>
    internal static IEnumerable<JsonProperty> Entries(JsonElement e, string key) =>
        e.TryGetProperty(key, out var v) && v.ValueKind == JsonValueKind.Object ? v.EnumerateObject() : [];

    private static string Display(string directory, string name) => Path.Combine(directory, name);
}
