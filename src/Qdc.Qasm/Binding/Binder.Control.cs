using System.Collections.Immutable;
using Antlr4.Runtime;
using Qdc.Circuits;
using Qdc.Qasm.Generated;

namespace Qdc.Qasm.Binding;

internal sealed partial class Binder
{
    private Value? _returnValue;
    private ImmutableArray<int> _returnDestination;
    private int _callDepth;

    // ---- if, for, while ----

    private Flow BindIf(QasmParser.IfStatementContext ctx, Scope scope)
    {
        if (!TryCondition(ctx.expression(), scope, out bool? known, out var condition))
        {
            return Flow.Normal;
        }
        if (known is { } k)
        {
            var branch = k ? ctx.if_body : ctx.else_body;
            return branch is null ? Flow.Normal : BindStatementOrScope(branch, new Scope(scope));
        }
        BindConditioned(ctx.if_body, condition!, scope);
        if (ctx.else_body is { } e)
        {
            BindConditioned(e, condition!.Negate(), scope);
        }
        return Flow.Normal;
    }

    /// <summary>Binds a branch whose condition is known only at run time: every operation carries it.</summary>
    private void BindConditioned(QasmParser.StatementOrScopeContext body, Condition condition, Scope scope)
    {
        var outer = _condition;
        if (outer is not null)
        {
            if (Combine(outer, condition) is not { } both)
            {
                Unsupported(body.Start, "nested run-time conditions that cannot be joined into one 'bits == value' test are not supported");
                return;
            }
            condition = both;
        }
        _condition = condition;
        var flow = BindStatementOrScope(body, new Scope(scope));
        _condition = outer;
        if (flow != Flow.Normal)
        {
            Unsupported(body.Start, "'break', 'continue', 'return' or 'end' under a run-time condition is not supported");
        }
    }

    /// <summary>Two equality conditions on bits join into one over all their bits when they agree.</summary>
    private static Condition? Combine(Condition a, Condition b)
    {
        if (!a.Equal || !b.Equal || a.Clbits.Length + b.Clbits.Length > 64)
        {
            return null;
        }
        var bits = new List<int>(a.Clbits);
        ulong value = a.Value;
        for (int i = 0; i < b.Clbits.Length; i++)
        {
            bool bit = ((b.Value >> i) & 1) != 0;
            int at = bits.IndexOf(b.Clbits[i]);
            if (at >= 0)
            {
                if ((((value >> at) & 1) != 0) != bit)
                {
                    return null;
                }
                continue;
            }
            if (bit)
            {
                value |= 1UL << bits.Count;
            }
            bits.Add(b.Clbits[i]);
        }
        return new Condition([.. bits], value);
    }

