using System.CommandLine;
using System.Globalization;
using Qdc.Circuits;
using Qdc.Circuits.Diagnostics;
using Qdc.Qasm;

namespace Qdc.Cli;

/// <summary>Reading a circuit for any command: the front end, --param values, and diagnostics on stderr.</summary>
internal static class CircuitInput
{
    public static Argument<string> CircuitArgument() => new("CIRCUIT")
    {
        Description = "An OpenQASM 2 or 3 file (the 'OPENQASM' header decides; none means 3).",
    };

    public static Option<string[]> ParamOption() => new("--param")
    {
        Description = "A value for an 'input' declaration, as NAME=VALUE (repeatable), e.g. --param theta=0.5.",
        AllowMultipleArgumentsPerToken = false,
    };

    /// <summary>Loads a circuit; prints every diagnostic and returns null when there were errors.</summary>
    public static Circuit? Load(string path, string[]? parameters, TextWriter stderr, out int exitCode)
    {
        exitCode = ExitCodes.Success;
        if (ParameterValues(parameters, stderr) is not { } values)
        {
            exitCode = ExitCodes.Usage;
            return null;
        }
        var diagnostics = new DiagnosticBag();
        var circuit = QasmFrontEnd.Load(path, new QasmOptions { Parameters = values }, diagnostics);
        Report(diagnostics, stderr);
        if (circuit is null)
        {
            exitCode = ExitCodes.InputError;
        }
        return circuit;
    }

    /// <summary>--param values by name; null (after saying why) when one is not NAME=NUMBER.</summary>
    public static Dictionary<string, double>? ParameterValues(string[]? parameters, TextWriter? stderr = null)
    {
        var values = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var p in parameters ?? [])
        {
            int eq = p.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0 || !double.TryParse(p.AsSpan(eq + 1), NumberStyles.Float, CultureInfo.InvariantCulture, out double v))
            {
                stderr?.WriteLine($"qdc: --param expects NAME=NUMBER, got '{p}'");
                return null;
            }
            values[p[..eq]] = v;
        }
        return values;
    }

    public static void Report(DiagnosticBag diagnostics, TextWriter stderr) => DiagnosticWriter.Write(stderr, diagnostics);
}
