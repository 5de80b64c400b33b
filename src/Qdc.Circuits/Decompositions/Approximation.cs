namespace Qdc.Circuits.Decompositions;

/// <summary>
/// What <see cref="Normalizer.ToBasis(Circuit, double)"/> dropped: every two-qubit diagonal gate
/// (cp, crz, rzz, …) whose phases span less than <see cref="BelowRadians"/>, as an approximate
/// QFT drops its smallest rotations. <see cref="ErrorBound"/> bounds the operator-norm distance,
/// up to global phase, between the exact and the approximate circuit's unitaries: the sum over
/// dropped gates of 2·sin(span/4).
/// </summary>
public sealed record Approximation(double BelowRadians, int DroppedGates, double ErrorBound)
{
    /// <summary>Nothing dropped: the exact circuit.</summary>
    public static readonly Approximation Exact = new(0, 0, 0);

    public bool IsExact => BelowRadians == 0;
}
