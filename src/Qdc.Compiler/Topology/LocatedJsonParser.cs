using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Qdc.Circuits.Diagnostics;

namespace Qdc.Compiler.Topology;

/// <summary>
/// Reads JSON with Utf8JsonReader into <see cref="LocatedJson"/> nodes that keep their position and
/// path. Comments are skipped (topology files are hand-written); trailing commas are not allowed.
/// </summary>
internal static partial class LocatedJsonParser
{
    public static LocatedJson? Parse(JsonSourceText source, DiagnosticBag bag)
    {
        var options = new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = false };
        var reader = new Utf8JsonReader(source.Bytes, options);
        try
        {
            if (!reader.Read())
            {
                source.Error(bag, TopologyDiagnosticCodes.InvalidJson, "the file holds no JSON value", 1, 1);
                return null;
            }
            var root = ReadValue(ref reader, source, bag, "$");
            if (reader.Read())
            {
                var (line, col, _) = source.Locate(reader.TokenStartIndex, 1);
                source.Error(bag, TopologyDiagnosticCodes.InvalidJson, "unexpected text after the end of the JSON value", line, col);
                return null;
            }
            return root;
        }
        catch (JsonException ex)
        {
            long lineIndex = ex.LineNumber ?? 0;
            long bytePos = ex.BytePositionInLine ?? 0;
            var (line, col, _) = source.Locate(source.OffsetOf(lineIndex + 1, bytePos), 1);
            string message = ex.Message;
            int cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
            if (cut > 0)
            {
                message = message[..cut].TrimEnd();
            }
            // The reader's advice is about its own options, not the user's file.
            message = message.Replace(" which is not supported in this mode. Change the reader options.", "", StringComparison.Ordinal)
                .Replace(" Change the reader options.", "", StringComparison.Ordinal);
            source.Error(bag, TopologyDiagnosticCodes.InvalidJson, $"invalid JSON: {message}", line, col);
            return null;
        }
    }

    private static LocatedJson ReadValue(ref Utf8JsonReader reader, JsonSourceText source, DiagnosticBag bag, string path)
    {
        long start = reader.TokenStartIndex;
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                return ReadObject(ref reader, source, bag, path, start);
            case JsonTokenType.StartArray:
                return ReadArray(ref reader, source, bag, path, start);
            case JsonTokenType.String:
                {
                    var (line, col, len) = source.Locate(start, reader.ValueSpan.Length + 2);
                    return new LocatedJson { Kind = JsonKind.String, Path = path, Line = line, Column = col, Length = len, String = reader.GetString() };
                }
            case JsonTokenType.Number:
                {
                    string raw = Encoding.UTF8.GetString(reader.ValueSpan);
                    var (line, col, len) = source.Locate(start, reader.ValueSpan.Length);
                    double value = double.Parse(raw, NumberStyles.Float, CultureInfo.InvariantCulture);
                    return new LocatedJson { Kind = JsonKind.Number, Path = path, Line = line, Column = col, Length = len, Number = value, RawNumber = raw };
                }
            case JsonTokenType.True:
            case JsonTokenType.False:
                {
                    var (line, col, len) = source.Locate(start, reader.ValueSpan.Length);
                    return new LocatedJson { Kind = JsonKind.Boolean, Path = path, Line = line, Column = col, Length = len, Boolean = reader.TokenType == JsonTokenType.True };
                }
            default:
                {
                    var (line, col, len) = source.Locate(start, 4);
                    return new LocatedJson { Kind = JsonKind.Null, Path = path, Line = line, Column = col, Length = len };
                }
        }
    }

    private static LocatedJson ReadObject(ref Utf8JsonReader reader, JsonSourceText source, DiagnosticBag bag, string path, long start)
    {
        var properties = new List<LocatedJsonProperty>();
        var (line, col, _) = source.Locate(start, 1);
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            string name = reader.GetString() ?? "";
            var (nLine, nCol, nLen) = source.Locate(reader.TokenStartIndex, reader.ValueSpan.Length + 2);
            reader.Read();
            string childPath = path + Member(name);
            var value = ReadValue(ref reader, source, bag, childPath);
            if (properties.Exists(p => p.Name == name))
            {
                source.Error(bag, TopologyDiagnosticCodes.DuplicateProperty, $"{childPath}: property '{name}' appears twice in the same object; the first one is used", nLine, nCol, nLen);
                continue;
            }
            properties.Add(new LocatedJsonProperty(name, nLine, nCol, nLen, value));
        }
        return new LocatedJson { Kind = JsonKind.Object, Path = path, Line = line, Column = col, Properties = properties };
    }

    private static LocatedJson ReadArray(ref Utf8JsonReader reader, JsonSourceText source, DiagnosticBag bag, string path, long start)
    {
        var items = new List<LocatedJson>();
        var (line, col, _) = source.Locate(start, 1);
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            items.Add(ReadValue(ref reader, source, bag, $"{path}[{items.Count.ToString(CultureInfo.InvariantCulture)}]"));
        }
        return new LocatedJson { Kind = JsonKind.Array, Path = path, Line = line, Column = col, Items = items };
    }

    /// <summary>The path step for a member: <c>.name</c> when it is an identifier, else <c>['na me']</c>.</summary>
    public static string Member(string name) =>
        Identifier().IsMatch(name) ? "." + name : "['" + name.Replace("'", "\\'", StringComparison.Ordinal) + "']";

    [GeneratedRegex("^[A-Za-z_$][A-Za-z0-9_$]*$")]
    private static partial Regex Identifier();
}
