using System.Globalization;
using Qdc.Circuits.Diagnostics;

namespace Qdc.Compiler.Partitioning;

/// <summary>One significant line of an hMETIS file and the (start, length) of its tokens.</summary>
internal sealed record HmetisLine(int Number, string Source, IReadOnlyList<(int Start, int Length)> Tokens)
{
    public string Text((int Start, int Length) token) => Source.Substring(token.Start, token.Length);
}

/// <summary>Walks an hMETIS file line by line, skipping comments and blank lines, and reports faults with positions.</summary>
internal sealed class HmetisLines(string text, string path, DiagnosticBag diagnostics)
{
    private readonly string[] _lines = text.Split('\n');
    private int _index;

    public bool Next(out HmetisLine line)
    {
        while (_index < _lines.Length)
        {
            string source = _lines[_index].TrimEnd('\r');
            _index++;
            var tokens = Tokenize(source);
            if (tokens.Count == 0 || source[tokens[0].Start] == '%')
            {
                continue;
            }
            line = new HmetisLine(_index, source, tokens);
            return true;
        }
        line = null!;
        return false;
    }

    public long? Integer(HmetisLine line, (int Start, int Length) token, string what)
    {
        string s = line.Text(token);
        if (long.TryParse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long value) && value is >= int.MinValue and <= int.MaxValue)
        {
            return value;
        }
        Error(HmetisCodes.NotAnInteger, $"expected an integer {what}, found '{s}'", line, token);
        return null;
    }

    public void Error(string code, string message, HmetisLine line, (int Start, int Length) token) =>
        diagnostics.Error(code, message, new SourceLocation(path, line.Number, token.Start + 1, Math.Max(1, token.Length)), line.Source);

    public void Warning(string code, string message, HmetisLine line, (int Start, int Length) token) =>
        diagnostics.Warning(code, message, new SourceLocation(path, line.Number, token.Start + 1, Math.Max(1, token.Length)), line.Source);

    /// <summary>An error placed just after the last line of the file.</summary>
    public void ErrorAtEnd(string code, string message)
    {
        int last = _lines.Length;
        while (last > 1 && _lines[last - 1].TrimEnd('\r').Length == 0)
        {
            last--;
        }
        string source = _lines[last - 1].TrimEnd('\r');
        diagnostics.Error(code, message, new SourceLocation(path, last, source.Length + 1), source);
    }

    private static List<(int Start, int Length)> Tokenize(string s)
    {
        var tokens = new List<(int Start, int Length)>();
        int i = 0;
        while (i < s.Length)
        {
            while (i < s.Length && char.IsWhiteSpace(s[i]))
            {
                i++;
            }
            int start = i;
            while (i < s.Length && !char.IsWhiteSpace(s[i]))
            {
                i++;
            }
            if (i > start)
            {
                tokens.Add((start, i - start));
            }
        }
        return tokens;
    }
}
