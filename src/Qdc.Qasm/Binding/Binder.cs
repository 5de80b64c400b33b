using System.Collections.Immutable;
using System.Globalization;
using Antlr4.Runtime;
using Qdc.Circuits;
using Qdc.Circuits.Diagnostics;
using Qdc.Circuits.Gates;
using Qdc.Qasm.Generated;
using Qdc.Qasm.Syntax;

namespace Qdc.Qasm.Binding;

/// <summary>
/// Turns a parse tree into the IR. It is a small compile-time interpreter: registers are
/// flattened, constants folded, user gates and subroutines inlined, loops unrolled, and `if`
/// either decided at compile time or kept as a classical condition on measured bits. Everything
/// that needs run-time classical computation is reported as unsupported at its place.
/// </summary>
internal sealed partial class Binder(QasmOptions options, DiagnosticBag diagnostics)
{
    private readonly CircuitBuilder _builder = new();
    private readonly Scope _global = new(null);
    private readonly Stack<string> _includeStack = new();
    private readonly List<sbyte> _clbitKnown = [];
    private readonly Dictionary<int, int> _hardwareQubits = [];
    private SourceText _source = null!;
    private bool _qasm2;
    private GateLibraries _visible;
    private Condition? _condition;
    private int _discardRegister = -1;
    private long _emitted;
    private int _errors;

    // _clbitKnown per clbit: 0 or 1 when the program set it to a constant, Measured once a
    // measurement (or anything else at run time) wrote it, Fresh while it still holds its zero.
    private const sbyte Measured = -1;
    private const sbyte Fresh = -2;
    private readonly HashSet<string> _registerNames = new(StringComparer.Ordinal);
    private SourceLocation _lastStatement;

    // With RecordLocations: the statement each operation of the circuit came from (a gate call, not
    // the body of the gate it expands to), and the top-level statement being bound.
    private readonly List<SourceLocation>? _locations = options.RecordLocations ? [] : null;
    private SourceLocation _statementAt;
    private int _gateDepth;

    /// <summary>Where operations go: the circuit, or a buffer while a gate body is expanded.</summary>
    private List<Emitted>? _buffer;

    private enum Flow
    {
        Normal,
        Break,
        Continue,
        Return,
        End,
    }

    public Circuit Bind(QasmSyntaxTree tree)
    {
        _source = tree.Source;
        _qasm2 = tree.IsQasm2;
        if (tree.Version is { } v && v is not ("2.0" or "2" or "3" or "3.0" or "3.1"))
        {
            Error(QasmDiagnostics.BadVersion, $"unsupported OpenQASM version '{v}': qdc reads 2.0 and 3.x", Loc(tree.VersionToken!));
            return _builder.Build();
        }
        _visible = _qasm2 ? GateLibraries.Qasm2Builtin : GateLibraries.Qasm3Builtin;
        _includeStack.Push(Path.GetFullPath(_source.Path));
        try
        {
            foreach (var s in tree.Statements())
            {
                // After a syntax error the trees are guesses: keep parsing to report every
                // syntax error, but bind nothing more.
                if (tree.SyntaxErrors == 0 && BindStatementOrScope(s, _global) == Flow.End)
                {
                    break;
                }
            }
        }
        catch (TooManyErrors)
        {
            diagnostics.Add(new Diagnostic(Severity.Error, QasmDiagnostics.TooManyErrors, $"too many errors ({MaxErrors}); stopping here", _lastStatement));
        }
        catch (OperationBudgetExceeded ex)
        {
            Error(QasmDiagnostics.LoopLimit, Invariant($"the circuit grows past {options.MaxOperations} operations; is a loop unbounded?"), ex.Location);
        }
        return _builder.Build();
    }

    /// <summary>Stops binding at once when unrolling runs away; reported as a diagnostic by <see cref="Bind"/>.</summary>
    private sealed class OperationBudgetExceeded(SourceLocation location) : Exception
    {
        public SourceLocation Location { get; } = location;
    }

    // ---- statements ----

    private Flow BindStatementOrScope(QasmParser.StatementOrScopeContext ctx, Scope scope) =>
        ctx.scope() is { } block ? BindBlock(block, new Scope(scope)) : BindStatement(ctx.statement(), scope);

    private Flow BindBlock(QasmParser.ScopeContext block, Scope scope)
    {
        foreach (var s in block.statementOrScope())
        {
            var flow = BindStatementOrScope(s, scope);
            if (flow != Flow.Normal)
            {
                return flow;
            }
        }
        return Flow.Normal;
    }