    private Flow BindFor(QasmParser.ForStatementContext ctx, Scope scope)
    {
        var values = new List<Value>();
        if (ctx.setExpression() is { } set)
        {
            foreach (var e in set.expression())
            {
                if (Eval(e, scope) is not { } v)
                {
                    return Flow.Normal;
                }
                values.Add(v);
            }
        }
        else if (ctx.rangeExpression() is { } range)
        {
            var parts = RangeParts(range);
            if (parts[0] is null || parts[^1] is null)
            {
                Error(QasmDiagnostics.BadArgument, "a loop range needs a start and an end", Loc(range));
                return Flow.Normal;
            }
            long step = 1;
            if (!TryRangeValue(parts[0]!, scope, out long start) || !TryRangeValue(parts[^1]!, scope, out long end)
                || (parts.Count == 3 && !TryRangeValue(parts[1]!, scope, out step)))
            {
                return Flow.Normal;
            }
            if (step == 0)
            {
                Error(QasmDiagnostics.BadArgument, "a range step cannot be zero", Loc(range));
                return Flow.Normal;
            }
            // QASM 2-era programs write exclusive-looking ranges; OpenQASM 3 ranges include the end.
            long count = (end - start) / step + 1;
            if (count > options.LoopLimit)
            {
                Error(QasmDiagnostics.LoopLimit, Invariant($"the loop would run {count} times, more than qdc's limit of {options.LoopLimit}"), Loc(range));
                return Flow.Normal;
            }
            for (long i = start; step > 0 ? i <= end : i >= end; i += step)
            {
                values.Add(Value.FromInt(i));
            }
        }
        else
        {
            Unsupported(ctx.expression().Start, "a loop over this kind of value is not supported; loop over a range [a:b] or a set {a, b}");
            return Flow.Normal;
        }
        var type = ctx.scalarType() is { } t ? EvalType(t, scope) : new ClassicalType(ScalarKind.Int, 0);
        var name = ctx.Identifier().Symbol;
        foreach (var v in values)
        {
            var inner = new Scope(scope);
            inner.TryDeclare(new ClassicalSymbol(name.Text, Loc(name), type) { Value = Convert(v, type) });
            int errors = diagnostics.Count;
            var flow = BindStatementOrScope(ctx.body, inner);
            if (flow is Flow.Break || diagnostics.Count > errors)
            {
                // A fault in the body would repeat on every iteration: report it once.
                break;
            }
            if (flow is Flow.Return or Flow.End)
            {
                return flow;
            }
        }
        return Flow.Normal;
    }

    private Flow BindWhile(QasmParser.WhileStatementContext ctx, Scope scope)
    {
        for (long i = 0; ; i++)
        {
            if (!TryCondition(ctx.expression(), scope, out bool? known, out _, quietRuntime: true))
            {
                return Flow.Normal;
            }
            if (known is null)
            {
                Unsupported(ctx.WHILE().Symbol, "'while' with a run-time condition is not supported: qdc compiles loops it can unroll at compile time");
                return Flow.Normal;
            }
            if (known == false)
            {
                return Flow.Normal;
            }
            if (i == 0 && !ContainsBreak(ctx.body))
            {
                // Without a 'break' a loop whose condition holds at entry either never ends or
                // ends through a variable the body changes; catch the first kind at once.
                if (!AssignsAnything(ctx.body))
                {
                    Error(QasmDiagnostics.LoopLimit, "this 'while' loop never ends: its condition is true and its body neither breaks nor changes a variable", Loc(ctx.WHILE().Symbol));
                    return Flow.Normal;
                }
            }
            if (i >= options.LoopLimit)
            {
                Error(QasmDiagnostics.LoopLimit, Invariant($"the 'while' loop ran more than qdc's limit of {options.LoopLimit} iterations"), Loc(ctx.WHILE().Symbol));
                return Flow.Normal;
            }
            int errors = diagnostics.Count;
            var flow = BindStatementOrScope(ctx.body, new Scope(scope));
            if (flow is Flow.Break || diagnostics.Count > errors)
            {
                return Flow.Normal;
            }
            if (flow is Flow.Return or Flow.End)
            {
                return flow;
            }
        }
    }

    private static bool ContainsBreak(Antlr4.Runtime.Tree.IParseTree tree)
    {
        if (tree is QasmParser.BreakStatementContext or QasmParser.ReturnStatementContext or QasmParser.EndStatementContext)
        {
            return true;
        }
        for (int i = 0; i < tree.ChildCount; i++)
        {
            if (ContainsBreak(tree.GetChild(i)))
            {
                return true;
            }
        }
        return false;
    }

    private static bool AssignsAnything(Antlr4.Runtime.Tree.IParseTree tree)
    {
        if (tree is QasmParser.AssignmentStatementContext or QasmParser.MeasureArrowAssignmentStatementContext)
        {
            return true;
        }
        for (int i = 0; i < tree.ChildCount; i++)
        {
            if (AssignsAnything(tree.GetChild(i)))
            {
                return true;
            }
        }
        return false;
    }

    // ---- conditions ----

