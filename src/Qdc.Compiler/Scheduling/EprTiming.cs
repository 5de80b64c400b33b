namespace Qdc.Compiler.Scheduling;

/// <summary>When the scheduler starts generating a pair.</summary>
public enum EprTiming
{
    /// <summary>As soon as a communication qubit on each end and a generator are free (ahead of need).</summary>
    Prefetch,

    /// <summary>The baseline: only once the gate that consumes the pair could otherwise start.</summary>
    OnDemand,
}