    private Flow BindStatement(QasmParser.StatementContext ctx, Scope scope)
    {
        if (ctx.PRAGMA() is { } pragma)
        {
            if (options.NodeProgram)
            {
                NodePragma(pragma.Symbol, scope);
            }
            return Flow.Normal;
        }
        var child = (ParserRuleContext)ctx.GetChild(ctx.ChildCount - 1);
        _lastStatement = new SourceLocation(_source.Path, child.Start.Line, child.Start.Column + 1);
        if (_locations is not null && _buffer is null && _gateDepth == 0)
        {
            _statementAt = Loc(child);
        }
        switch (child)
        {
            case QasmParser.GateCallStatementContext g when options.NodeProgram && IsEprCall(g):
                BindEprCall(g, scope);
                break;
            case QasmParser.GateCallStatementContext g:
                BindGateCall(g, scope);
                break;
            case QasmParser.MeasureArrowAssignmentStatementContext m:
                BindMeasureArrow(m, scope);
                break;
            case QasmParser.OldStyleDeclarationStatementContext d:
                BindOldStyleDeclaration(d, scope);
                break;
            case QasmParser.QuantumDeclarationStatementContext q:
                BindQuantumDeclaration(q, scope);
                break;
            case QasmParser.ClassicalDeclarationStatementContext c:
                BindClassicalDeclaration(c.scalarType(), c.arrayType(), c.Identifier().Symbol, c.declarationExpression(), scope, isConst: false);
                break;
            case QasmParser.ConstDeclarationStatementContext c:
                BindClassicalDeclaration(c.scalarType(), null, c.Identifier().Symbol, c.declarationExpression(), scope, isConst: true);
                break;
            case QasmParser.IoDeclarationStatementContext io:
                BindIoDeclaration(io, scope);
                break;
            case QasmParser.AliasDeclarationStatementContext a:
                BindAlias(a, scope);
                break;
            case QasmParser.IncludeStatementContext i:
                BindInclude(i, scope);
                break;
            case QasmParser.GateStatementContext g:
                BindGateDefinition(g, scope);
                break;
            case QasmParser.OpaqueStatementContext o:
                BindOpaque(o, scope);
                break;
            case QasmParser.ResetStatementContext r:
                foreach (var q in ResolveQubits(r.gateOperand(), scope))
                {
                    Emit(new ResetOperation(q, _condition));
                }
                break;
            case QasmParser.BarrierStatementContext b:
                BindBarrier(b, scope);
                break;
            case QasmParser.IfStatementContext i:
                return BindIf(i, scope);
            case QasmParser.ForStatementContext f:
                return BindFor(f, scope);
            case QasmParser.WhileStatementContext w:
                return BindWhile(w, scope);
            case QasmParser.BreakStatementContext:
                return Flow.Break;
            case QasmParser.ContinueStatementContext:
                return Flow.Continue;
            case QasmParser.EndStatementContext:
                return Flow.End;
            case QasmParser.ReturnStatementContext r:
                BindReturn(r, scope);
                return Flow.Return;
            case QasmParser.AssignmentStatementContext a:
                BindAssignment(a, scope);
                break;
            case QasmParser.ExpressionStatementContext e:
                BindExpressionStatement(e, scope);
                break;
            case QasmParser.DefStatementContext d:
                Declare(scope, new SubroutineSymbol(d.Identifier().GetText(), Loc(d.Identifier().Symbol), d));
                break;
            case QasmParser.ExternStatementContext e when options.NodeProgram && IsNetworkExtern(e):
                Declare(scope, new ExternSymbol(e.Identifier().GetText(), Loc(e.Identifier().Symbol)));
                break;
            case QasmParser.ExternStatementContext e:
                Unsupported(e.EXTERN().Symbol, "'extern' functions are not supported: qdc compiles circuits whose classical logic is known at compile time");
                Declare(scope, new ExternSymbol(e.Identifier().GetText(), Loc(e.Identifier().Symbol)));
                break;
            case QasmParser.NopStatementContext:
                break;
            case QasmParser.DefcalStatementContext d when options.NodeProgram && IsEprDefcal(d):
                _eprDeclared = true;
                break;
            case QasmParser.DefcalStatementContext d:
                Unsupported(d.Start, "'defcal' calibrations are not supported: qdc emits gate-level programs");
                break;
            case QasmParser.CalStatementContext c:
                Unsupported(c.Start, "'cal' blocks are not supported: qdc emits gate-level programs");
                break;
            case QasmParser.CalibrationGrammarStatementContext c:
                Unsupported(c.Start, "'defcalgrammar' is not supported: qdc emits gate-level programs");
                break;
            case QasmParser.DelayStatementContext d when options.NodeProgram:
                // A node program's delays carry the scheduler's timing, which does not change what is computed.
                foreach (var operand in d.gateOperandList()?.gateOperand() ?? [])
                {
                    ResolveQubits(operand, scope);
                }
                break;
            case QasmParser.DelayStatementContext d:
                Unsupported(d.Start, "'delay' is not supported in input circuits: qdc schedules timing itself");
                break;
            case QasmParser.BoxStatementContext b:
                Unsupported(b.Start, "'box' is not supported in input circuits: qdc schedules timing itself");
                break;
            case QasmParser.SwitchStatementContext s:
                Unsupported(s.Start, "'switch' is not supported");
                break;
        }
        return Flow.Normal;
    }

