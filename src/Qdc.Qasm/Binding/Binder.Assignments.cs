using System.Collections.Immutable;
using Antlr4.Runtime;
using Qdc.Qasm.Generated;

namespace Qdc.Qasm.Binding;

/// <summary>Classical assignments, expression statements and inlined subroutine calls.</summary>
internal sealed partial class Binder
{
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
            if (options.NodeProgram && ctx.op.Type == QasmLexer.EQUALS && IsNetworkCall(ctx.expression(), "recv", scope) is { } recv)
            {
                BindRecv(recv, clbits, scope);
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
        if (options.NodeProgram && IsNetworkCall(ctx.expression(), "send", scope) is { } send)
        {
            BindSend(send, scope);
            return;
        }
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
