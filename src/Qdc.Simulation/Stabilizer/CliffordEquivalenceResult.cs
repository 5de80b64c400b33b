using System.Globalization;

namespace Qdc.Simulation.Stabilizer;

/// <summary>The verdict of <see cref="CliffordEquivalence.Check"/>.</summary>
public sealed class CliffordEquivalenceResult
{
    internal CliffordEquivalenceResult(bool equivalent, int branches, int failedBranch, IReadOnlyList<int> outcomes, string? difference, string? message)
    {
        Equivalent = equivalent;
        Branches = branches;
        FailedBranch = failedBranch;
        Outcomes = outcomes;
        Difference = difference;
        Message = message;
    }

    public bool Equivalent { get; }

    /// <summary>Branches run (until the first failure).</summary>
    public int Branches { get; }

    /// <summary>The failing branch's number, or -1.</summary>
    public int FailedBranch { get; }

    /// <summary>The failing branch's measurement and reset outcomes, in the order the candidate ran them.</summary>
    public IReadOnlyList<int> Outcomes { get; }

    /// <summary>For people: the first canonical stabilizer that differs, or how the extra qubits stay entangled.</summary>
    public string? Difference { get; }

    /// <summary>Why the check could not run (a circuit that is not Clifford, a reference with measurements), else null.</summary>
    public string? Message { get; }

    public override string ToString()
    {
        if (Message is not null)
        {
            return Message;
        }
        if (Equivalent)
        {
            return string.Create(CultureInfo.InvariantCulture, $"equivalent on {Branches} branch{(Branches == 1 ? "" : "es")} (stabilizer tableau)");
        }
        string outcomes = Outcomes.Count == 0 ? "(no measurements)" : string.Concat(Outcomes.Select(o => o.ToString(CultureInfo.InvariantCulture)));
        return string.Create(CultureInfo.InvariantCulture, $"NOT equivalent: branch {FailedBranch} (outcomes {outcomes}): {Difference}");
    }
}
