using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Qdc.Circuits.Decompositions;

namespace Qdc.Cli;

/// <summary>
/// The `--approximate ANGLE` option of compile and partition, its summary line, and how
/// `validate` finds the angle again in DIR/report.json so that it checks the same circuit.
/// </summary>
internal static class ApproximationInput
{
    public static Option<double> Option()
    {
        var option = new Option<double>("--approximate")
        {
            Description = "Drop two-qubit diagonal gates (cp, crz, rzz, …) whose phases span less than this many radians, as an approximate QFT does: "
                + "each one across QPUs costs a pair however small its angle. report.json records the gates dropped and a bound on the error "
                + "(operator norm, up to global phase); --validate and 'qdc validate' check the approximate circuit. Default 0: exact.",
            DefaultValueFactory = _ => 0,
        };
        option.Validators.Add(r =>
        {
            double v = r.GetValueOrDefault<double>();
            if (!(v >= 0 && v <= Math.PI))
            {
                r.AddError(string.Create(CultureInfo.InvariantCulture, $"--approximate must be an angle in radians from 0 to π, not {v}"));
            }
        });
        return option;
    }

    /// <summary>One line for the summary, or null when nothing was approximated.</summary>
    public static string? Summary(Approximation approximation) => approximation.IsExact
        ? null
        : string.Create(CultureInfo.InvariantCulture,
            $"approximate: {approximation.DroppedGates} two-qubit phase gate{(approximation.DroppedGates == 1 ? "" : "s")} below {approximation.BelowRadians:G6} rad dropped, error ≤ {approximation.ErrorBound:G3} (operator norm)");

    /// <summary>The angle a compile recorded in DIR/report.json; 0 when it was exact or the file is absent or unreadable.</summary>
    public static double FromReport(string dir)
    {
        var path = Path.Combine(dir, "report.json");
        if (!File.Exists(path))
        {
            return 0;
        }
        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(path));
            return doc.RootElement.TryGetProperty("approximation", out var a) && a.TryGetProperty("belowRadians", out var below) && below.TryGetDouble(out double v) ? v : 0;
        }
        catch (JsonException)
        {
            return 0;
        }
    }
}
