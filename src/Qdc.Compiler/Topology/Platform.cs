namespace Qdc.Compiler.Topology;

/// <summary>A QPU's hardware family; each has a preset of native gates and timings.</summary>
public enum Platform
{
    /// <summary>No platform given: native gates u and cx, superconducting timings.</summary>
    Generic,
    Superconducting,
    TrappedIon,
    NeutralAtom,
}
