using System.Globalization;
using Antlr4.Runtime;
using Qdc.Qasm.Generated;

namespace Qdc.Qasm.Binding;

internal sealed partial class Binder
{
    /// <summary>Evaluates a constant expression; null after reporting why it has no compile-time value.</summary>
    private Value? Eval(QasmParser.ExpressionContext expr, Scope scope)
    {
        switch (expr)
        {
            case QasmParser.ParenthesisExpressionContext p:
                return Eval(p.expression(), scope);
            case QasmParser.LiteralExpressionContext lit:
                return EvalLiteral(lit.Start, scope);
            case QasmParser.IndexExpressionContext ix:
                return EvalIndex(ix, scope);
            case QasmParser.PowerExpressionContext pw:
                return Binary(pw.expression(0), pw.expression(1), "**", pw.op, scope);
            case QasmParser.Qasm2PowerExpressionContext pw:
                return Binary(pw.expression(0), pw.expression(1), "**", pw.op, scope);
            case QasmParser.UnaryExpressionContext u:
                return EvalUnary(u, scope);
            case QasmParser.MultiplicativeExpressionContext m:
                return Binary(m.expression(0), m.expression(1), m.op.Text, m.op, scope);
            case QasmParser.AdditiveExpressionContext a:
                return Binary(a.expression(0), a.expression(1), a.op.Text, a.op, scope);
            case QasmParser.BitshiftExpressionContext b:
                return Binary(b.expression(0), b.expression(1), b.op.Text, b.op, scope);
            case QasmParser.ComparisonExpressionContext c:
                return Binary(c.expression(0), c.expression(1), c.op.Text, c.op, scope);
            case QasmParser.EqualityExpressionContext e:
                return Binary(e.expression(0), e.expression(1), e.op.Text, e.op, scope);
            case QasmParser.BitwiseAndExpressionContext b:
                return Binary(b.expression(0), b.expression(1), "&", b.op, scope);
            case QasmParser.BitwiseXorExpressionContext b:
                return Binary(b.expression(0), b.expression(1), "^", b.op, scope);
            case QasmParser.BitwiseOrExpressionContext b:
                return Binary(b.expression(0), b.expression(1), "|", b.op, scope);
            case QasmParser.LogicalAndExpressionContext l:
                return Binary(l.expression(0), l.expression(1), "&&", l.op, scope);
            case QasmParser.LogicalOrExpressionContext l:
                return Binary(l.expression(0), l.expression(1), "||", l.op, scope);
            case QasmParser.CastExpressionContext c:
                return EvalCast(c, scope);
            case QasmParser.CallExpressionContext call:
                return EvalCall(call, scope);
            case QasmParser.DurationofExpressionContext d:
                Unsupported(d.Start, "'durationof' is not supported: qdc schedules timing itself");
                return null;
        }
        Error(QasmDiagnostics.NotConstant, $"cannot evaluate '{expr.GetText()}' at compile time", Loc(expr));
        return null;
    }

    private Value? EvalLiteral(IToken token, Scope scope)
    {
        string text = token.Text;
        switch (token.Type)
        {
            case QasmLexer.Identifier:
                return EvalIdentifier(token, scope);
            case QasmLexer.DecimalIntegerLiteral:
                return ParseInteger(token, text, 10);
            case QasmLexer.HexIntegerLiteral:
                return ParseInteger(token, text[2..], 16);
            case QasmLexer.BinaryIntegerLiteral:
                return ParseInteger(token, text[2..], 2);
            case QasmLexer.OctalIntegerLiteral:
                return ParseInteger(token, text[2..], 8);
            case QasmLexer.FloatLiteral:
                return Value.FromFloat(double.Parse(text.Replace("_", "", StringComparison.Ordinal), NumberStyles.Float, CultureInfo.InvariantCulture));
            case QasmLexer.BooleanLiteral:
                return Value.FromBool(text == "true");
            case QasmLexer.BitstringLiteral:
                var digits = text[1..^1].Replace("_", "", StringComparison.Ordinal);
                if (digits.Length > 64)
                {
                    Unsupported(token, "bit strings longer than 64 bits are not supported");
                    return null;
                }
                return Value.FromBits(System.Convert.ToUInt64(digits, 2), digits.Length);
            case QasmLexer.TimingLiteral:
                return ParseDuration(token);
            case QasmLexer.ImaginaryLiteral:
                Unsupported(token, "complex numbers are not supported");
                return null;
            default:
                Error(QasmDiagnostics.TypeMismatch, $"'{text}' is not a classical value", Loc(token));
                return null;
        }
    }

