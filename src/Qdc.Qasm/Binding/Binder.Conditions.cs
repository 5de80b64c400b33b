using System.Collections.Immutable;
using Qdc.Circuits;
using Qdc.Qasm.Generated;

namespace Qdc.Qasm.Binding;

/// <summary>Conditions: decided at compile time, or kept as a test of measured bits.</summary>
internal sealed partial class Binder
{
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
}
