using System.Globalization;
using Qdc.Circuits.Diagnostics;

namespace Qdc.Cli;

/// <summary>Prints diagnostics for people: each with its source line and caret, then a count.</summary>
internal static class DiagnosticWriter
{
    public static void Write(TextWriter stderr, DiagnosticBag diagnostics)
    {
        foreach (var d in diagnostics.Sorted())
        {
            stderr.Write(d.Format());
            stderr.Write('\n');
        }
        int errors = diagnostics.Items.Count(d => d.IsError);
        int warnings = diagnostics.Count - errors;
        if (errors > 0)
        {
            stderr.Write(string.Create(CultureInfo.InvariantCulture, $"{Plural(errors, "error")}{(warnings > 0 ? ", " + Plural(warnings, "warning") : "")}\n"));
        }
    }

    private static string Plural(int n, string word) =>
        string.Create(CultureInfo.InvariantCulture, $"{n} {word}{(n == 1 ? "" : "s")}");
}
