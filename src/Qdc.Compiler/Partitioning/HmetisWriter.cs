using System.Globalization;
using System.Text;

namespace Qdc.Compiler.Partitioning;

/// <summary>
/// Writes hMETIS: fmt 0, 1, 10 or 11 depending on which weights differ from 1 (or always with
/// vertex weights when asked, as a circuit hypergraph's weight-0 gates need). Lines end in \n.
/// </summary>
public static class HmetisWriter
{
    public static void Write(Hypergraph graph, TextWriter writer, bool forceVertexWeights = false)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(writer);
        bool netWeights = graph.HasNetWeights;
        bool vertexWeights = forceVertexWeights || graph.HasVertexWeights;
        int fmt = (vertexWeights ? 10 : 0) + (netWeights ? 1 : 0);
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"{graph.NetCount} {graph.VertexCount}");
        if (fmt != 0)
        {
            sb.Append(CultureInfo.InvariantCulture, $" {fmt}");
        }
        sb.Append('\n');
        for (int e = 0; e < graph.NetCount; e++)
        {
            var parts = new List<string>();
            if (netWeights)
            {
                parts.Add(graph.NetWeight(e).ToString(CultureInfo.InvariantCulture));
            }
            foreach (var p in graph.Pins(e))
            {
                parts.Add((p + 1).ToString(CultureInfo.InvariantCulture));
            }
            sb.Append(string.Join(' ', parts)).Append('\n');
        }
        for (int v = 0; v < graph.VertexCount && vertexWeights; v++)
        {
            sb.Append(graph.VertexWeight(v).ToString(CultureInfo.InvariantCulture)).Append('\n');
        }
        writer.Write(sb.ToString());
    }

    public static string ToText(Hypergraph graph, bool forceVertexWeights = false)
    {
        var writer = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
        Write(graph, writer, forceVertexWeights);
        return writer.ToString();
    }
}
