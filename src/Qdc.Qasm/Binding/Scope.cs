namespace Qdc.Qasm.Binding;

/// <summary>
/// A block's names. Gate bodies get a scope that sees only globals that are constants or gates:
/// <see cref="IsGateBody"/> makes lookups stop there for everything else.
/// </summary>
internal sealed class Scope(Scope? parent, bool isGateBody = false)
{
    private readonly Dictionary<string, Symbol> _symbols = new(StringComparer.Ordinal);

    public Scope? Parent { get; } = parent;

    public bool IsGateBody { get; } = isGateBody;

    public bool TryDeclare(Symbol symbol) => _symbols.TryAdd(symbol.Name, symbol);

    public void Replace(Symbol symbol) => _symbols[symbol.Name] = symbol;

    public Symbol? LookupLocal(string name) => _symbols.GetValueOrDefault(name);

    public Symbol? Lookup(string name)
    {
        bool crossedGate = false;
        for (var s = this; s is not null; s = s.Parent)
        {
            if (s._symbols.TryGetValue(name, out var symbol))
            {
                if (crossedGate && symbol is not (GateSymbol or SubroutineSymbol or ExternSymbol) && !(symbol is ClassicalSymbol { IsConst: true }))
                {
                    return null;
                }
                return symbol;
            }
            crossedGate |= s.IsGateBody;
        }
        return null;
    }
}
