using Qdc.Circuits;

namespace Qdc.Simulation.Stabilizer;

/// <summary>Angles as multiples of π/2, which is what makes a phase Clifford.</summary>
internal static class QuarterTurns
{
    private const double Tolerance = 1e-9;

    /// <summary>k in 0..3 with angle ≡ k·π/2 (mod 2π), or null when the angle is no such multiple.</summary>
    public static int? Of(double angle)
    {
        double turns = angle / (Math.PI / 2);
        double k = Math.Round(turns);
        if (!double.IsFinite(turns) || Math.Abs(turns - k) > Tolerance)
        {
            return null;
        }
        return (int)(((long)k % 4 + 4) % 4);
    }

    /// <summary>The phase gates that apply e^{i·k·π/2} to |1⟩ on qubit q.</summary>
    public static void Phase(int k, int q, Condition? condition, List<CliffordGate> into)
    {
        switch (k)
        {
            case 1: into.Add(new CliffordGate(CliffordGateKind.S, q, Condition: condition)); break;
            case 2: into.Add(new CliffordGate(CliffordGateKind.Z, q, Condition: condition)); break;
            case 3: into.Add(new CliffordGate(CliffordGateKind.Sdg, q, Condition: condition)); break;
            default: break;
        }
    }
}
