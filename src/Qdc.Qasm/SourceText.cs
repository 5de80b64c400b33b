using System.Text;
using Qdc.Circuits.Diagnostics;

namespace Qdc.Qasm;

/// <summary>
/// A source file's text with its line starts, so that any diagnostic can quote its line. Built
/// from bytes, it checks the UTF-8 first: a bad byte is reported at its line and column rather
/// than silently replaced.
/// </summary>
public sealed class SourceText
{
    private readonly int[] _lineStarts;

    public SourceText(string path, string text)
    {
        Path = path;
        // A byte-order mark is not part of the program.
        Text = text.Length > 0 && text[0] == '\uFEFF' ? text[1..] : text;
        var starts = new List<int> { 0 };
        for (int i = 0; i < Text.Length; i++)
        {
            if (Text[i] == '\n')
            {
                starts.Add(i + 1);
            }
        }
        _lineStarts = [.. starts];
    }

    public string Path { get; }

    public string Text { get; }

    public int LineCount => _lineStarts.Length;

    /// <summary>The text of a 1-based line without its line end.</summary>
    public string Line(int line)
    {
        if (line < 1 || line > _lineStarts.Length)
        {
            return "";
        }
        int start = _lineStarts[line - 1];
        int end = line < _lineStarts.Length ? _lineStarts[line] : Text.Length;
        return Text[start..end].TrimEnd('\r', '\n');
    }

    /// <summary>The 1-based line and column of a character offset.</summary>
    public (int Line, int Column) Position(int offset)
    {
        int i = Array.BinarySearch(_lineStarts, offset);
        int line = i >= 0 ? i : ~i - 1;
        return (line + 1, offset - _lineStarts[line] + 1);
    }

    public SourceLocation Location(int offset, int length) => Location(Position(offset), length);

    public SourceLocation Location((int Line, int Column) position, int length) =>
        new(Path, position.Line, position.Column, Math.Max(1, length));

    /// <summary>
    /// Decodes UTF-8 bytes. On an invalid sequence, reports QDC0102 at its place and returns null.
    /// </summary>
    public static SourceText? FromBytes(string path, byte[] bytes, DiagnosticBag diagnostics)
    {
        int offset = FirstInvalidUtf8(bytes);
        if (offset < 0)
        {
            return new SourceText(path, Encoding.UTF8.GetString(bytes));
        }
        // The valid prefix tells the line and column of the bad byte.
        var prefix = new SourceText(path, Encoding.UTF8.GetString(bytes, 0, offset));
        var pos = prefix.Position(prefix.Text.Length);
        diagnostics.Add(new Diagnostic(
            Severity.Error,
            QasmDiagnostics.InvalidUtf8,
            string.Create(System.Globalization.CultureInfo.InvariantCulture, $"invalid UTF-8: byte 0x{bytes[offset]:X2} at byte offset {offset}"),
            new SourceLocation(path, pos.Line, pos.Column))
        { SourceLine = prefix.Line(pos.Line) });
        return null;
    }

    private static int FirstInvalidUtf8(ReadOnlySpan<byte> bytes)
    {
        int i = 0;
        while (i < bytes.Length)
        {
            var status = System.Text.Unicode.Utf8.ToUtf16(bytes[i..], new char[Math.Min(4096, (bytes.Length - i) * 2)], out int read, out _, replaceInvalidSequences: false, isFinalBlock: true);
            if (status == System.Buffers.OperationStatus.Done)
            {
                return -1;
            }
            if (status == System.Buffers.OperationStatus.InvalidData)
            {
                return i + read;
            }
            i += read;
        }
        return -1;
    }
}
