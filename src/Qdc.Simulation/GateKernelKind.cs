namespace Qdc.Simulation;

/// <summary>Which kernel a compiled gate runs.</summary>
internal enum GateKernelKind
{
    Diagonal,
    LowPair,
    Pair,
    Swap,
    Dense,
}
