using System.Globalization;

namespace Qdc.Compiler.Topology;

/// <summary>
/// Durations as dc.json writes them: a non-negative number and a unit, ns, us (or µs), ms or s,
/// as in OpenQASM 3. OpenQASM's 'dt' is refused: it means nothing without a device's sample time.
/// </summary>
public static class Duration
{
    // Scaled in decimal so that "10us" is the double nearest 1e-5, as a user would expect.
    private static readonly (string Unit, decimal Seconds)[] s_units =
    [
        ("ns", 1e-9m), ("us", 1e-6m), ("µs", 1e-6m), ("μs", 1e-6m), ("ms", 1e-3m), ("s", 1m),
    ];

    public static IReadOnlyList<string> Units { get; } = ["ns", "us", "µs", "ms", "s"];

    /// <summary>Seconds, or null with a reason why the text is not a duration.</summary>
    public static double? TryParse(string text, out string error)
    {
        error = "";
        string s = text.Trim();
        int split = 0;
        while (split < s.Length && (char.IsAsciiDigit(s[split]) || s[split] is '.' or 'e' or 'E' or '+' or '-'))
        {
            // An 'e' only belongs to the number when an exponent's digits follow it.
            if (s[split] is 'e' or 'E' && !(split + 1 < s.Length && (char.IsAsciiDigit(s[split + 1]) || s[split + 1] is '+' or '-')))
            {
                break;
            }
            split++;
        }
        string number = s[..split];
        string unit = s[split..].Trim();
        if (number.Length == 0 || !double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) || !double.IsFinite(value))
        {
            error = $"'{text}' is not a duration: expected a number followed by a unit ({string.Join(", ", Units)}), e.g. \"300ns\"";
            return null;
        }
        if (value < 0)
        {
            error = $"'{text}' is negative; durations must be zero or more";
            return null;
        }
        if (unit.Length == 0)
        {
            error = $"'{text}' has no unit; write one of {string.Join(", ", Units)}, e.g. \"{number}us\"";
            return null;
        }
        foreach (var (name, seconds) in s_units)
        {
            if (unit == name)
            {
                return decimal.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out decimal exact)
                    ? (double)(exact * seconds)
                    : value * (double)seconds;
            }
        }
        string why = unit == "dt" ? " ('dt' depends on a device's sample time, which dc.json does not know)" : "";
        error = $"unknown unit '{unit}' in '{text}'{why}; use one of {string.Join(", ", Units)}";
        return null;
    }

    /// <summary>Seconds as the shortest readable text with a unit, e.g. 3e-7 → "300ns".</summary>
    public static string Format(double seconds)
    {
        if (seconds == 0)
        {
            return "0";
        }
        (double scale, string unit) = Math.Abs(seconds) switch
        {
            >= 1 => (1.0, "s"),
            >= 1e-3 => (1e3, "ms"),
            >= 1e-6 => (1e6, "us"),
            _ => (1e9, "ns"),
        };
        double v = Math.Round(seconds * scale, 6);
        return v.ToString("0.######", CultureInfo.InvariantCulture) + unit;
    }
}
