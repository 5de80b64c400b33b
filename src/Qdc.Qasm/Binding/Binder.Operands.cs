using System.Collections.Immutable;
using Antlr4.Runtime;
using Antlr4.Runtime.Tree;
using Qdc.Qasm.Generated;

namespace Qdc.Qasm.Binding;

internal sealed partial class Binder
{
    /// <summary>The qubits a gate operand names, in order; default (with a diagnostic) on error.</summary>
    private ImmutableArray<int> ResolveQubits(QasmParser.GateOperandContext operand, Scope scope)
    {
        if (operand.HardwareQubit() is { } hw)
        {
            return [HardwareQubit(hw.Symbol)];
        }
        var id = operand.indexedIdentifier();
        var name = id.Identifier().Symbol;
        switch (scope.Lookup(name.Text))
        {
            case QuantumSymbol q:
                return ApplyIndices(q.Qubits, q.Name, id.indexOperator(), scope);
            case null:
                Error(QasmDiagnostics.Undeclared, $"undeclared qubit or register '{name.Text}'", Loc(name));
                return default;
            default:
                Error(QasmDiagnostics.NotAQubit, $"'{name.Text}' is not a qubit or qubit register", Loc(name));
                return default;
        }
    }

    /// <summary>True when an operand names one qubit (not a register of one), for broadcasting.</summary>
    private static bool IsSingleOperand(QasmParser.GateOperandContext operand, Scope scope)
    {
        if (operand.HardwareQubit() is not null)
        {
            return true;
        }
        var id = operand.indexedIdentifier();
        var indices = id.indexOperator();
        if (indices.Length == 0)
        {
            return scope.Lookup(id.Identifier().GetText()) is QuantumSymbol { IsSingle: true };
        }
        var last = indices[^1];
        return last.setExpression() is null && last.rangeExpression().Length == 0;
    }

    private ImmutableArray<int> ResolveClbits(QasmParser.IndexedIdentifierContext id, Scope scope)
    {
        var name = id.Identifier().Symbol;
        switch (scope.Lookup(name.Text))
        {
            case ClassicalSymbol { IsBitRegister: true } c:
                return ApplyIndices(c.Clbits, c.Name, id.indexOperator(), scope);
            case null:
                Error(QasmDiagnostics.Undeclared, $"undeclared bit or register '{name.Text}'", Loc(name));
                return default;
            default:
                Error(QasmDiagnostics.NotClassical, $"'{name.Text}' is not a bit register", Loc(name));
                return default;
        }
    }

    /// <summary>Qubits named by a `let` right-hand side: a register, an index or a slice of one.</summary>
    private ImmutableArray<int>? ResolveQuantumExpression(QasmParser.ExpressionContext expr, Scope scope)
    {
        switch (expr)
        {
            case QasmParser.LiteralExpressionContext { Start.Type: QasmLexer.Identifier } lit:
                if (scope.Lookup(lit.Start.Text) is QuantumSymbol q)
                {
                    return q.Qubits;
                }
                break;
            case QasmParser.IndexExpressionContext ix:
                if (ResolveQuantumExpression(ix.expression(), scope) is { } inner)
                {
                    var r = ApplyIndices(inner, ix.expression().GetText(), [ix.indexOperator()], scope);
                    return r.IsDefault ? null : r;
                }
                return null;
            case QasmParser.ParenthesisExpressionContext p:
                return ResolveQuantumExpression(p.expression(), scope);
        }
        Unsupported(expr.Start, "'let' can only alias qubits: a register, an index or a slice of one, joined with '++'");
        return null;
    }

    private ImmutableArray<int> ApplyIndices(ImmutableArray<int> bits, string name, QasmParser.IndexOperatorContext[] indices, Scope scope)
    {
        foreach (var index in indices)
        {
            if (SingleIndexItem(index) is not { } item)
            {
                Error(QasmDiagnostics.IndexOutOfRange, $"'{name}' has one dimension; it takes one index", Loc(index));
                return default;
            }
            if (item is QasmParser.ExpressionContext single)
            {
                // One index, the common case: no builder.
                if (!TryIndex(single, bits.Length, name, scope, out int at))
                {
                    return default;
                }
                bits = [bits[at]];
                continue;
            }
            var selected = ImmutableArray.CreateBuilder<int>();
            switch (item)
            {
                case QasmParser.SetExpressionContext set:
                    foreach (var e in set.expression())
                    {
                        if (!TryIndex(e, bits.Length, name, scope, out int i))
                        {
                            return default;
                        }
                        selected.Add(bits[i]);
                    }
                    break;
                case QasmParser.RangeExpressionContext range:
                    if (!TryRange(range, bits.Length, name, scope, out var picked))
                    {
                        return default;
                    }
                    foreach (int i in picked)
                    {
                        selected.Add(bits[i]);
                    }
                    break;
                case QasmParser.ExpressionContext e:
                    if (!TryIndex(e, bits.Length, name, scope, out int k))
                    {
                        return default;
                    }
                    selected.Add(bits[k]);
                    break;
            }
            bits = selected.ToImmutable();
        }
        return bits;
    }

