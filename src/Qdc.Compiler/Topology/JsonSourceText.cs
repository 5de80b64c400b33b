using System.Text;
using Qdc.Circuits.Diagnostics;

namespace Qdc.Compiler.Topology;

/// <summary>
/// The bytes of a JSON file with its line table: turns byte offsets into line:column and reports
/// diagnostics with the source line attached, for the caret display.
/// </summary>
internal sealed class JsonSourceText
{
    private readonly int[] _lineStarts;

    public JsonSourceText(string path, byte[] utf8)
    {
        Path = path;
        // A byte-order mark is not JSON; drop it so offsets match what the reader sees.
        Bytes = utf8.AsSpan().StartsWith("\uFEFF"u8) ? utf8[3..] : utf8;
        var starts = new List<int> { 0 };
        for (int i = 0; i < Bytes.Length; i++)
        {
            if (Bytes[i] == (byte)'\n')
            {
                starts.Add(i + 1);
            }
        }
        _lineStarts = [.. starts];
    }

    public string Path { get; }

    public byte[] Bytes { get; }

    /// <summary>1-based line and column (in characters) of a byte offset, and the length in characters.</summary>
    public (int Line, int Column, int Length) Locate(long offset, int byteLength)
    {
        int at = (int)Math.Clamp(offset, 0, Bytes.Length);
        int line = Array.BinarySearch(_lineStarts, at);
        if (line < 0)
        {
            line = ~line - 1;
        }
        int start = _lineStarts[line];
        int column = Encoding.UTF8.GetCharCount(Bytes, start, at - start) + 1;
        int len = Math.Min(byteLength, Bytes.Length - at);
        int chars = len <= 0 ? 1 : Encoding.UTF8.GetCharCount(Bytes, at, len);
        return (line + 1, column, Math.Max(1, chars));
    }

    /// <summary>The byte offset of a 1-based line and a 0-based byte position in it.</summary>
    public long OffsetOf(long line, long bytePositionInLine)
    {
        int index = (int)Math.Clamp(line - 1, 0, _lineStarts.Length - 1);
        return _lineStarts[index] + bytePositionInLine;
    }

    /// <summary>The text of a 1-based line without its line end.</summary>
    public string LineText(int line)
    {
        if (line < 1 || line > _lineStarts.Length)
        {
            return "";
        }
        int start = _lineStarts[line - 1];
        int end = line < _lineStarts.Length ? _lineStarts[line] : Bytes.Length;
        return Encoding.UTF8.GetString(Bytes, start, end - start).TrimEnd('\r', '\n');
    }

    public Diagnostic Error(DiagnosticBag bag, string code, string message, int line, int column, int length = 1) =>
        bag.Error(code, message, new SourceLocation(Path, line, column, length), line > 0 ? LineText(line) : null);

    public Diagnostic Warning(DiagnosticBag bag, string code, string message, int line, int column, int length = 1) =>
        bag.Warning(code, message, new SourceLocation(Path, line, column, length), line > 0 ? LineText(line) : null);

    public Diagnostic Error(DiagnosticBag bag, string code, string message, LocatedJson node) =>
        Error(bag, code, $"{node.Path}: {message}", node.Line, node.Column, node.Length);

    public Diagnostic Warning(DiagnosticBag bag, string code, string message, LocatedJson node) =>
        Warning(bag, code, $"{node.Path}: {message}", node.Line, node.Column, node.Length);

    public Diagnostic Error(DiagnosticBag bag, string code, string message, LocatedJsonProperty property, string path) =>
        Error(bag, code, $"{path}: {message}", property.Line, property.Column, property.Length);
}
