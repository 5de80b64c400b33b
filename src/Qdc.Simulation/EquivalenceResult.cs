namespace Qdc.Simulation;

/// <summary>The verdict of <see cref="Equivalence.Check"/>.</summary>
public sealed class EquivalenceResult
{
    internal EquivalenceResult(bool equivalent, double worstFidelity, double meanFidelity, int inputStates, int branches, bool exhaustive, EquivalenceFailure? failure, string? message)
    {
        Equivalent = equivalent;
        WorstFidelity = worstFidelity;
        MeanFidelity = meanFidelity;
        InputStates = inputStates;
        Branches = branches;
        Exhaustive = exhaustive;
        Failure = failure;
        Message = message;
    }

    public bool Equivalent { get; }

    /// <summary>The lowest fidelity of any branch with the reference's output (1 is a perfect match).</summary>
    public double WorstFidelity { get; }

    /// <summary>Fidelity averaged over branches weighted by probability, then over input states.</summary>
    public double MeanFidelity { get; }

    public int InputStates { get; }

    /// <summary>Branches simulated, over all input states.</summary>
    public int Branches { get; }

    /// <summary>True when every branch with non-zero probability was checked.</summary>
    public bool Exhaustive { get; }

    /// <summary>The worst branch, when the check failed on a state.</summary>
    public EquivalenceFailure? Failure { get; }

    /// <summary>Why the check could not run (a reference that is not unitary, a state that does not fit), else null.</summary>
    public string? Message { get; }

    public override string ToString() =>
        Message ?? (Equivalent
            ? $"equivalent (worst fidelity {WorstFidelity:G12}, {Branches} branches on {InputStates} input states{(Exhaustive ? ", exhaustive" : "")})"
            : $"NOT equivalent: {Failure?.Describe()}");
}