    private Value? ParseInteger(IToken token, string digits, int radix)
    {
        digits = digits.Replace("_", "", StringComparison.Ordinal);
        try
        {
            return Value.FromInt(radix == 10 ? long.Parse(digits, CultureInfo.InvariantCulture) : System.Convert.ToInt64(digits, radix));
        }
        catch (OverflowException)
        {
            // A decimal literal too large for 64 bits is still a fine real number (QASM 2 angles).
            if (radix == 10)
            {
                return Value.FromFloat(double.Parse(digits, CultureInfo.InvariantCulture));
            }
            Error(QasmDiagnostics.TypeMismatch, $"integer literal '{token.Text}' does not fit in 64 bits", Loc(token));
            return null;
        }
    }

    private Value? ParseDuration(IToken token)
    {
        string t = token.Text;
        int unit = t.Length;
        while (unit > 0 && char.IsLetter(t[unit - 1]))
        {
            unit--;
        }
        string u = t[unit..];
        double n = double.Parse(t[..unit].Trim().Replace("_", "", StringComparison.Ordinal), NumberStyles.Float, CultureInfo.InvariantCulture);
        double scale = u switch { "ns" => 1e-9, "us" or "µs" => 1e-6, "ms" => 1e-3, "s" => 1, _ => double.NaN };
        if (double.IsNaN(scale))
        {
            Unsupported(token, $"durations in '{u}' are not supported");
            return null;
        }
        return Value.FromDuration(n * scale);
    }

    private Value? EvalIdentifier(IToken token, Scope scope)
    {
        string name = token.Text;
        var symbol = scope.Lookup(name);
        if (symbol is null)
        {
            double? constant = name switch
            {
                "pi" or "π" => Math.PI,
                "tau" or "τ" => 2 * Math.PI,
                "euler" or "ℇ" => Math.E,
                _ => null,
            };
            if (constant is { } c)
            {
                return Value.FromFloat(c);
            }
            Error(QasmDiagnostics.Undeclared, $"unknown identifier in expression '{name}'", Loc(token));
            return null;
        }
        switch (symbol)
        {
            case ClassicalSymbol { IsBitRegister: true } bits:
                return KnownBits(bits.Clbits, name, token);
            case ClassicalSymbol { Value: { } v }:
                return v;
            case ClassicalSymbol:
                Error(QasmDiagnostics.NotConstant, $"the value of '{name}' is not known at compile time", Loc(token));
                return null;
            default:
                Error(QasmDiagnostics.TypeMismatch, $"'{name}' is not a classical value", Loc(token));
                return null;
        }
    }

    /// <summary>The value of bits whose content is known at compile time (never measured).</summary>
    private Value? KnownBits(IReadOnlyList<int> clbits, string name, IToken at)
    {
        ulong v = 0;
        for (int i = 0; i < clbits.Count; i++)
        {
            switch (_clbitKnown[clbits[i]])
            {
                case Measured:
                    Error(QasmDiagnostics.NotConstant, $"'{name}' holds measured bits: their value is only known at run time, and qdc compiles only conditions of the form 'bits == constant' on them", Loc(at));
                    return null;
                case 1 when i < 64:
                    v |= 1UL << i;
                    break;
            }
        }
        return Value.FromBits(v, Math.Min(64, clbits.Count));
    }

