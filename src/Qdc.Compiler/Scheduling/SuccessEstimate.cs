namespace Qdc.Compiler.Scheduling;

/// <summary>
/// The estimated success of a schedule, as log10 of the probability that no error occurs, by
/// cause: gate errors, the pairs' fidelities at use (T2 decay while they wait included), and
/// dephasing while qubits holding state idle. On millisecond schedules of superconducting QPUs
/// (T2 of 100 µs) idling dominates by hundreds of orders of magnitude: pairs at a thousand a
/// second are far slower than such qubits live.
/// </summary>
public readonly record struct SuccessEstimate(double Log10Gates, double Log10Pairs, double Log10Idle)
{
    public double Log10Total => Log10Gates + Log10Pairs + Log10Idle;
}
