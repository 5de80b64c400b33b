using System.Globalization;
using System.Text.RegularExpressions;

namespace Qdc.Tests.Qasm;

/// <summary>
/// Counts the gate applications of a flat OpenQASM 2 file with nothing but regular expressions,
/// so that the front end's count is held against a method that shares none of its code. It knows
/// registers (for broadcasting), user gate bodies (recursively), and skips measure, reset,
/// barrier and declarations. It is meant for QASMBench-style files, not for all of OpenQASM.
/// </summary>
internal static partial class IndependentGateCounter
{
    [GeneratedRegex(@"//[^\n]*")]
    private static partial Regex LineComment();

    [GeneratedRegex(@"gate\s+(\w+)[^{]*\{([^}]*)\}")]
    private static partial Regex GateDefinition();

    [GeneratedRegex(@"^(qreg|creg)\s+(\w+)\s*\[\s*(\d+)\s*\]$")]
    private static partial Regex Register();

    [GeneratedRegex(@"^(?:if\s*\([^)]*\)\s*)?([A-Za-z_]\w*)\s*(?:\([^;]*?\))?\s+(.+)$")]
    private static partial Regex Application();

    public static long Count(string text)
    {
        text = LineComment().Replace(text, "");
        var bodies = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (Match m in GateDefinition().Matches(text))
        {
            bodies[m.Groups[1].Value] = m.Groups[2].Value;
        }
        text = GateDefinition().Replace(text, "");
        var sizes = new Dictionary<string, int>(StringComparer.Ordinal);
        var perGate = new Dictionary<string, long>(StringComparer.Ordinal);
        long total = 0;
        foreach (var raw in text.Split(';'))
        {
            var s = raw.Trim();
            if (Register().Match(s) is { Success: true } r)
            {
                sizes[r.Groups[2].Value] = int.Parse(r.Groups[3].Value, CultureInfo.InvariantCulture);
                continue;
            }
            total += CountStatement(s, sizes, bodies, perGate);
        }
        return total;
    }

    private static long CountStatement(string s, Dictionary<string, int> sizes, Dictionary<string, string> bodies, Dictionary<string, long> perGate)
    {
        if (Application().Match(s) is not { Success: true } a)
        {
            return 0;
        }
        string name = a.Groups[1].Value;
        if (name is "OPENQASM" or "include" or "measure" or "reset" or "barrier" or "opaque" or "qreg" or "creg")
        {
            return 0;
        }
        // Broadcasting: an operand without an index stands for its whole register.
        long width = 1;
        foreach (var operand in a.Groups[2].Value.Split(','))
        {
            var o = operand.Trim();
            if (!o.Contains('[', StringComparison.Ordinal) && sizes.TryGetValue(o, out int size))
            {
                width = Math.Max(width, size);
            }
        }
        return width * GatesIn(name, bodies, perGate);
    }

    private static long GatesIn(string name, Dictionary<string, string> bodies, Dictionary<string, long> perGate)
    {
        if (!bodies.TryGetValue(name, out var body))
        {
            return 1;
        }
        if (perGate.TryGetValue(name, out long known))
        {
            return known;
        }
        long n = 0;
        foreach (var statement in body.Split(';'))
        {
            if (Application().Match(statement.Trim()) is { Success: true } a && a.Groups[1].Value != "barrier")
            {
                n += GatesIn(a.Groups[1].Value, bodies, perGate);
            }
        }
        perGate[name] = n;
        return n;
    }
}
