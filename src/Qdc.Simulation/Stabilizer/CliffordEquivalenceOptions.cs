namespace Qdc.Simulation.Stabilizer;

/// <summary>How <see cref="CliffordEquivalence.Check"/> looks.</summary>
public sealed record CliffordEquivalenceOptions
{
    public ulong Seed { get; init; } = 1;

    /// <summary>Measurement branches of the candidate, random outcomes drawn from the seed (one when it measures nothing at random).</summary>
    public int Branches { get; init; } = 32;

    /// <summary>Where the reference qubits end up when the candidate moves them; null means they stay put.</summary>
    public IReadOnlyList<int>? OutputQubitMap { get; init; }
}