    private Value? EvalIndex(QasmParser.IndexExpressionContext ix, Scope scope)
    {
        if (ix.expression() is QasmParser.LiteralExpressionContext { Start.Type: QasmLexer.Identifier } id
            && scope.Lookup(id.Start.Text) is ClassicalSymbol { IsBitRegister: true } reg)
        {
            var bits = ApplyIndices(reg.Clbits, reg.Name, [ix.indexOperator()], scope);
            return bits.IsDefault ? null : KnownBits(bits, ix.GetText(), ix.Start);
        }
        if (Eval(ix.expression(), scope) is not { } baseValue)
        {
            return null;
        }
        var items = ix.indexOperator().children.OfType<QasmParser.ExpressionContext>().ToArray();
        if (items.Length != 1 || baseValue.Kind is not (ValueKind.Int or ValueKind.Bits))
        {
            Unsupported(ix.indexOperator().Start, "only single bits of integers and bit registers can be indexed here");
            return null;
        }
        int width = baseValue.Kind == ValueKind.Bits ? baseValue.Width : 64;
        if (!TryIndex(items[0], width, ix.expression().GetText(), scope, out int bit))
        {
            return null;
        }
        return Value.FromBits(((ulong)baseValue.Int >> bit) & 1, 1);
    }

    private Value? EvalUnary(QasmParser.UnaryExpressionContext u, Scope scope)
    {
        if (Eval(u.expression(), scope) is not { } v)
        {
            return null;
        }
        switch (u.op.Type)
        {
            case QasmLexer.MINUS:
                return v.Kind switch
                {
                    ValueKind.Float => Value.FromFloat(-v.Float),
                    ValueKind.Duration => Value.FromDuration(-v.Float),
                    _ => Value.FromInt(-v.Int),
                };
            case QasmLexer.EXCLAMATION_POINT:
                return Value.FromBool(!v.AsBool);
            default:
                if (v.Kind == ValueKind.Bits)
                {
                    return Value.FromBits(~(ulong)v.Int, v.Width);
                }
                if (v.Kind == ValueKind.Bool)
                {
                    return Value.FromBool(!v.AsBool);
                }
                if (v.Kind != ValueKind.Int)
                {
                    Error(QasmDiagnostics.TypeMismatch, $"'~' needs an integer or bits, not {v}", Loc(u));
                    return null;
                }
                return Value.FromInt(~v.Int);
        }
    }

