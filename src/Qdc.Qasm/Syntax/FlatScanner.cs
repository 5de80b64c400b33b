using System.Globalization;
using Antlr4.Runtime;
using Qdc.Qasm.Generated;

namespace Qdc.Qasm.Syntax;

/// <summary>
/// A fast path for the flat files most circuits are: a header, the standard includes, register
/// declarations, gate calls with numeric parameters on plain or indexed operands, measure,
/// reset and barrier. It reads such a file into <see cref="FlatStatement"/>s without ANTLR, and
/// gives up (returns null) at the first thing outside that subset, so the grammar's parser then
/// reads the whole file: the fast path never decides what a program means, it only skips the
/// parse trees when there is nothing in them to interpret. A differential test holds its result
/// against the full path on the whole corpus.
/// </summary>
internal sealed class FlatScanner
{
    private static readonly HashSet<string> Keywords = new(StringComparer.Ordinal)
    {
        "OPENQASM", "include", "qreg", "creg", "qubit", "bit", "measure", "reset", "barrier", "gate", "opaque", "if", "else",
        "for", "while", "in", "def", "defcal", "cal", "defcalgrammar", "extern", "box", "let", "const", "input", "output",
        "return", "break", "continue", "end", "switch", "case", "default", "nop", "pragma", "readonly", "mutable", "int",
        "uint", "float", "angle", "bool", "complex", "array", "void", "duration", "stretch", "gphase", "inv", "pow", "ctrl",
        "negctrl", "durationof", "delay", "true", "false", "U", "CX",
    };

    private readonly string _text;

    // Register and gate names repeat on every line: one string each, looked up by span.
    private readonly Dictionary<string, string> _names = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _nameLookup;
    private readonly Dictionary<string, CommonToken> _gateTokens = new(StringComparer.Ordinal);
    private readonly List<FlatOperand> _operands = [];
    private readonly SourceText _source;
    private readonly bool _qasm2;
    private int _pos;

