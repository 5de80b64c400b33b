using System.Collections.Immutable;
using Qdc.Circuits;
using Qdc.Circuits.Decompositions;

namespace Qdc.Compiler.Partitioning;

/// <summary>How one two-qubit gate of the normalized circuit is carried out.</summary>
public enum GateRealization
{
    /// <summary>Both qubits live on the gate's QPU.</summary>
    Local,

    /// <summary>A qubit on another QPU takes part through a cat-entangled copy (one ebit per run).</summary>
    Telegate,
}

/// <summary>A two-qubit gate's place: its operation index in the normalized circuit, its QPU and its realization.</summary>
public sealed record GatePlacement(int Operation, int Qpu, GateRealization Realization);

/// <summary>
/// The partitioning phase's result: the normalized circuit it placed, every qubit's QPU, every
/// two-qubit gate's QPU, and the ebits a telegate-only distribution needs (the objective).
/// </summary>
public sealed record Placement(
    Circuit Normalized,
    ImmutableArray<int> QpuOfQubit,
    ImmutableArray<GatePlacement> Gates,
    long Ebits,
    ImmutableArray<long> Loads,
    CircuitHypergraph Hypergraph)
{
    /// <summary>The gates the normalization dropped (<see cref="PartitionOptions.DropPhasesBelow"/>); <see cref="Normalized"/> is then the approximate circuit.</summary>
    public Approximation Approximation { get; init; } = Approximation.Exact;

    /// <summary>
    /// With <see cref="PartitionOptions.Teledata"/>, a second placement of the same circuit from the
    /// time-segmented hypergraph (<see cref="SegmentedHypergraph"/>), where qubits visit other QPUs for
    /// stretches of runs, when it predicts fewer pairs than this one; its <see cref="Ebits"/> counts
    /// the teleports. The lowering keeps whichever of the two really spends fewer.
    /// </summary>
    public Placement? TeledataAlternative { get; init; }
}