    private Value? Binary(QasmParser.ExpressionContext left, QasmParser.ExpressionContext right, string op, IToken at, Scope scope)
    {
        if (Eval(left, scope) is not { } a || Eval(right, scope) is not { } b)
        {
            return null;
        }
        bool ints = a.Kind is ValueKind.Int or ValueKind.Bits or ValueKind.Bool && b.Kind is ValueKind.Int or ValueKind.Bits or ValueKind.Bool;
        switch (op)
        {
            case "+":
                return a.Kind == ValueKind.Duration ? Value.FromDuration(a.Float + b.AsDouble) : ints ? Value.FromInt(a.Int + b.Int) : Value.FromFloat(a.AsDouble + b.AsDouble);
            case "-":
                return a.Kind == ValueKind.Duration ? Value.FromDuration(a.Float - b.AsDouble) : ints ? Value.FromInt(a.Int - b.Int) : Value.FromFloat(a.AsDouble - b.AsDouble);
            case "*":
                return ints ? Value.FromInt(a.Int * b.Int) : Value.FromFloat(a.AsDouble * b.AsDouble);
            case "/":
                if (b.AsDouble == 0)
                {
                    Error(QasmDiagnostics.DivisionByZero, $"division by zero in '{left.GetText()} / {right.GetText()}'", Loc(at));
                    return null;
                }
                // OpenQASM 3 divides integers as integers; OpenQASM 2 has only real arithmetic.
                return ints && !_qasm2 ? Value.FromInt(a.Int / b.Int) : Value.FromFloat(a.AsDouble / b.AsDouble);
            case "%":
                if (b.AsDouble == 0)
                {
                    Error(QasmDiagnostics.DivisionByZero, $"modulo by zero in '{left.GetText()} % {right.GetText()}'", Loc(at));
                    return null;
                }
                return ints ? Value.FromInt(a.Int % b.Int) : Value.FromFloat(a.AsDouble % b.AsDouble);
            case "**":
                if (ints && b.Int >= 0 && !_qasm2)
                {
                    long r = 1;
                    for (long i = 0; i < b.Int && i < 64; i++)
                    {
                        r *= a.Int;
                    }
                    return Value.FromInt(r);
                }
                return Value.FromFloat(Math.Pow(a.AsDouble, b.AsDouble));
            case "<<":
            case ">>":
                if (!ints)
                {
                    Error(QasmDiagnostics.TypeMismatch, $"'{op}' needs integers", Loc(at));
                    return null;
                }
                long shifted = op == "<<" ? a.Int << (int)b.Int : a.Int >> (int)b.Int;
                return a.Kind == ValueKind.Bits ? Value.FromBits((ulong)shifted, a.Width) : Value.FromInt(shifted);
            case "&":
            case "|":
            case "^":
                if (!ints)
                {
                    Error(QasmDiagnostics.TypeMismatch, $"'{op}' needs integers or bits", Loc(at));
                    return null;
                }
                long bitwise = op == "&" ? a.Int & b.Int : op == "|" ? a.Int | b.Int : a.Int ^ b.Int;
                return a.Kind == ValueKind.Bits ? Value.FromBits((ulong)bitwise, a.Width) : Value.FromInt(bitwise);
            case "&&":
                return Value.FromBool(a.AsBool && b.AsBool);
            case "||":
                return Value.FromBool(a.AsBool || b.AsBool);
            case "==":
                return Value.FromBool(a.AsDouble == b.AsDouble);
            case "!=":
                return Value.FromBool(a.AsDouble != b.AsDouble);
            case "<":
                return Value.FromBool(a.AsDouble < b.AsDouble);
            case "<=":
                return Value.FromBool(a.AsDouble <= b.AsDouble);
            case ">":
                return Value.FromBool(a.AsDouble > b.AsDouble);
            case ">=":
                return Value.FromBool(a.AsDouble >= b.AsDouble);
        }
        Error(QasmDiagnostics.NotConstant, $"unknown operator '{op}'", Loc(at));
        return null;
    }

    private Value? EvalCast(QasmParser.CastExpressionContext c, Scope scope)
    {
        if (c.arrayType() is { } a)
        {
            Unsupported(a.Start, "arrays are not supported");
            return null;
        }
        var type = EvalType(c.scalarType(), scope);
        return Eval(c.expression(), scope) is { } v ? Convert(v, type) : null;
    }

    private Value? EvalCall(QasmParser.CallExpressionContext call, Scope scope)
    {
        var name = call.Identifier().Symbol;
        var args = call.expressionList()?.expression() ?? [];
        switch (scope.Lookup(name.Text))
        {
            case SubroutineSymbol sub:
                return CallSubroutine(sub, args, name, scope, destination: default);
            case ExternSymbol:
                Unsupported(name, $"extern function '{name.Text}' cannot be evaluated at compile time");
                return null;
            case { }:
                Error(QasmDiagnostics.UnknownFunction, $"'{name.Text}' is not a function", Loc(name));
                return null;
        }
        Func<double, double>? f = name.Text switch
        {
            "sin" => Math.Sin,
            "cos" => Math.Cos,
            "tan" => Math.Tan,
            "arcsin" or "asin" => Math.Asin,
            "arccos" or "acos" => Math.Acos,
            "arctan" or "atan" => Math.Atan,
            "exp" => Math.Exp,
            "ln" or "log" => Math.Log,
            "sqrt" => Math.Sqrt,
            _ => null,
        };
        if (f is null)
        {
            return EvalIntegerBuiltin(name, args, scope);
        }
        if (args.Length != 1)
        {
            Error(QasmDiagnostics.BadArgument, $"'{name.Text}' takes one argument, not {args.Length}", Loc(name));
            return null;
        }
        if (Eval(args[0], scope) is not { } x)
        {
            return null;
        }
        double r = f(x.AsDouble);
        if (double.IsNaN(r) || double.IsInfinity(r))
        {
            Error(QasmDiagnostics.BadArgument, Invariant($"'{name.Text}({x.AsDouble})' has no real value"), Loc(call));
            return null;
        }
        return Value.FromFloat(r);
    }

