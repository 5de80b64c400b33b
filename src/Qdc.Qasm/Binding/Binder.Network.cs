using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Antlr4.Runtime;
using Qdc.Circuits;
using Qdc.Circuits.Diagnostics;
using Qdc.Qasm.Generated;
using Qdc.Qasm.NodePrograms;

namespace Qdc.Qasm.Binding;

/// <summary>
/// Node programs (<see cref="QasmOptions.NodeProgram"/>): the header's network primitives and
/// <c>pragma qdc</c> lines are recorded, each call at its place between the circuit's operations.
/// Only the exact declarations qdc writes count as the header; anything else stays unsupported.
/// </summary>
internal sealed partial class Binder
{
    private const string EprDefcal = "defcalepr(int[32]peer,int[32]tag)q{}";
    private static readonly Dictionary<string, string> NetworkExterns = new(StringComparer.Ordinal)
    {
        ["send"] = "externsend(int[32],int[32],bit);",
        ["recv"] = "externrecv(int[32],int[32])->bit;",
    };

    private readonly List<NetworkCall> _calls = [];
    private readonly SortedDictionary<int, string> _peers = [];
    private readonly List<QubitHolding> _holdings = [];
    private readonly SortedSet<int> _writes = [];
    private bool _eprDeclared;
    private (int Index, string Id, SourceLocation Location)? _node;
    private (int Qubits, int Clbits)? _sourceSize;