    /// <summary>
    /// A condition is either known at compile time, or a test of measured bits against a constant
    /// that the IR carries as a <see cref="Condition"/>. False after reporting an error.
    /// </summary>
    private bool TryCondition(QasmParser.ExpressionContext expr, Scope scope, out bool? known, out Condition? runtime, bool quietRuntime = false)
    {
        known = null;
        runtime = null;
        if (!MentionsRuntimeBits(expr, scope))
        {
            if (Eval(expr, scope) is not { } v)
            {
                return false;
            }
            known = v.AsBool;
            return true;
        }
        runtime = RuntimeCondition(expr, scope);
        if (runtime is null && !quietRuntime)
        {
            Unsupported(expr.Start, $"the run-time condition '{expr.GetText()}' is not supported: qdc compiles tests of measured bits against a constant ('c == 3', 'c[0]', '!c[1]')");
            return false;
        }
        return true;
    }

    private Condition? RuntimeCondition(QasmParser.ExpressionContext expr, Scope scope)
    {
        switch (expr)
        {
            case QasmParser.ParenthesisExpressionContext p:
                return RuntimeCondition(p.expression(), scope);
            case QasmParser.CastExpressionContext c when c.scalarType()?.Start.Type == QasmLexer.BOOL:
                return RuntimeCondition(c.expression(), scope);
            case QasmParser.EqualityExpressionContext eq when StripIntegerCast(eq.expression(0)) is { } inner && inner != eq.expression(0):
                // int[n](c) == k tests the same bits as c == k.
                return RuntimeCondition(eq.expression(1), scope) is null && BitReference(inner, scope) is { IsDefault: false } castBits
                    && Eval(eq.expression(1), scope) is { } k && TryInteger(k, out long kv)
                    ? new Condition(castBits, (ulong)kv, eq.op.Text == "==")
                    : null;
            case QasmParser.UnaryExpressionContext { op.Type: QasmLexer.EXCLAMATION_POINT } u:
                return RuntimeCondition(u.expression(), scope)?.Negate();
            case QasmParser.EqualityExpressionContext eq:
                var (bits, other) = BitReference(eq.expression(0), scope) is { IsDefault: false } l
                    ? (l, eq.expression(1))
                    : (BitReference(eq.expression(1), scope), eq.expression(0));
                if (bits.IsDefault || MentionsRuntimeBits(other, scope) || Eval(other, scope) is not { } value || !TryInteger(value, out long n))
                {
                    return null;
                }
                return new Condition(bits, (ulong)n, eq.op.Text == "==");
            case QasmParser.LogicalAndExpressionContext and:
                return RuntimeCondition(and.expression(0), scope) is { } a && RuntimeCondition(and.expression(1), scope) is { } b ? Combine(a, b) : null;
        }
        var single = BitReference(expr, scope);
        // A bit register used as a truth value is true when any of its bits is one.
        return single.IsDefault ? null : new Condition(single, 0, equal: false);
    }

    private static QasmParser.ExpressionContext? StripIntegerCast(QasmParser.ExpressionContext e) =>
        e is QasmParser.CastExpressionContext c && c.scalarType()?.Start.Type is QasmLexer.INT or QasmLexer.UINT or QasmLexer.BIT ? c.expression() : e;

    /// <summary>The clbits an expression names when it is a bit register or an index of one.</summary>
    private ImmutableArray<int> BitReference(QasmParser.ExpressionContext expr, Scope scope)
    {
        switch (expr)
        {
            case QasmParser.ParenthesisExpressionContext p:
                return BitReference(p.expression(), scope);
            case QasmParser.LiteralExpressionContext { Start.Type: QasmLexer.Identifier } id
                when scope.Lookup(id.Start.Text) is ClassicalSymbol { IsBitRegister: true } reg:
                return reg.Clbits;
            case QasmParser.IndexExpressionContext ix when BitReference(ix.expression(), scope) is { IsDefault: false } bits:
                return ApplyIndices(bits, ix.expression().GetText(), [ix.indexOperator()], scope);
        }
        return default;
    }