    private Value? EvalIntegerBuiltin(IToken name, QasmParser.ExpressionContext[] args, Scope scope)
    {
        switch (name.Text)
        {
            case "popcount" when args.Length == 1:
                return Eval(args[0], scope) is { } p ? Value.FromInt(System.Numerics.BitOperations.PopCount((ulong)p.Int)) : null;
            case "mod" when args.Length == 2:
                return Binary(args[0], args[1], "%", name, scope);
            case "sizeof" when args.Length is 1 or 2:
                if (args[0] is QasmParser.LiteralExpressionContext { Start.Type: QasmLexer.Identifier } id)
                {
                    switch (scope.Lookup(id.Start.Text))
                    {
                        case QuantumSymbol q:
                            return Value.FromInt(q.Qubits.Length);
                        case ClassicalSymbol { IsBitRegister: true } c:
                            return Value.FromInt(c.Clbits.Length);
                    }
                }
                Unsupported(name, "'sizeof' is supported on registers only");
                return null;
        }
        Error(QasmDiagnostics.UnknownFunction, $"unknown function '{name.Text}'", Loc(name));
        return null;
    }

    private ClassicalType EvalType(QasmParser.ScalarTypeContext t, Scope scope)
    {
        int width = 0;
        if (t.designator() is { } d && Eval(d.expression(), scope) is { } w && TryInteger(w, out long n) && n > 0)
        {
            width = (int)Math.Min(n, 1 << 20);
        }
        var kind = t.Start.Type switch
        {
            QasmLexer.BIT => ScalarKind.Bit,
            QasmLexer.INT => ScalarKind.Int,
            QasmLexer.UINT => ScalarKind.Uint,
            QasmLexer.FLOAT => ScalarKind.Float,
            QasmLexer.ANGLE => ScalarKind.Angle,
            QasmLexer.BOOL => ScalarKind.Bool,
            QasmLexer.DURATION => ScalarKind.Duration,
            QasmLexer.STRETCH => ScalarKind.Stretch,
            _ => ScalarKind.Complex,
        };
        return new ClassicalType(kind, width);
    }

    private static Value Convert(Value v, ClassicalType type) => type.Kind switch
    {
        ScalarKind.Float or ScalarKind.Angle => Value.FromFloat(v.AsDouble),
        ScalarKind.Bool => Value.FromBool(v.AsBool),
        ScalarKind.Bit => Value.FromBits((ulong)(v.Kind == ValueKind.Float ? (long)v.Float : v.Int), type.Width == 0 ? 1 : type.Width),
        ScalarKind.Int or ScalarKind.Uint => Wrap(v.Kind == ValueKind.Float ? (long)v.Float : v.Int, type),
        _ => v,
    };

    private static Value Wrap(long v, ClassicalType type)
    {
        if (type.Width is <= 0 or >= 64)
        {
            return Value.FromInt(v);
        }
        long mask = (1L << type.Width) - 1;
        long u = v & mask;
        // A signed int of n bits wraps into −2^(n−1) … 2^(n−1)−1.
        if (type.Kind == ScalarKind.Int && (u & (1L << (type.Width - 1))) != 0)
        {
            u -= 1L << type.Width;
        }
        return Value.FromInt(u);
    }

    private static bool TryInteger(Value v, out long n)
    {
        if (v.Kind == ValueKind.Float)
        {
            n = (long)Math.Round(v.Float);
            return Math.Abs(v.Float - n) < 1e-9;
        }
        n = v.Int;
        return v.Kind != ValueKind.Duration;
    }
}
