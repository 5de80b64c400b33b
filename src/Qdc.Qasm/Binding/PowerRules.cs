namespace Qdc.Qasm.Binding;

/// <summary>
/// pow(r) @ g for gates that are exact powers of a rotation: the exponent scales the angle, so
/// non-integer powers are exact too. Fixed gates become the phase or rotation they are a power of.
/// </summary>
internal static class PowerRules
{
    private static readonly HashSet<string> Rotations = new(StringComparer.Ordinal)
    {
        "rx", "ry", "rz", "p", "phase", "u1", "cp", "cphase", "cu1", "crx", "cry", "crz", "rxx", "rzz",
    };

    public static bool TryScale(string name, double[] parameters, double exponent, out string scaledName, out double[] scaled)
    {
        scaledName = name;
        scaled = parameters;
        if (Rotations.Contains(name))
        {
            scaled = [parameters[0] * exponent];
            return true;
        }
        // Diagonal fixed gates are phase gates: z = p(π), s = p(π/2), t = p(π/4), and their inverses.
        double? phase = name switch
        {
            "z" => Math.PI,
            "s" => Math.PI / 2,
            "sdg" => -Math.PI / 2,
            "t" => Math.PI / 4,
            "tdg" => -Math.PI / 4,
            "id" => 0,
            _ => null,
        };
        if (phase is { } lambda)
        {
            scaledName = "p";
            scaled = [lambda * exponent];
            return true;
        }
        if (name is "cz")
        {
            scaledName = "cp";
            scaled = [Math.PI * exponent];
            return true;
        }
        return false;
    }
}
