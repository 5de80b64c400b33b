using System.Collections.Immutable;

namespace Qdc.Circuits;

/// <summary>
/// A classical condition on an operation: the integer formed by <see cref="Clbits"/> (the first
/// bit least significant) equals <see cref="Value"/>, or differs from it when
/// <see cref="Equal"/> is false (the <c>else</c> branch of an <c>if</c>).
/// </summary>
public sealed class Condition : IEquatable<Condition>
{
    public Condition(ImmutableArray<int> clbits, ulong value, bool equal = true)
    {
        if (clbits.IsDefaultOrEmpty)
        {
            throw new ArgumentException("a condition needs at least one bit", nameof(clbits));
        }
        Clbits = clbits;
        Value = value;
        Equal = equal;
    }

    public ImmutableArray<int> Clbits { get; }

    public ulong Value { get; }

    public bool Equal { get; }

    public Condition Negate() => new(Clbits, Value, !Equal);

    /// <summary>Evaluates the condition against classical bit values.</summary>
    public bool Holds(ReadOnlySpan<bool> bits)
    {
        ulong v = 0;
        for (int i = 0; i < Clbits.Length; i++)
        {
            if (bits[Clbits[i]])
            {
                v |= 1UL << i;
            }
        }
        return (v == Value) == Equal;
    }

    public bool Equals(Condition? other) =>
        other is not null && Value == other.Value && Equal == other.Equal && Clbits.AsSpan().SequenceEqual(other.Clbits.AsSpan());

    public override bool Equals(object? obj) => Equals(obj as Condition);

    public override int GetHashCode() => HashCode.Combine(Value, Equal, Clbits.Length > 0 ? Clbits[0] : -1, Clbits.Length);
}