    // ---- helpers shared by the partial files ----

    private bool CheckFree(IToken name, Scope scope)
    {
        if (scope.LookupLocal(name.Text) is { } existing)
        {
            Error(QasmDiagnostics.Redeclared, $"'{name.Text}' is already declared ({Where(existing.Declared)})", Loc(name));
            return false;
        }
        return true;
    }

    /// <summary>A place for a message: just the line within the same file, the full place otherwise.</summary>
    private string Where(SourceLocation at) =>
        at.Path == _source.Path ? Invariant($"at line {at.Line}") : $"at {at}";

    private void Declare(Scope scope, Symbol symbol)
    {
        if (!scope.TryDeclare(symbol))
        {
            var existing = scope.LookupLocal(symbol.Name)!;
            Error(QasmDiagnostics.Redeclared, $"'{symbol.Name}' is already declared ({Where(existing.Declared)})", symbol.Declared);
        }
    }

    /// <summary>OpenQASM 2 demands identifiers that start with a lowercase letter.</summary>
    private void CheckQasm2Identifier(IToken name)
    {
        if (_qasm2 && name.Text.Length > 0 && !char.IsAsciiLetterLower(name.Text[0]))
        {
            Error(QasmDiagnostics.LowercaseRequired, $"OpenQASM 2.0 identifiers must start with a lowercase letter: '{name.Text}'", Loc(name));
        }
    }

    private int EvalSize(QasmParser.ExpressionContext expr, Scope scope)
    {
        if (Eval(expr, scope) is not { } v)
        {
            return -1;
        }
        if (!TryInteger(v, out long n) || n <= 0 || n > 1 << 24)
        {
            Error(QasmDiagnostics.BadRegisterSize, $"a register size must be a positive integer, not {v}", Loc(expr));
            return -1;
        }
        return (int)n;
    }

    private void Emit(Operation op)
    {
        if (++_emitted > options.MaxOperations)
        {
            throw new OperationBudgetExceeded(_lastStatement);
        }
        if (_buffer is not null)
        {
            _buffer.Add(new Emitted(op, 0));
        }
        else
        {
            _builder.Add(op);
            _locations?.Add(_statementAt);
        }
    }

    /// <summary>With <see cref="QasmOptions.RecordLocations"/>: where each operation of the bound circuit was written.</summary>
    public ImmutableArray<SourceLocation> Locations => _locations is null ? [] : [.. _locations];

    private void EmitPhase(double phase)
    {
        if (_buffer is not null)
        {
            _buffer.Add(new Emitted(null, phase));
        }
        else
        {
            _builder.GlobalPhase += phase;
        }
    }

    private SourceLocation Loc(IToken token) =>
        _source.Location(token.StartIndex, FirstLineLength(token.StartIndex, token.StopIndex));

    private SourceLocation Loc(ParserRuleContext ctx) =>
        _source.Location(ctx.Start.StartIndex, FirstLineLength(ctx.Start.StartIndex, (ctx.Stop ?? ctx.Start).StopIndex));

    private int FirstLineLength(int start, int stop)
    {
        int end = Math.Max(start, stop);
        int nl = _source.Text.IndexOf('\n', start);
        if (nl >= 0 && nl <= end)
        {
            end = nl - 1;
        }
        return Math.Max(1, end - start + 1);
    }

    private void Error(string code, string message, SourceLocation location)
    {
        diagnostics.Add(new Diagnostic(Severity.Error, code, message, location) { SourceLine = location.Path == _source.Path ? _source.Line(location.Line) : null });
        if (++_errors >= MaxErrors)
        {
            throw new TooManyErrors();
        }
    }

    private const int MaxErrors = 100;

    /// <summary>Ends binding after <see cref="MaxErrors"/> errors: past that point more help nobody.</summary>
    private sealed class TooManyErrors : Exception;

    private void Unsupported(IToken at, string message) => Error(QasmDiagnostics.Unsupported, message, Loc(at));

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
