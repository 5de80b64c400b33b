using Qdc.Circuits;

namespace Qdc.Simulation.Stabilizer;

/// <summary>One tableau operation: a gate on A (and B), or a measurement of A into <see cref="Clbit"/>, run only when <see cref="Condition"/> holds.</summary>
public readonly record struct CliffordGate(CliffordGateKind Kind, int A, int B = -1, int Clbit = -1, Condition? Condition = null)
{
    /// <summary>Applies the operation; a measurement or reset with a random outcome takes <paramref name="randomOutcome"/>, and <paramref name="wasRandom"/> says whether it did.</summary>
    public int Apply(Tableau tableau, int randomOutcome, out bool wasRandom)
    {
        ArgumentNullException.ThrowIfNull(tableau);
        wasRandom = false;
        switch (Kind)
        {
            case CliffordGateKind.H: tableau.H(A); break;
            case CliffordGateKind.S: tableau.S(A); break;
            case CliffordGateKind.Sdg: tableau.Sdg(A); break;
            case CliffordGateKind.X: tableau.X(A); break;
            case CliffordGateKind.Y: tableau.Y(A); break;
            case CliffordGateKind.Z: tableau.Z(A); break;
            case CliffordGateKind.Cx: tableau.Cx(A, B); break;
            case CliffordGateKind.Cz: tableau.Cz(A, B); break;
            case CliffordGateKind.Swap: tableau.Swap(A, B); break;
            case CliffordGateKind.Measure: return tableau.Measure(A, randomOutcome, out wasRandom);
            default:
                wasRandom = !tableau.IsDeterministic(A);
                tableau.Reset(A, randomOutcome);
                break;
        }
        return 0;
    }
}
