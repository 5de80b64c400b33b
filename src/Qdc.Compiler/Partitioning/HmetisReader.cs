using System.Globalization;
using Qdc.Circuits.Diagnostics;

namespace Qdc.Compiler.Partitioning;

/// <summary>
/// Reads the hMETIS hypergraph format: a header <c>nets vertices [fmt]</c> (fmt 0, 1 = net
/// weights, 10 = vertex weights, 11 = both), one line per net (its weight first under fmt 1/11,
/// then 1-based pins), then one weight per vertex under fmt 10/11. Lines starting with % are
/// comments. Weight-0 vertices are allowed. Faults go to the diagnostic bag with line and column.
/// </summary>
public static class HmetisReader
{
    public static Hypergraph? ReadFile(string path, DiagnosticBag diagnostics)
    {
        ArgumentNullException.ThrowIfNull(path);
        return Read(File.ReadAllText(path), path, diagnostics);
    }

    public static Hypergraph? Read(string text, string path, DiagnosticBag diagnostics)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(diagnostics);
        int errorsBefore = diagnostics.Items.Count(d => d.IsError);
        var lines = new HmetisLines(text, path, diagnostics);
        if (!lines.Next(out var header))
        {
            diagnostics.Error(HmetisCodes.Empty, "empty hypergraph file: expected a header 'nets vertices [fmt]'", new SourceLocation(path, 1, 1));
            return null;
        }
        if (!ReadHeader(lines, header, out int netCount, out int vertexCount, out bool netWeighted, out bool vertexWeighted))
        {
            return null;
        }
        var nets = new List<IReadOnlyList<int>>(netCount);
        var netWeights = new List<int>(netCount);
        for (int e = 0; e < netCount; e++)
        {
            if (!lines.Next(out var line))
            {
                lines.ErrorAtEnd(HmetisCodes.MissingNets, $"the header promises {netCount} nets but the file ends after {e}");
                return null;
            }
            ReadNet(lines, line, vertexCount, netWeighted, nets, netWeights);
        }
        var vertexWeights = new int[vertexCount];
        Array.Fill(vertexWeights, 1);
        for (int v = 0; v < vertexCount && vertexWeighted; v++)
        {
            if (!lines.Next(out var line))
            {
                lines.ErrorAtEnd(HmetisCodes.MissingVertexWeights, $"fmt {(netWeighted ? 11 : 10)} needs {vertexCount} vertex weights but the file ends after {v}");
                return null;
            }
            var tokens = line.Tokens;
            if (lines.Integer(line, tokens[0], "vertex weight") is { } w)
            {
                if (w < 0)
                {
                    lines.Error(HmetisCodes.NegativeWeight, $"vertex {v + 1} has negative weight {w}", line, tokens[0]);
                }
                vertexWeights[v] = (int)Math.Max(0, w);
            }
            if (tokens.Count > 1)
            {
                lines.Error(HmetisCodes.ExtraVertexWeightField, $"a vertex weight line holds one number; '{line.Text(tokens[1])}' follows it", line, tokens[1]);
            }
        }
        if (lines.Next(out var extra))
        {
            lines.Error(HmetisCodes.TrailingContent, "unexpected content after the last " + (vertexWeighted ? "vertex weight" : "net"), extra, extra.Tokens[0]);
        }
        if (diagnostics.Items.Count(d => d.IsError) > errorsBefore)
        {
            return null;
        }
        return Hypergraph.Create(vertexWeights, nets, netWeights);
    }

    private static bool ReadHeader(HmetisLines lines, HmetisLine header, out int nets, out int vertices, out bool netWeighted, out bool vertexWeighted)
    {
        nets = vertices = 0;
        netWeighted = vertexWeighted = false;
        var t = header.Tokens;
        if (t.Count is < 2 or > 3)
        {
            lines.Error(HmetisCodes.BadHeader, $"the header holds 2 or 3 numbers ('nets vertices [fmt]'), not {t.Count}", header, t[0]);
            return false;
        }
        if (lines.Integer(header, t[0], "net count") is not { } e || lines.Integer(header, t[1], "vertex count") is not { } v)
        {
            return false;
        }
        if (e < 0 || v < 0 || e > int.MaxValue || v > int.MaxValue)
        {
            lines.Error(HmetisCodes.BadHeader, "net and vertex counts must be between 0 and 2147483647", header, e < 0 ? t[0] : t[1]);
            return false;
        }
        (nets, vertices) = ((int)e, (int)v);
        if (t.Count == 3)
        {
            if (lines.Integer(header, t[2], "fmt") is not { } fmt)
            {
                return false;
            }
            if (fmt is not (0 or 1 or 10 or 11))
            {
                lines.Error(HmetisCodes.UnknownFormat, $"unknown fmt {fmt}: expected 0, 1 (net weights), 10 (vertex weights) or 11 (both)", header, t[2]);
                return false;
            }
            netWeighted = fmt % 10 == 1;
            vertexWeighted = fmt >= 10;
        }
        return true;
    }

    private static void ReadNet(HmetisLines lines, HmetisLine line, int vertexCount, bool weighted, List<IReadOnlyList<int>> nets, List<int> netWeights)
    {
        int first = 0;
        int weight = 1;
        int e = nets.Count + 1;
        if (weighted)
        {
            first = 1;
            if (lines.Integer(line, line.Tokens[0], "net weight") is { } w)
            {
                if (w < 0)
                {
                    lines.Error(HmetisCodes.NegativeWeight, $"net {e} has negative weight {w}", line, line.Tokens[0]);
                }
                weight = (int)Math.Max(0, w);
            }
        }
        if (line.Tokens.Count <= first)
        {
            lines.Error(HmetisCodes.EmptyNet, $"net {e} has no pins", line, line.Tokens[^1]);
        }
        var pins = new List<int>(line.Tokens.Count - first);
        var seen = new HashSet<int>();
        for (int i = first; i < line.Tokens.Count; i++)
        {
            var token = line.Tokens[i];
            if (lines.Integer(line, token, "pin") is not { } p)
            {
                continue;
            }
            if (p < 1 || p > vertexCount)
            {
                lines.Error(HmetisCodes.PinOutOfRange, string.Create(CultureInfo.InvariantCulture, $"pin {p} of net {e} is not a vertex (1..{vertexCount})"), line, token);
            }
            else if (!seen.Add((int)p - 1))
            {
                lines.Warning(HmetisCodes.DuplicatePin, $"net {e} lists vertex {p} twice; the repeat is ignored", line, token);
            }
            else
            {
                pins.Add((int)p - 1);
            }
        }
        nets.Add(pins);
        netWeights.Add(weight);
    }
}