    private bool MentionsRuntimeBits(Antlr4.Runtime.Tree.IParseTree tree, Scope scope)
    {
        if (tree is Antlr4.Runtime.Tree.ITerminalNode { Symbol.Type: QasmLexer.Identifier } t)
        {
            return scope.Lookup(t.GetText()) is ClassicalSymbol { IsBitRegister: true } reg && reg.Clbits.Any(b => _clbitKnown[b] < 0);
        }
        for (int i = 0; i < tree.ChildCount; i++)
        {
            if (MentionsRuntimeBits(tree.GetChild(i), scope))
            {
                return true;
            }
        }
        return false;
    }

    // ---- assignments and calls ----

    private void BindAssignment(QasmParser.AssignmentStatementContext ctx, Scope scope)
    {
        var target = ctx.indexedIdentifier();
        var name = target.Identifier().Symbol;
        var symbol = scope.Lookup(name.Text);
        if (symbol is ClassicalSymbol { IsBitRegister: true } reg)
        {
            var clbits = ResolveClbits(target, scope);
            if (clbits.IsDefault)
            {
                return;
            }
            if (ctx.measureExpression() is { } m)
            {
                if (ctx.op.Type != QasmLexer.EQUALS)
                {
                    Unsupported(ctx.op, "compound assignment of a measurement is not supported");
                    return;
                }
                var qubits = ResolveQubits(m.gateOperand(), scope);
                if (!qubits.IsDefaultOrEmpty)
                {
                    Measure(qubits, clbits, ctx);
                }
                return;
            }
            if (ctx.op.Type != QasmLexer.EQUALS)
            {
                if (clbits.Any(b => _clbitKnown[b] == Measured))
                {
                    Unsupported(ctx.op, $"'{ctx.op.Text}' on measured bits is run-time classical computation, which qdc does not support");
                    return;
                }
                var current = KnownBits(clbits, reg.Name, name);
                var rhs = Eval(ctx.expression(), scope);
                if (current is null || rhs is null)
                {
                    return;
                }
                SetKnownBits(clbits, Compound(current.Value, ctx.op.Text[..^1], rhs.Value), ctx.Start);
                return;
            }
            AssignBitsFrom(clbits, ctx.expression(), scope, ctx.Start);
            return;
        }
        switch (symbol)
        {
            case null:
                Error(QasmDiagnostics.Undeclared, $"undeclared variable '{name.Text}'", Loc(name));
                return;
            case ClassicalSymbol { IsConst: true }:
                Error(QasmDiagnostics.AssignToConst, $"cannot assign to constant '{name.Text}'", Loc(name));
                return;
            case ClassicalSymbol variable:
                if (ctx.measureExpression() is { } me)
                {
                    Unsupported(me.Start, $"a measurement into a '{variable.Type}' variable is run-time classical computation, which qdc does not support; measure into a bit register");
                    return;
                }
                if (_condition is not null)
                {
                    Unsupported(ctx.Start, "assigning a classical variable under a run-time condition is not supported");
                    return;
                }
                if (target.indexOperator().Length > 0)
                {
                    Unsupported(target.indexOperator()[0].Start, "assigning to part of a classical variable is not supported");
                    return;
                }
                if (Eval(ctx.expression(), scope) is not { } value)
                {
                    variable.Value = null;
                    return;
                }
                if (ctx.op.Type != QasmLexer.EQUALS)
                {
                    if (variable.Value is not { } old)
                    {
                        return;
                    }
                    value = Compound(old, ctx.op.Text[..^1], value);
                }
                variable.Value = Convert(value, variable.Type);
                return;
            default:
                Error(QasmDiagnostics.NotClassical, $"cannot assign to '{name.Text}': it is not a classical variable", Loc(name));
                return;
        }
    }

