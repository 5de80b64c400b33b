using Antlr4.Runtime;
using Qdc.Circuits.Diagnostics;
using Qdc.Qasm.Generated;

namespace Qdc.Qasm.Syntax;

/// <summary>
/// Turns ANTLR's syntax errors into qdc diagnostics. Lexical faults that the lexer tokenises on
/// purpose (a stray character, an unterminated comment or string) get their own codes; a missing
/// semicolon is reported where it belongs, after the previous token, not at the next line.
/// </summary>
internal sealed class SyntaxErrorListener(SourceText source, DiagnosticBag diagnostics) : BaseErrorListener
{
    private int _lastLine = -1;

    /// <summary>How many syntax errors were reported.</summary>
    public int Count { get; private set; }

    public override void SyntaxError(TextWriter output, IRecognizer recognizer, IToken offendingSymbol, int line, int charPositionInLine, string msg, RecognitionException e)
    {
        // One diagnostic per line: ANTLR's recovery often reports the same fault twice.
        if (line == _lastLine)
        {
            return;
        }
        _lastLine = line;
        var parser = (Parser)recognizer;
        var token = offendingSymbol;
        int length = token.Type == TokenConstants.EOF ? 1 : Math.Max(1, token.StopIndex - token.StartIndex + 1);
        var location = new SourceLocation(source.Path, line, charPositionInLine + 1, length);
        string text = token.Type == TokenConstants.EOF ? "end of file" : $"'{Shorten(token.Text)}'";
        switch (token.Type)
        {
            case QasmLexer.ErrorCharacter:
                Add(QasmDiagnostics.UnexpectedCharacter, $"unexpected character {text}", location);
                return;
            case QasmLexer.UnterminatedBlockComment:
                Add(QasmDiagnostics.UnterminatedComment, "unterminated comment: '/*' has no closing '*/'", location with { Length = 2 });
                return;
            case QasmLexer.UnterminatedString:
                Add(QasmDiagnostics.UnterminatedString, "unterminated string: the closing quote is missing", location);
                return;
            case QasmLexer.VersionError:
                Add(QasmDiagnostics.BadVersion, $"expected a version number after OPENQASM, got {text}", location);
                return;
        }

        var expected = SafeExpected(parser);
        if (expected.Contains(QasmLexer.SEMICOLON) && parser.InputStream is ITokenStream ts && ts.LT(-1) is { } previous)
        {
            if (previous.Line < line || token.Type == TokenConstants.EOF)
            {
                var (l, c) = source.Position(previous.StopIndex + 1);
                Add(QasmDiagnostics.MissingSemicolon, $"expected ';' after '{Shorten(previous.Text)}'", new SourceLocation(source.Path, l, c, 1));
                _lastLine = l;
                return;
            }
        }
        string hint = expected.Count is > 0 and <= 4
            ? "; expected " + string.Join(" or ", expected.ToArray().Select(t => parser.Vocabulary.GetDisplayName(t)))
            : "";
        Add(QasmDiagnostics.SyntaxError, $"syntax error: unexpected {text}{hint}", location);
    }

    private static Antlr4.Runtime.Misc.IntervalSet SafeExpected(Parser parser)
    {
        try
        {
            return parser.GetExpectedTokens();
        }
        catch (ArgumentException)
        {
            return new Antlr4.Runtime.Misc.IntervalSet();
        }
    }

    private void Add(string code, string message, SourceLocation location)
    {
        Count++;
        diagnostics.Add(new Diagnostic(Severity.Error, code, message, location) { SourceLine = source.Line(location.Line) });
    }

    private static string Shorten(string text) => text.Length > 30 ? text[..27] + "..." : text.Replace("\n", "\\n", StringComparison.Ordinal);
}
