namespace Qdc.Simulation.Stabilizer;

/// <summary>What a <see cref="CliffordGate"/> does to the tableau.</summary>
public enum CliffordGateKind
{
    H,
    S,
    Sdg,
    X,
    Y,
    Z,
    Cx,
    Cz,
    Swap,
    Measure,
    Reset,
}
