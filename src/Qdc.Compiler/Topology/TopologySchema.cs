using System.Text.Json;

namespace Qdc.Compiler.Topology;

/// <summary>The JSON Schema of dc.json, embedded in the assembly; `qdc topology schema` prints it.</summary>
public static class TopologySchema
{
    private const string ResourceName = "Qdc.Compiler.Topology.topology.schema.json";

    private static readonly Lazy<string> s_text = new(() =>
    {
        using var stream = typeof(TopologySchema).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"embedded resource {ResourceName} is missing");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().Replace("\r\n", "\n", StringComparison.Ordinal);
    });

    private static readonly Lazy<JsonDocument> s_document = new(() => JsonDocument.Parse(s_text.Value));

    /// <summary>The schema's text, as shipped.</summary>
    public static string Text => s_text.Value;

    internal static JsonElement Root => s_document.Value.RootElement;
}