    private FlatScanner(SourceText source, bool qasm2)
    {
        _source = source;
        _text = source.Text;
        _qasm2 = qasm2;
        _nameLookup = _names.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>
    /// The file's statements, read as they are asked for; a null element means the file holds
    /// something the fast path does not read, and whatever was bound from it must be dropped.
    /// Streaming keeps each statement short-lived, which is most of the fast path's speed.
    /// </summary>
    public static IEnumerable<FlatStatement?> Scan(SourceText source, string? version)
    {
        bool qasm2 = version is not null && version.StartsWith('2');
        return new FlatScanner(source, qasm2).ScanAll();
    }

    /// <summary>True when the whole file is flat (a test helper; the compiler streams instead).</summary>
    public static bool IsFlat(SourceText source, string? version) => Scan(source, version).All(s => s is not null);

    private IEnumerable<FlatStatement?> ScanAll()
    {
        SkipTrivia();
        if (At("OPENQASM"))
        {
            // The version was read by the caller; a malformed header goes to the full path.
            int semicolon = _text.IndexOf(';', _pos);
            if (semicolon < 0)
            {
                yield return null;
                yield break;
            }
            _pos = semicolon + 1;
        }
        while (true)
        {
            if (!SkipTrivia())
            {
                yield return null;
                yield break;
            }
            if (_pos >= _text.Length)
            {
                yield break;
            }
            var statement = ScanStatement();
            yield return statement;
            if (statement is null)
            {
                yield break;
            }
        }
    }

    private FlatStatement? ScanStatement()
    {
        int start = _pos;
        var text = Name();
        if (text is null)
        {
            return null;
        }
        int wordStart = _pos - text.Length;
        if (!Keywords.Contains(text) && _gateTokens.TryGetValue(text, out var known))
        {
            return GateCall(start, known);
        }
        var word = Token(QasmLexer.Identifier, wordStart, _pos - 1);
        switch (text)
        {
            case "include":
                return SkipBlanks() && Peek() == '"' && StringLiteral() is { } file && Expect(';')
                    ? new FlatStatement(FlatKind.Include, word, file)
                    : null;
            case "qreg" or "creg":
                return Identifier() is { } reg && Expect('[') && Integer() is { } size && Expect(']') && Expect(';') && !Keywords.Contains(reg.Text)
                    ? new FlatStatement(word.Text == "qreg" ? FlatKind.QuantumRegister : FlatKind.ClassicalRegister, reg, Size: size)
                    : null;
            case "qubit" or "bit":
                long? declared = null;
                if (SkipBlanks() && Peek() == '[')
                {
                    _pos++;
                    declared = Integer();
                    if (declared is null || !Expect(']'))
                    {
                        return null;
                    }
                }
                return Identifier() is { } name && Expect(';') && !Keywords.Contains(name.Text)
                    ? new FlatStatement(word.Text == "qubit" ? FlatKind.QuantumRegister : FlatKind.ClassicalRegister, name, Size: declared ?? 1, IsSingle: declared is null)
                    : null;
            case "measure":
                return Operand() is { } q && Expect('-') && Expect('>') && Operand() is { } c && Expect(';')
                    ? new FlatStatement(FlatKind.Measure, word, Operands: [q, c])
                    : null;
            case "reset":
                return Operand() is { } r && Expect(';') ? new FlatStatement(FlatKind.Reset, word, Operands: [r]) : null;
            case "barrier":
                return OperandList() is { } fenced ? new FlatStatement(FlatKind.Barrier, word, Operands: fenced) : null;
        }
        if (Keywords.Contains(word.Text) && word.Text is not ("U" or "CX"))
        {
            return null;
        }
        return GateCall(start, word);
    }

    /// <summary>The rest of a gate call (or of an OpenQASM 3 `c = measure q;`) after its first word.</summary>
    private FlatStatement? GateCall(int start, CommonToken word)
    {
        SkipBlanks();
        if (!_qasm2 && Peek() is '[' or '=')
        {
            // OpenQASM 3's c[i] = measure q[j];
            _pos = start;
            return Operand() is { } target && Expect('=') && Identifier() is { Text: "measure" } m && Operand() is { } source && Expect(';')
                ? new FlatStatement(FlatKind.Measure, m, Operands: [source, target])
                : null;
        }
        double[] parameters = [];
        if (Peek() == '(')
        {
            _pos++;
            var list = new List<double>();
            do
            {
                if (Expression() is not { } v)
                {
                    return null;
                }
                list.Add(v.Value);
            }
            while (Accept(','));
            if (!Expect(')'))
            {
                return null;
            }
            parameters = [.. list];
        }
        // Gate names repeat: one token per name does (the fast path reports nothing at a place).
        _gateTokens.TryAdd(word.Text, word);
        return OperandList() is { Length: > 0 } operands ? new FlatStatement(FlatKind.Gate, word, Parameters: parameters, Operands: operands) : null;
    }

    private FlatOperand[]? OperandList()
    {
        _operands.Clear();
        SkipBlanks();
        if (Peek() == ';')
        {
            _pos++;
            return [];
        }
        do
        {
            if (Operand() is not { } o)
            {
                return null;
            }
            _operands.Add(o);
        }
        while (Accept(','));
        return Expect(';') ? [.. _operands] : null;
    }

    private FlatOperand? Operand()
    {
        if (Name() is not { } name || Keywords.Contains(name))
        {
            return null;
        }
        SkipBlanks();
        if (Peek() != '[')
        {
            return new FlatOperand(name, -1);
        }
        _pos++;
        var index = Integer();
        return index is not null && Expect(']') ? new FlatOperand(name, (int)index.Value) : null;
    }

    /// <summary>An identifier as a shared string, without a token.</summary>
    private string? Name()
    {
        SkipBlanks();
        int start = _pos;
        if (!char.IsAsciiLetter(Peek()) && Peek() != '_')
        {
            return null;
        }
        while (IsIdentifierChar(Peek()))
        {
            _pos++;
        }
        // Letters beyond ASCII (π, unicode names) are the full path's business.
        if (Peek() > 127)
        {
            return null;
        }
        var span = _text.AsSpan(start, _pos - start);
        if (!_nameLookup.TryGetValue(span, out var name))
        {
            name = span.ToString();
            _names[name] = name;
        }
        return name;
    }

    // ---- numeric parameter expressions: numbers, pi, + - * / and parentheses ----

    private readonly record struct Number(double Value, bool IsInt);

    private Number? Expression()
    {
        var left = Term();
        while (left is not null && SkipBlanks() && Peek() is '+' or '-')
        {
            char op = _text[_pos++];
            if (Term() is not { } right)
            {
                return null;
            }
            left = Combine(left.Value, right, op);
        }
        return left;
    }

    private Number? Term()
    {
        var left = Unary();
        while (left is not null && SkipBlanks() && Peek() is '*' or '/')
        {
            char op = _text[_pos++];
            if (Peek() == '*' || Unary() is not { } right)
            {
                return null;
            }
            if (op == '/' && right.Value == 0)
            {
                return null;
            }
            left = Combine(left.Value, right, op);
        }
        return left;
    }

    private Number? Unary()
    {
        SkipBlanks();
        if (Peek() == '-')
        {
            _pos++;
            // As the grammar's path: an integer negates as an integer (no −0), a real as a real.
            return Unary() is { } inner ? new Number(inner.IsInt ? 0 - inner.Value : -inner.Value, inner.IsInt) : null;
        }
        if (Peek() == '(')
        {
            _pos++;
            var inner = Expression();
            return inner is not null && Expect(')') ? inner : null;
        }
        if (Peek() == 'p' && _pos + 1 < _text.Length && _text[_pos + 1] == 'i' && !IsIdentifierChar(At(_pos + 2)))
        {
            _pos += 2;
            return new Number(Math.PI, false);
        }
        return NumberLiteral();
    }

    private Number Combine(Number a, Number b, char op)
    {
        // The binder's rules: integers stay integers in OpenQASM 3, and '/' on two of them truncates;
        // OpenQASM 2 divides as reals.
        bool ints = a.IsInt && b.IsInt;
        return op switch
        {
            '+' => new Number(a.Value + b.Value, ints),
            '-' => new Number(a.Value - b.Value, ints),
            '*' => new Number(a.Value * b.Value, ints),
            _ => ints && !_qasm2 ? new Number(Math.Truncate(a.Value / b.Value), true) : new Number(a.Value / b.Value, false),
        };
    }

    private Number? NumberLiteral()
    {
        int start = _pos;
        while (char.IsAsciiDigit(Peek()))
        {
            _pos++;
        }
        bool isInt = true;
        if (Peek() == '.')
        {
            isInt = false;
            _pos++;
            while (char.IsAsciiDigit(Peek()))
            {
                _pos++;
            }
        }
        if (_pos > start && Peek() is 'e' or 'E')
        {
            int mark = _pos++;
            if (Peek() is '+' or '-')
            {
                _pos++;
            }
            if (!char.IsAsciiDigit(Peek()))
            {
                _pos = mark;
            }
            else
            {
                isInt = false;
                while (char.IsAsciiDigit(Peek()))
                {
                    _pos++;
                }
            }
        }
        if (_pos == start || (_pos == start + 1 && _text[start] == '.') || IsIdentifierChar(Peek()) || Peek() == '_')
        {
            return null;
        }
        var span = _text.AsSpan(start, _pos - start);
        if (isInt)
        {
            // Too long for a long: leave it to the full path.
            return long.TryParse(span, NumberStyles.None, CultureInfo.InvariantCulture, out long n) ? new Number(n, true) : null;
        }
        return new Number(double.Parse(span, NumberStyles.Float, CultureInfo.InvariantCulture), false);
    }

    // ---- characters ----

    /// <summary>An identifier as a token, for declarations whose place the binder records.</summary>
    private CommonToken? Identifier() =>
        Name() is { } name ? Token(QasmLexer.Identifier, _pos - name.Length, _pos - 1) : null;

    private long? Integer()
    {
        SkipBlanks();
        int start = _pos;
        while (char.IsAsciiDigit(Peek()))
        {
            _pos++;
        }
        return _pos > start && _pos - start < 10 && !IsIdentifierChar(Peek()) && Peek() is not ('.' or '_')
            ? long.Parse(_text.AsSpan(start, _pos - start), CultureInfo.InvariantCulture)
            : null;
    }

    private CommonToken? StringLiteral()
    {
        int start = _pos++;
        while (_pos < _text.Length && _text[_pos] is not ('"' or '\n' or '\r'))
        {
            _pos++;
        }
        if (Peek() != '"')
        {
            return null;
        }
        _pos++;
        return Token(QasmLexer.StringLiteral, start, _pos - 1);
    }

    private CommonToken Token(int type, int start, int stop)
    {
        var (line, column) = _source.Position(start);
        return new CommonToken(type, _text[start..(stop + 1)])
        {
            StartIndex = start,
            StopIndex = stop,
            Line = line,
            Column = column - 1,
        };
    }

    /// <summary>Skips blanks and comments; false on an unterminated comment.</summary>
    private bool SkipTrivia()
    {
        while (_pos < _text.Length)
        {
            char c = _text[_pos];
            if (c is ' ' or '\t' or '\r' or '\n' or '\f')
            {
                _pos++;
            }
            else if (c == '/' && At(_pos + 1) == '/')
            {
                int nl = _text.IndexOf('\n', _pos);
                _pos = nl < 0 ? _text.Length : nl + 1;
            }
            else if (c == '/' && At(_pos + 1) == '*')
            {
                int end = _text.IndexOf("*/", _pos + 2, StringComparison.Ordinal);
                if (end < 0)
                {
                    return false;
                }
                _pos = end + 2;
            }
            else
            {
                break;
            }
        }
        return true;
    }

    private bool SkipBlanks() => SkipTrivia();

    private bool Accept(char c)
    {
        SkipBlanks();
        if (Peek() != c)
        {
            return false;
        }
        _pos++;
        return true;
    }

    private bool Expect(char c) => Accept(c);

    private bool At(string word) =>
        string.CompareOrdinal(_text, _pos, word, 0, word.Length) == 0 && !IsIdentifierChar(At(_pos + word.Length));

    private char Peek() => At(_pos);

    private char At(int i) => i < _text.Length ? _text[i] : '\0';

    private static bool IsIdentifierChar(char c) => char.IsAsciiLetterOrDigit(c) || c == '_';
}