    private static string Squeezed(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));

    private static bool IsEprDefcal(QasmParser.DefcalStatementContext d) => Squeezed(d.GetText()) == EprDefcal;

    private static bool IsNetworkExtern(QasmParser.ExternStatementContext e) =>
        NetworkExterns.TryGetValue(e.Identifier().GetText(), out var text) && Squeezed(e.GetText()) == text;

    private bool IsEprCall(QasmParser.GateCallStatementContext g) =>
        _eprDeclared && g.Identifier()?.GetText() == "epr" && g.gateModifier().Length == 0;

    private static QasmParser.CallExpressionContext? IsNetworkCall(QasmParser.ExpressionContext? expr, string name, Scope scope) =>
        expr is QasmParser.CallExpressionContext call && call.Identifier().GetText() == name && scope.Lookup(name) is ExternSymbol ? call : null;

    private void BindEprCall(QasmParser.GateCallStatementContext g, Scope scope)
    {
        var args = g.expressionList()?.expression() ?? [];
        var operands = g.gateOperandList()?.gateOperand() ?? [];
        var at = g.Identifier().Symbol;
        if (args.Length != 2 || operands.Length != 1)
        {
            Error(QasmDiagnostics.NetworkArity, Invariant($"'epr' takes 2 arguments (peer, tag) and 1 qubit, but {args.Length} and {operands.Length} were given"), Loc(g));
            return;
        }
        var qubits = ResolveQubits(operands[0], scope);
        if (qubits.IsDefault)
        {
            return;
        }
        if (qubits.Length != 1)
        {
            Error(QasmDiagnostics.NetworkArity, "'epr' acts on one qubit, not a register", Loc(operands[0]));
            return;
        }
        Record(NetworkCallKind.Epr, args, qubits[0], at, Loc(g));
    }

    private void BindSend(QasmParser.CallExpressionContext call, Scope scope)
    {
        var args = call.expressionList()?.expression() ?? [];
        if (args.Length != 3)
        {
            Error(QasmDiagnostics.NetworkArity, Invariant($"'send' takes 3 arguments (peer, tag, bit), but {args.Length} were given"), Loc(call));
            return;
        }
        var bits = BitReference(args[2], scope);
        if (bits.IsDefault || bits.Length != 1)
        {
            Error(QasmDiagnostics.NetworkArity, "'send' sends one bit: its third argument must name a single bit", Loc(args[2]));
            return;
        }
        Record(NetworkCallKind.Send, args[..2], bits[0], call.Identifier().Symbol, Loc(call));
    }

    private void BindRecv(QasmParser.CallExpressionContext call, ImmutableArray<int> clbits, Scope scope)
    {
        var args = call.expressionList()?.expression() ?? [];
        if (args.Length != 2)
        {
            Error(QasmDiagnostics.NetworkArity, Invariant($"'recv' takes 2 arguments (peer, tag), but {args.Length} were given"), Loc(call));
            return;
        }
        if (clbits.Length != 1)
        {
            Error(QasmDiagnostics.NetworkArity, "'recv' receives one bit: assign it to a single bit", Loc(call));
            return;
        }
        if (Record(NetworkCallKind.Recv, args, clbits[0], call.Identifier().Symbol, Loc(call)))
        {
            _clbitKnown[clbits[0]] = Measured;
        }
    }

    private bool Record(NetworkCallKind kind, QasmParser.ExpressionContext[] args, int bit, IToken at, SourceLocation where)
    {
        if (_condition is not null || _buffer is not null || _callDepth > 0)
        {
            Error(QasmDiagnostics.Unsupported, $"'{at.Text}' must stand at the top level of a node program, unconditioned", where);
            return false;
        }
        if (Eval(args[0], _global) is not { } peer || !TryInteger(peer, out long p) || p < 0 || p > int.MaxValue
            || Eval(args[1], _global) is not { } tag || !TryInteger(tag, out long t) || t < 0)
        {
            Error(QasmDiagnostics.NetworkArity, $"'{at.Text}' needs a QPU index and a tag, both non-negative integer constants", where);
            return false;
        }
        _calls.Add(new NetworkCall(kind, (int)p, t, bit, _builder.OperationCount, where));
        return true;
    }

    // ---- pragma qdc … ----

    private static readonly Regex PragmaWord = new("\"(?:[^\"\\\\]|\\\\.)*\"|\\S+", RegexOptions.CultureInvariant);
    private static readonly Regex IndexedName = new(@"^([A-Za-z_][A-Za-z0-9_]*)\[([0-9]+)\]$", RegexOptions.CultureInvariant);

    private void NodePragma(IToken token, Scope scope)
    {
        var words = PragmaWord.Matches(token.Text).ToList();
        int first = words.Count > 0 && words[0].Value is "pragma" or "#pragma" ? 1 : 0;
        if (words.Count <= first || words[first].Value != "qdc")
        {
            return;
        }
        var w = words.Skip(first + 1).ToList();
        var where = Loc(token);
        SourceLocation At(int i) => _source.Location(token.StartIndex + w[Math.Min(i, w.Count - 1)].Index, w[Math.Min(i, w.Count - 1)].Length);
        bool Int(int i, out int v)
        {
            v = 0;
            return i < w.Count && int.TryParse(w[i].Value, NumberStyles.None, CultureInfo.InvariantCulture, out v);
        }
        string? Id(int i)
        {
            try
            {
                return i < w.Count && w[i].Value.StartsWith('"') ? JsonSerializer.Deserialize<string>(w[i].Value) : null;
            }
            catch (JsonException)
            {
                return null;
            }
        }
        string kind = w.Count > 0 ? w[0].Value : "";
        switch (kind)
        {
            case "node" when w.Count == 3 && Int(1, out int index) && Id(2) is { } id:
                if (_node is { } earlier)
                {
                    Error(QasmDiagnostics.BadNodeHeader, $"a node program names its QPU once ({Where(earlier.Location)})", where);
                    return;
                }
                _node = (index, id, where);
                return;
            case "peer" when w.Count == 3 && Int(1, out int peer) && Id(2) is { } peerId:
                if (!_peers.TryAdd(peer, peerId))
                {
                    Error(QasmDiagnostics.BadNodeHeader, Invariant($"peer {peer} is declared twice"), At(1));
                }
                return;
            case "source" when w.Count == 5 && w[1].Value == "qubits" && Int(2, out int qubits) && w[3].Value == "clbits" && Int(4, out int clbits):
                _sourceSize = (qubits, clbits);
                return;
            case "qubit" when w.Count == 6 && w[2].Value == "start" && Int(3, out int start) && w[4].Value == "end" && Int(5, out int end):
                if (LocalQubit(w[1].Value, scope) is { } q)
                {
                    _holdings.Add(new QubitHolding(q, start, end, At(1)));
                }
                else
                {
                    Error(QasmDiagnostics.BadNodeHeader, $"'{w[1].Value}' is not a declared qubit", At(1));
                }
                return;
            case "writes":
                for (int i = 1; i < w.Count; i++)
                {
                    if (!Int(i, out int b))
                    {
                        Error(QasmDiagnostics.BadNodeHeader, $"'pragma qdc writes' lists source clbit indices, not '{w[i].Value}'", At(i));
                        return;
                    }
                    _writes.Add(b);
                }
                return;
        }
        Error(QasmDiagnostics.BadNodeHeader, "malformed qdc pragma: expected 'node INDEX \"ID\"', 'peer INDEX \"ID\"', 'source qubits N clbits M', 'qubit NAME[i] start S end E' or 'writes B ...'", where);
    }

    private static int? LocalQubit(string text, Scope scope)
    {
        var m = IndexedName.Match(text);
        return m.Success && scope.Lookup(m.Groups[1].Value) is QuantumSymbol reg
            && int.TryParse(m.Groups[2].Value, NumberStyles.None, CultureInfo.InvariantCulture, out int i) && i < reg.Qubits.Length
            ? reg.Qubits[i]
            : null;
    }

    /// <summary>After binding: the header and calls, checked on their own (peers known, tags unique); null after an error.</summary>
    public NodeProgramSyntax? NodeResult(Circuit circuit)
    {
        try
        {
            return CheckedNode(circuit);
        }
        catch (TooManyErrors)
        {
            return null;
        }
    }

    private NodeProgramSyntax? CheckedNode(Circuit circuit)
    {
        var start = new SourceLocation(_source.Path, 1, 1);
        if (_node is not { } node || _sourceSize is not { } size)
        {
            Error(QasmDiagnostics.BadNodeHeader, "not a qdc node program: it needs 'pragma qdc node INDEX \"ID\"' and 'pragma qdc source qubits N clbits M'", start);
            return null;
        }
        var seen = new Dictionary<(bool Pair, long Tag), SourceLocation>();
        foreach (var call in _calls)
        {
            if (call.Peer == node.Index || !_peers.ContainsKey(call.Peer))
            {
                Error(QasmDiagnostics.UnknownPeer, call.Peer == node.Index
                    ? Invariant($"peer {call.Peer} is this QPU itself")
                    : Invariant($"unknown peer {call.Peer}: no 'pragma qdc peer {call.Peer} \"ID\"' line declares it"), call.Location);
            }
            var key = (call.Kind == NetworkCallKind.Epr, call.Tag);
            if (!seen.TryAdd(key, call.Location))
            {
                Error(QasmDiagnostics.DuplicateTag, Invariant($"{(key.Item1 ? "pair" : "message")} tag {call.Tag} is already used ({Where(seen[key])})"), call.Location);
            }
        }
        return new NodeProgramSyntax(
            circuit,
            new NodeHeader(node.Index, node.Id, node.Location, _peers.ToImmutableSortedDictionary(), size.Qubits, size.Clbits, [.. _holdings], [.. _writes]),
            [.. _calls]);
    }
}
