namespace Qdc.Simulation;

/// <summary>How to simulate. The defaults suit the command line.</summary>
public sealed record SimulationOptions
{
    /// <summary>Seeds measurement outcomes; the same seed gives the same result on any machine and thread count.</summary>
    public ulong Seed { get; init; }

    /// <summary>Fuse runs of gates into blocks of at most <see cref="FusionMaxQubits"/> qubits.</summary>
    public bool Fusion { get; init; } = true;

    public int FusionMaxQubits { get; init; } = 3;

    /// <summary>Worker threads; 0 means one per core.</summary>
    public int Threads { get; init; }

    /// <summary>Refuse circuits wider than this.</summary>
    public int MaxQubits { get; init; } = StateVector.MaxQubits;

    /// <summary>Memory the state may use; null means what the runtime reports as available.</summary>
    public long? MemoryLimitBytes { get; init; }

    /// <summary>Named in diagnostics.</summary>
    public string SourcePath { get; init; } = "<circuit>";

    internal int EffectiveFusion => Fusion ? FusionMaxQubits : 0;

    internal int EffectiveThreads => Threads > 0 ? Threads : Environment.ProcessorCount;
}
