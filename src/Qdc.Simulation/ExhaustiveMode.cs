namespace Qdc.Simulation;

/// <summary>Whether <see cref="Equivalence.Check"/> forces every measurement branch in turn.</summary>
public enum ExhaustiveMode
{
    /// <summary>Every branch when the candidate has few enough measurements, random branches otherwise.</summary>
    Auto,
    Always,
    Never,
}
