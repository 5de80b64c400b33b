namespace Qdc.Compiler.Distribution;

/// <summary>Diagnostic codes of the lowering phase (QDC085x; emission has QDC080x, output files QDC090x). Stable: scripts and tests match on them.</summary>
public static class DistributionCodes
{
    /// <summary>The QPUs' communication qubits are too few for the placement, however it is serialised.</summary>
    public const string TooFewCommQubits = "QDC0850";
}
