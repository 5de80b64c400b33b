namespace Qdc.Qasm.Binding;

internal enum ScalarKind
{
    Bit,
    Int,
    Uint,
    Float,
    Angle,
    Bool,
    Duration,
    Stretch,
    Complex,
    Array,
}

/// <summary>A classical type with its width (0 when the type has none).</summary>
internal readonly record struct ClassicalType(ScalarKind Kind, int Width)
{
    public override string ToString() => Kind switch
    {
        ScalarKind.Bit => Width > 0 ? $"bit[{Width}]" : "bit",
        ScalarKind.Int => Width > 0 ? $"int[{Width}]" : "int",
        ScalarKind.Uint => Width > 0 ? $"uint[{Width}]" : "uint",
        ScalarKind.Float => Width > 0 ? $"float[{Width}]" : "float",
        ScalarKind.Angle => Width > 0 ? $"angle[{Width}]" : "angle",
        _ => Kind.ToString().ToLowerInvariant(),
    };
}
