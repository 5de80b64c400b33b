using System.Globalization;
using System.Numerics;

namespace Qdc.Simulation;

/// <summary>Where a candidate first departed from the reference.</summary>
public sealed record EquivalenceFailure(
    string InputState,
    IReadOnlyList<int> Branch,
    double BranchProbability,
    double Fidelity,
    long AmplitudeIndex,
    Complex Expected,
    Complex Actual)
{
    /// <summary>More about the branch (for references with measurements: the reference's branch, and a probability or clbit mismatch).</summary>
    public string? Detail { get; init; }

    /// <summary>A report for people: input, branch (outcomes of the candidate's measurements and resets in order), and the first differing amplitude.</summary>
    public string Describe()
    {
        var c = CultureInfo.InvariantCulture;
        var branch = Branch.Count == 0 ? "(no measurements)" : string.Join("", Branch.Select(b => b.ToString(c)));
        return string.Create(c,
            $"input {InputState}; branch {branch} (probability {BranchProbability:G6}); fidelity {Fidelity:G12}; first differing amplitude of the candidate at index {AmplitudeIndex}: expected {Format(Expected)}, got {Format(Actual)}{(Detail is null ? "" : "; " + Detail)}");
    }

    private static string Format(Complex z) =>
        string.Create(CultureInfo.InvariantCulture, $"{z.Real:G9}{(z.Imaginary < 0 ? "-" : "+")}{Math.Abs(z.Imaginary):G9}i");
}
