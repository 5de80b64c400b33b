using System.Globalization;

namespace Qdc.Qasm.Binding;

internal enum ValueKind
{
    Int,
    Float,
    Bool,
    Bits,
    Duration,
}

/// <summary>
/// A compile-time classical value. Bits carry their width; angles are kept as floats (radians),
/// which is what the IR's gate parameters are.
/// </summary>
internal readonly record struct Value(ValueKind Kind, long Int, double Float, int Width = 0)
{
    public static Value FromInt(long v) => new(ValueKind.Int, v, v);

    public static Value FromFloat(double v) => new(ValueKind.Float, (long)v, v);

    public static Value FromBool(bool v) => new(ValueKind.Bool, v ? 1 : 0, v ? 1 : 0);

    public static Value FromBits(ulong bits, int width) =>
        new(ValueKind.Bits, (long)(width >= 64 ? bits : bits & ((1UL << width) - 1)), (double)(width >= 64 ? bits : bits & ((1UL << width) - 1)), width);

    public static Value FromDuration(double seconds) => new(ValueKind.Duration, 0, seconds);

    public bool IsNumeric => Kind is ValueKind.Int or ValueKind.Float or ValueKind.Bool or ValueKind.Bits;

    public bool AsBool => Kind == ValueKind.Float ? Float != 0 : Int != 0;

    public double AsDouble => Kind == ValueKind.Float || Kind == ValueKind.Duration ? Float : Int;

    public override string ToString() => Kind switch
    {
        ValueKind.Float => Float.ToString("R", CultureInfo.InvariantCulture),
        ValueKind.Bool => Int != 0 ? "true" : "false",
        ValueKind.Duration => Float.ToString("R", CultureInfo.InvariantCulture) + "s",
        _ => Int.ToString(CultureInfo.InvariantCulture),
    };
}