    private static Value Compound(Value a, string op, Value b)
    {
        bool ints = a.Kind is not (ValueKind.Float or ValueKind.Duration) && b.Kind is not (ValueKind.Float or ValueKind.Duration);
        long x = a.Int, y = b.Int;
        return op switch
        {
            "+" => ints ? Value.FromInt(x + y) : Value.FromFloat(a.AsDouble + b.AsDouble),
            "-" => ints ? Value.FromInt(x - y) : Value.FromFloat(a.AsDouble - b.AsDouble),
            "*" => ints ? Value.FromInt(x * y) : Value.FromFloat(a.AsDouble * b.AsDouble),
            "/" => ints && y != 0 ? Value.FromInt(x / y) : Value.FromFloat(a.AsDouble / b.AsDouble),
            "%" => y != 0 ? Value.FromInt(x % y) : a,
            "**" => Value.FromFloat(Math.Pow(a.AsDouble, b.AsDouble)),
            "<<" => a.Kind == ValueKind.Bits ? Value.FromBits((ulong)(x << (int)y), a.Width) : Value.FromInt(x << (int)y),
            ">>" => a.Kind == ValueKind.Bits ? Value.FromBits((ulong)(x >> (int)y), a.Width) : Value.FromInt(x >> (int)y),
            "&" => a.Kind == ValueKind.Bits ? Value.FromBits((ulong)(x & y), a.Width) : Value.FromInt(x & y),
            "|" => a.Kind == ValueKind.Bits ? Value.FromBits((ulong)(x | y), a.Width) : Value.FromInt(x | y),
            "^" => a.Kind == ValueKind.Bits ? Value.FromBits((ulong)(x ^ y), a.Width) : Value.FromInt(x ^ y),
            _ => Value.FromInt(~y),
        };
    }

    /// <summary>Initialises or assigns bits from a declaration's right-hand side.</summary>
    private void AssignBits(ImmutableArray<int> clbits, QasmParser.DeclarationExpressionContext init, Scope scope, IToken at)
    {
        if (init.measureExpression() is { } m)
        {
            var qubits = ResolveQubits(m.gateOperand(), scope);
            if (!qubits.IsDefaultOrEmpty)
            {
                Measure(qubits, clbits, init);
            }
            return;
        }
        if (init.arrayLiteral() is { } lit)
        {
            Unsupported(lit.Start, "array literals are not supported");
            return;
        }
        AssignBitsFrom(clbits, init.expression(), scope, at);
    }

    private void AssignBitsFrom(ImmutableArray<int> clbits, QasmParser.ExpressionContext expr, Scope scope, IToken at)
    {
        // A subroutine that returns a measurement measures straight into the destination.
        if (expr is QasmParser.CallExpressionContext call && scope.Lookup(call.Identifier().GetText()) is SubroutineSymbol sub)
        {
            var result = CallSubroutine(sub, call.expressionList()?.expression() ?? [], call.Identifier().Symbol, scope, clbits);
            if (result is { } r)
            {
                SetKnownBits(clbits, r, at);
            }
            return;
        }
        if (Eval(expr, scope) is { } v)
        {
            SetKnownBits(clbits, v, at);
        }
    }

    private void SetKnownBits(ImmutableArray<int> clbits, Value v, IToken at)
    {
        if (_condition is not null || clbits.Any(b => _clbitKnown[b] == Measured))
        {
            Unsupported(at, "assigning a value to bits that hold a run-time result is not supported");
            return;
        }
        ulong bits = (ulong)(v.Kind == ValueKind.Float ? (long)v.Float : v.Int);
        for (int i = 0; i < clbits.Length; i++)
        {
            _clbitKnown[clbits[i]] = (sbyte)(i < 64 ? (int)((bits >> i) & 1) : 0);
        }
    }

    private void BindExpressionStatement(QasmParser.ExpressionStatementContext ctx, Scope scope)
    {
        if (ctx.expression() is QasmParser.CallExpressionContext call && scope.Lookup(call.Identifier().GetText()) is SubroutineSymbol sub)
        {
            CallSubroutine(sub, call.expressionList()?.expression() ?? [], call.Identifier().Symbol, scope, default);
            return;
        }
        Eval(ctx.expression(), scope);
    }

