using Qdc.Circuits.Diagnostics;

namespace Qdc.Simulation;

/// <summary>Counts over shots, keyed by bitstring (clbit 0 rightmost), in ordinal key order.</summary>
public sealed class SamplingResult
{
    internal SamplingResult(int shots, SortedDictionary<string, int> counts, bool sampledFinalState, Diagnostic? error)
    {
        Shots = shots;
        Counts = counts;
        SampledFinalState = sampledFinalState;
        Error = error;
    }

    public bool Succeeded => Error is null;

    public int Shots { get; }

    public IReadOnlyDictionary<string, int> Counts { get; }

    /// <summary>True when the circuit had only final measurements, so shots were drawn from one final distribution.</summary>
    public bool SampledFinalState { get; }

    public Diagnostic? Error { get; }
}