    /// <summary>The one item inside [ ], or null when there are several (q[0, 1]).</summary>
    private static ParserRuleContext? SingleIndexItem(QasmParser.IndexOperatorContext index)
    {
        ParserRuleContext? found = null;
        foreach (var child in index.children)
        {
            if (child is ParserRuleContext rule)
            {
                if (found is not null)
                {
                    return null;
                }
                found = rule;
            }
        }
        return found;
    }

    private bool TryIndex(QasmParser.ExpressionContext e, int size, string name, Scope scope, out int index)
    {
        index = -1;
        if (Eval(e, scope) is not { } v)
        {
            return false;
        }
        if (!TryInteger(v, out long i))
        {
            Error(QasmDiagnostics.TypeMismatch, $"an index must be an integer, not {v}", Loc(e));
            return false;
        }
        // OpenQASM 3 counts negative indices from the end.
        long actual = i < 0 && !_qasm2 ? size + i : i;
        if (actual < 0 || actual >= size)
        {
            Error(QasmDiagnostics.IndexOutOfRange, $"index {i} is out of range for '{name}' of size {size}", Loc(e));
            return false;
        }
        index = (int)actual;
        return true;
    }

    /// <summary>An inclusive OpenQASM 3 range start:end or start:step:end over a register.</summary>
    private bool TryRange(QasmParser.RangeExpressionContext range, int size, string name, Scope scope, out List<int> picked)
    {
        picked = [];
        var parts = RangeParts(range);
        long start = 0, step = 1, end = size - 1;
        if (parts.Count == 3 && parts[1] is not null && !TryRangeValue(parts[1]!, scope, out step))
        {
            return false;
        }
        if (parts[0] is { } s && !TryRangeValue(s, scope, out start))
        {
            return false;
        }
        if (parts[^1] is { } e && !TryRangeValue(e, scope, out end))
        {
            return false;
        }
        if (start < 0)
        {
            start += size;
        }
        if (end < 0)
        {
            end += size;
        }
        if (step == 0)
        {
            Error(QasmDiagnostics.BadArgument, "a range step cannot be zero", Loc(range));
            return false;
        }
        if (start < 0 || start >= size || end < 0 || end >= size)
        {
            Error(QasmDiagnostics.IndexOutOfRange, Invariant($"range {start}:{end} is out of range for '{name}' of size {size}"), Loc(range));
            return false;
        }
        for (long i = start; step > 0 ? i <= end : i >= end; i += step)
        {
            picked.Add((int)i);
        }
        return true;
    }

    private bool TryRangeValue(QasmParser.ExpressionContext e, Scope scope, out long value)
    {
        value = 0;
        if (Eval(e, scope) is not { } v)
        {
            return false;
        }
        if (!TryInteger(v, out value))
        {
            Error(QasmDiagnostics.TypeMismatch, $"a range bound must be an integer, not {v}", Loc(e));
            return false;
        }
        return true;
    }

    /// <summary>The expressions between the colons of a range; null where one is left out.</summary>
    private static List<QasmParser.ExpressionContext?> RangeParts(QasmParser.RangeExpressionContext range)
    {
        var parts = new List<QasmParser.ExpressionContext?> { null };
        foreach (var child in range.children)
        {
            if (child is ITerminalNode { Symbol.Type: QasmLexer.COLON })
            {
                parts.Add(null);
            }
            else if (child is QasmParser.ExpressionContext e)
            {
                parts[^1] = e;
            }
        }
        return parts;
    }

    private int HardwareQubit(IToken token)
    {
        int n = int.Parse(token.Text.AsSpan(1), System.Globalization.CultureInfo.InvariantCulture);
        if (!_hardwareQubits.TryGetValue(n, out int q))
        {
            q = _builder.AddQuantumRegister(token.Text, 1).Start;
            _hardwareQubits[n] = q;
        }
        return q;
    }
}
