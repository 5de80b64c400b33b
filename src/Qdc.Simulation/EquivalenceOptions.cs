namespace Qdc.Simulation;

/// <summary>How hard <see cref="Equivalence.Check"/> looks.</summary>
public sealed record EquivalenceOptions
{
    public ulong Seed { get; init; } = 1;

    /// <summary>Random input states; the first half are product states, the rest entangled by a random circuit.</summary>
    public int InputStates { get; init; } = 6;

    /// <summary>Random measurement branches per input state, when not exhaustive.</summary>
    public int BranchesPerState { get; init; } = 8;

    public ExhaustiveMode Exhaustive { get; init; } = ExhaustiveMode.Auto;

    /// <summary>A branch passes when its fidelity with the reference is at least 1 − Tolerance.</summary>
    public double Tolerance { get; init; } = 1e-9;

    /// <summary>Exhaustive mode is used in <see cref="ExhaustiveMode.Auto"/> up to this many measurements and resets in the candidate.</summary>
    public int MaxExhaustiveMeasurements { get; init; } = 12;

    /// <summary>
    /// Where the reference qubits end up, when the candidate moves them (teledata): OutputQubitMap[i]
    /// is the candidate qubit that holds reference qubit i at the end. Null means they stay put.
    /// </summary>
    public IReadOnlyList<int>? OutputQubitMap { get; init; }

    public SimulationOptions Simulation { get; init; } = new();
}
