namespace Qdc.Compiler.Partitioning;

/// <summary>How hard the partitioner works; the same options and seed give the same partition.</summary>
public sealed record PartitionOptions
{
    public ulong Seed { get; init; } = 1;

    /// <summary>Independent multilevel runs (different derived seeds); the best wins. 0 = chosen by size.</summary>
    public int Attempts { get; init; }

    /// <summary>At most this many V-cycles after the first run, stopping after two in a row that do not improve.</summary>
    public int VCycles { get; init; } = 6;

    /// <summary>Initial partitioning tries at the coarsest level.</summary>
    public int InitialTries { get; init; } = 12;

    /// <summary>Coarsening stops at about this many vertices per block (a quarter of it in odd attempts).</summary>
    public int ContractionLimitPerBlock { get; init; } = 160;

    /// <summary>
    /// After partitioning, move gates between their operands' QPUs so that the copies they need fit
    /// the QPUs' communication qubits (see <see cref="CommQubitRefiner"/>). Off: the pure
    /// hypergraph optimum, which may cost many pairs more once copies must be serialised.
    /// </summary>
    public bool CommQubitAware { get; init; } = true;

    /// <summary>
    /// With <see cref="CommQubitAware"/>, when copies do not fit, also try the in-order placement
    /// with each QPU pair's copies run the way that lets them overlap (see <see cref="PipelinedCopies"/>),
    /// the circuit reordered by commutation so that they die young; kept when it needs at most 10%
    /// more pairs than the best. Off: pairs alone decide.
    /// </summary>
    public bool PipelinedCopies { get; init; } = true;

    /// <summary>
    /// Drop two-qubit diagonal gates whose phases span less than this many radians before
    /// placing (an approximate QFT); 0 keeps the circuit exact. Everything after the partitioner,
    /// validation included, then works on the approximate circuit.
    /// </summary>
    public double DropPhasesBelow { get; init; }

    /// <summary>
    /// Also partition the time-segmented hypergraph, in which a qubit may visit another QPU for a
    /// stretch of its runs (teledata), and offer the result as <see cref="Placement.TeledataAlternative"/>.
    /// For the auto and teledata strategies; telegates alone cannot use it.
    /// </summary>
    public bool Teledata { get; init; }

    /// <summary>
    /// After placing, join a qubit's diagonal runs across the CX targets between them when a copy
    /// can survive them (see <see cref="HTypeEmbedding"/>) and that saves pairs. Off: to measure
    /// what H-type embedding saves.
    /// </summary>
    public bool HTypeEmbedding { get; init; } = true;

    /// <summary>
    /// Netlists (no weight-0 vertices) under km1: the winning partition is refined by balanced
    /// minimum cuts between each pair of adjacent blocks, alternating with FM until the flows find
    /// nothing (see <see cref="FlowRefiner"/>). Circuit hypergraphs and Steiner costs never use it.
    /// </summary>
    public bool FlowRefinement { get; init; } = true;

    /// <summary>Whether small instances end with iterated local search; off inside recursive bisection.</summary>
    internal bool LocalSearch { get; init; } = true;

    /// <summary>Attempts run on up to this many threads; the result does not depend on it.</summary>
    public int MaxDegreeOfParallelism { get; init; } = Environment.ProcessorCount;
}
