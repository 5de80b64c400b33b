using System.Collections.Immutable;
using Qdc.Circuits.Gates;

namespace Qdc.Circuits.Decompositions;

/// <summary>
/// Drops two-qubit diagonal gates that are within a small angle of the identity. In a QFT the
/// controlled phases fall off as π/2^d with the qubits' distance d, so below a few parts in 10⁵
/// most of a large QFT's gates do next to nothing, yet each one crossing QPUs costs as much
/// entanglement as a large one (Coppersmith's approximate QFT).
/// </summary>
internal static class SmallPhaseDropping
{
    public static ImmutableArray<Operation> Drop(ImmutableArray<Operation> ops, double below, out Approximation approximation)
    {
        if (below <= 0)
        {
            approximation = Approximation.Exact;
            return ops;
        }
        var kept = ImmutableArray.CreateBuilder<Operation>(ops.Length);
        int dropped = 0;
        double bound = 0;
        foreach (var op in ops)
        {
            if (op is GateOperation { Qubits.Length: 2 } g && g.Gate.Matrix.IsDiagonal() && PhaseSpan(g.Gate.Matrix) is var span && span < below)
            {
                dropped++;
                // The best global phase sits mid-span, so each entry is off by at most span/2.
                bound += 2 * Math.Sin(span / 4);
                continue;
            }
            kept.Add(op);
        }
        approximation = new Approximation(below, dropped, bound);
        return kept.ToImmutable();
    }

    /// <summary>The shortest arc of the unit circle that holds all the diagonal's phases.</summary>
    internal static double PhaseSpan(GateMatrix diagonal)
    {
        var phases = new double[diagonal.Dimension];
        for (int i = 0; i < phases.Length; i++)
        {
            var d = diagonal[i, i];
            phases[i] = Math.Atan2(d.Imaginary, d.Real);
        }
        Array.Sort(phases);
        // The span is the circle less its widest gap between neighbouring phases.
        double widestGap = phases[0] + (2 * Math.PI) - phases[^1];
        for (int i = 1; i < phases.Length; i++)
        {
            widestGap = Math.Max(widestGap, phases[i] - phases[i - 1]);
        }
        return (2 * Math.PI) - widestGap;
    }
}
