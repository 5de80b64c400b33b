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
}
