namespace Qdc.Compiler.Scheduling;

/// <summary>
/// How one link reaches the requested pair fidelity: <see cref="Rounds"/> recurrence rounds, each
/// consuming two pairs of the previous level and succeeding with some probability, so one
/// delivered ebit costs <see cref="RawPairsPerEbit"/> raw pairs on average.
/// </summary>
public sealed record DistillationPlan(int Rounds, double RawPairsPerEbit, double Fidelity)
{
    /// <summary>No distillation: each raw pair is delivered as it is.</summary>
    public static DistillationPlan None(double fidelity) => new(0, 1, fidelity);
}
