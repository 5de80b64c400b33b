namespace Qdc.Simulation.Stabilizer;

/// <summary>±X, ±Y or ±Z on one qubit: what a one-qubit Clifford makes of X or of Z.</summary>
public readonly record struct SignedPauli(char Letter, bool Negative)
{
    public override string ToString() => (Negative ? "-" : "+") + Letter;

    /// <summary>The image under H (X ↔ Z, Y → −Y) or S (X → Y, Y → −X, Z → Z).</summary>
    internal SignedPauli After(char gate) => (gate, Letter) switch
    {
        ('H', 'X') => new('Z', Negative),
        ('H', 'Z') => new('X', Negative),
        ('H', _) => new('Y', !Negative),
        ('S', 'X') => new('Y', Negative),
        ('S', 'Y') => new('X', !Negative),
        ('S', _) => this,
        _ => throw new ArgumentOutOfRangeException(nameof(gate), gate, "H or S"),
    };
}