    /// <summary>Inlines a subroutine call: its qubit arguments alias the caller's qubits.</summary>
    private Value? CallSubroutine(SubroutineSymbol sub, ParserRuleContext[] args, IToken at, Scope scope, ImmutableArray<int> destination)
    {
        var def = sub.Definition;
        var formals = def.argumentDefinitionList()?.argumentDefinition() ?? [];
        if (formals.Length != args.Length)
        {
            Error(QasmDiagnostics.BadArgument, $"subroutine '{sub.Name}' takes {formals.Length} argument{(formals.Length == 1 ? "" : "s")}, but {args.Length} {(args.Length == 1 ? "was" : "were")} given", Loc(at));
            return null;
        }
        if (_callDepth > 64)
        {
            Error(QasmDiagnostics.LoopLimit, $"subroutine '{sub.Name}' recurses too deeply to inline", Loc(at));
            return null;
        }
        var inner = new Scope(_global, isGateBody: true);
        for (int i = 0; i < formals.Length; i++)
        {
            var f = formals[i];
            var formalName = f.Identifier().Symbol;
            if (f.qubitType() is not null || f.QREG() is not null)
            {
                var qubits = args[i] is QasmParser.GateOperandContext operand ? ResolveQubits(operand, scope) : ResolveQuantumExpression((QasmParser.ExpressionContext)args[i], scope) ?? default;
                if (qubits.IsDefault)
                {
                    return null;
                }
                inner.TryDeclare(new QuantumSymbol(formalName.Text, Loc(formalName), qubits, IsSingle: f.qubitType()?.designator() is null && f.QREG() is null));
            }
            else if (f.scalarType() is { } st && args[i] is QasmParser.ExpressionContext arg)
            {
                if (st.Start.Type == QasmLexer.BIT && BitReference(arg, scope) is { IsDefault: false } bits)
                {
                    inner.TryDeclare(new ClassicalSymbol(formalName.Text, Loc(formalName), EvalType(st, scope)) { Clbits = bits });
                    continue;
                }
                if (Eval(arg, scope) is not { } v)
                {
                    return null;
                }
                var type = EvalType(st, scope);
                inner.TryDeclare(new ClassicalSymbol(formalName.Text, Loc(formalName), type) { Value = Convert(v, type) });
            }
            else
            {
                Unsupported(f.Start, "this kind of subroutine argument is not supported");
                return null;
            }
        }
        var (savedValue, savedDestination) = (_returnValue, _returnDestination);
        _returnValue = null;
        _returnDestination = destination;
        _callDepth++;
        BindBlock(def.scope(), inner);
        _callDepth--;
        var result = _returnValue;
        (_returnValue, _returnDestination) = (savedValue, savedDestination);
        return result;
    }

    private void BindReturn(QasmParser.ReturnStatementContext ctx, Scope scope)
    {
        if (_callDepth == 0)
        {
            Unsupported(ctx.Start, "'return' outside a subroutine is not supported");
            return;
        }
        if (ctx.measureExpression() is { } m)
        {
            var qubits = ResolveQubits(m.gateOperand(), scope);
            if (qubits.IsDefaultOrEmpty)
            {
                return;
            }
            if (_returnDestination.IsDefault)
            {
                MeasureDiscard(qubits);
            }
            else
            {
                Measure(qubits, _returnDestination, ctx);
            }
            return;
        }
        if (ctx.expression() is { } e)
        {
            if (!_returnDestination.IsDefault && BitReference(e, scope) is { IsDefault: false } bits && bits.Any(b => _clbitKnown[b] == Measured))
            {
                Unsupported(e.Start, "returning measured bits from a subroutine is run-time classical computation; return 'measure q' directly");
                return;
            }
            _returnValue = Eval(e, scope);
        }
    }
}
