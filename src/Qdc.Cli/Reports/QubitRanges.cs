using System.Globalization;
using System.Text.RegularExpressions;

namespace Qdc.Cli.Reports;

/// <summary>Qubit names written compactly: q[0], q[1], q[2], q[5] → "q[0..2], q[5]".</summary>
internal static partial class QubitRanges
{
    public static string Compress(IEnumerable<string> names)
    {
        var parts = new List<string>();
        string? register = null;
        int first = 0, last = 0;
        void Flush()
        {
            if (register is not null)
            {
                parts.Add(first == last
                    ? string.Create(CultureInfo.InvariantCulture, $"{register}[{first}]")
                    : string.Create(CultureInfo.InvariantCulture, $"{register}[{first}..{last}]"));
                register = null;
            }
        }
        foreach (string name in names)
        {
            var m = Indexed().Match(name);
            if (!m.Success || !int.TryParse(m.Groups[2].Value, NumberStyles.None, CultureInfo.InvariantCulture, out int index))
            {
                Flush();
                parts.Add(name);
                continue;
            }
            string reg = m.Groups[1].Value;
            if (reg == register && index == last + 1)
            {
                last = index;
                continue;
            }
            Flush();
            (register, first, last) = (reg, index, index);
        }
        Flush();
        return string.Join(", ", parts);
    }

    [GeneratedRegex(@"^(.+)\[(\d+)\]$")]
    private static partial Regex Indexed();
}
