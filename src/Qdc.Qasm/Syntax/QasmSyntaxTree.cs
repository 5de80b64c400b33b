using Antlr4.Runtime;
using Antlr4.Runtime.Atn;
using Antlr4.Runtime.Misc;
using Qdc.Circuits.Diagnostics;
using Qdc.Qasm.Generated;

namespace Qdc.Qasm.Syntax;

/// <summary>
/// A file being parsed: its text, its version, and its top-level statements, parsed one at a
/// time as the binder asks for them. Tokens flow through an unbuffered stream and each
/// statement's tree is garbage once bound (unless a gate definition keeps it), so a
/// million-gate file never holds a million-statement tree or all its tokens at once.
/// </summary>
internal sealed class QasmSyntaxTree
{
    private readonly UnbufferedTokenStream _tokens;
    private readonly QasmParser _parser;
    private readonly SyntaxErrorListener _listener;

    private QasmSyntaxTree(SourceText source, DiagnosticBag diagnostics)
    {
        Source = source;
        var lexer = new QasmLexer(new AntlrInputStream(source.Text));
        lexer.RemoveErrorListeners();
        _tokens = new UnbufferedTokenStream(lexer);
        _listener = new SyntaxErrorListener(source, diagnostics);
        if (_tokens.LA(1) == QasmLexer.OPENQASM && _tokens.LA(2) == QasmLexer.VersionSpecifier)
        {
            Version = _tokens.LT(2).Text;
            VersionToken = _tokens.LT(2);
        }
        _parser = new QasmParser(_tokens) { Qasm2 = Version is not null && Version.StartsWith('2') };
        _parser.RemoveErrorListeners();
        _parser.AddErrorListener(_listener);
        if (_tokens.LA(1) == QasmLexer.OPENQASM)
        {
            ParseOne(p => p.version());
        }
    }

    public SourceText Source { get; }

    /// <summary>The version after OPENQASM, or null when the header is missing (which means 3).</summary>
    public string? Version { get; }

    public IToken? VersionToken { get; }

    public bool IsQasm2 => Version is not null && Version.StartsWith('2');

    /// <summary>Syntax errors reported so far; the binder stops binding at the first.</summary>
    public int SyntaxErrors => _listener.Count;

    public static QasmSyntaxTree Parse(SourceText source, DiagnosticBag diagnostics) => new(source, diagnostics);

    /// <summary>The top-level statements in order, each parsed when it is asked for.</summary>
    public IEnumerable<QasmParser.StatementOrScopeContext> Statements()
    {
        while (_tokens.LA(1) != TokenConstants.EOF)
        {
            int start = _tokens.Index;
            var statement = ParseOne(p => p.statementOrScope());
            if (_tokens.Index == start)
            {
                // Recovery consumed nothing (a stray '}' at the top level): step over the token.
                _tokens.Consume();
                continue;
            }
            yield return statement;
        }
    }

    /// <summary>
    /// Parses one rule in ANTLR's fast SLL mode, and again in full LL mode (with error reporting)
    /// only when SLL fails: the usual two-stage use of ANTLR, done per statement.
    /// </summary>
    private T ParseOne<T>(Func<QasmParser, T> rule)
    {
        int mark = _tokens.Mark();
        int start = _tokens.Index;
        try
        {
            _parser.Interpreter.PredictionMode = PredictionMode.SLL;
            _parser.ErrorHandler = new BailErrorStrategy();
            return rule(_parser);
        }
        catch (ParseCanceledException)
        {
            _tokens.Seek(start);
            _parser.Interpreter.PredictionMode = PredictionMode.LL;
            _parser.ErrorHandler = new DefaultErrorStrategy();
            return rule(_parser);
        }
        finally
        {
            _tokens.Release(mark);
        }
    }
}
