using Antlr4.Runtime;
using Antlr4.Runtime.Atn;
using Antlr4.Runtime.Misc;
using Qdc.Circuits.Diagnostics;
using Qdc.Qasm.Generated;

namespace Qdc.Qasm.Syntax;

/// <summary>A parsed file: its text, its version and its parse tree.</summary>
internal sealed class QasmSyntaxTree
{
    private QasmSyntaxTree(SourceText source, QasmParser.ProgramContext root, string? version)
    {
        Source = source;
        Root = root;
        Version = version;
    }

    public SourceText Source { get; }

    public QasmParser.ProgramContext Root { get; }

    /// <summary>The version after OPENQASM, or null when the header is missing (which means 3).</summary>
    public string? Version { get; }

    public bool IsQasm2 => Version is not null && Version.StartsWith('2');

    /// <summary>
    /// Parses a file. Tries the fast SLL mode first and falls back to full LL only when SLL
    /// fails, the usual two-stage use of ANTLR; syntax errors go to the bag.
    /// </summary>
    public static QasmSyntaxTree Parse(SourceText source, DiagnosticBag diagnostics)
    {
        var lexer = new QasmLexer(new AntlrInputStream(source.Text));
        lexer.RemoveErrorListeners();
        var tokens = new CommonTokenStream(lexer);
        tokens.Fill();
        string? version = FindVersion(tokens);

        var parser = new QasmParser(tokens) { Qasm2 = version is not null && version.StartsWith('2') };
        parser.RemoveErrorListeners();
        parser.Interpreter.PredictionMode = PredictionMode.SLL;
        parser.ErrorHandler = new BailErrorStrategy();
        QasmParser.ProgramContext root;
        try
        {
            root = parser.program();
        }
        catch (ParseCanceledException)
        {
            tokens.Seek(0);
            parser.Reset();
            parser.Interpreter.PredictionMode = PredictionMode.LL;
            parser.ErrorHandler = new DefaultErrorStrategy();
            parser.AddErrorListener(new SyntaxErrorListener(source, diagnostics));
            root = parser.program();
        }
        return new QasmSyntaxTree(source, root, version);
    }

    private static string? FindVersion(CommonTokenStream tokens)
    {
        var list = tokens.GetTokens();
        if (list.Count >= 2 && list[0].Type == QasmLexer.OPENQASM && list[1].Type == QasmLexer.VersionSpecifier)
        {
            return list[1].Text;
        }
        return null;
    }
}
