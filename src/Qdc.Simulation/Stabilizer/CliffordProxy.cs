using System.Collections.Immutable;
using Qdc.Circuits;
using Qdc.Circuits.Decompositions;
using Qdc.Circuits.Gates;

namespace Qdc.Simulation.Stabilizer;

/// <summary>
/// A Clifford circuit with the same qubits and the same two-qubit structure as a source, so that
/// compiling it gives the same hypergraph, partition and ebits, while the stabilizer check can
/// prove its distributed programs. The source is normalized (as compile does), Clifford gates stay,
/// and each other gate becomes a Clifford that the partitioner and the lowering treat alike: a
/// one-qubit gate keeps whether it commutes or anticommutes with Z and with X (which decides
/// where a qubit's runs break and what embedding does), a diagonal two-qubit gate becomes cz.
/// </summary>
public static class CliffordProxy
{
    private static readonly Gate Cz = Gate.Create("cz");
    private static readonly Gate S = Gate.Create("s");
    private static readonly Gate Sdg = Gate.Create("sdg");
    private static readonly Gate Sx = Gate.Create("sx");
    private static readonly Gate Sxdg = Gate.Create("sxdg");
    private static readonly Gate H = Gate.Create("h");

    // X·S: anticommutes with Z, neither commutes nor anticommutes with X.
    private static readonly Gate XS = Gate.Create("u3", Math.PI, 0, -Math.PI / 2);

    // Z·SX: anticommutes with X, neither commutes nor anticommutes with Z.
    private static readonly Gate ZSx = Gate.Create("u3", Math.PI / 2, Math.PI / 2, Math.PI / 2);

    public static Circuit Of(Circuit source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var basis = Normalizer.ToBasis(source);
        var ops = ImmutableArray.CreateBuilder<Operation>(basis.Operations.Length);
        foreach (var op in basis.Operations)
        {
            ops.Add(op is GateOperation g && !CliffordProgram.IsClifford(g) ? new GateOperation(Replacement(g.Gate), g.Qubits, g.Condition) : op);
        }
        return basis.WithOperations(ops.MoveToImmutable(), 0);
    }

    /// <summary>The Clifford that stands for a non-Clifford basis gate (one-qubit, or diagonal on two).</summary>
    internal static Gate Replacement(Gate gate)
    {
        var m = gate.Matrix;
        if (m.Qubits == 2)
        {
            // Normalized circuits have cx (Clifford) and diagonal two-qubit gates only.
            return m.IsDiagonal() ? Cz : throw new ArgumentException($"{gate} is neither one-qubit nor diagonal: normalize first", nameof(gate));
        }
        var z = OneQubitClass.Image(m, GateLibrary.Z);
        var x = OneQubitClass.Image(m, GateLibrary.X);
        if (z == new SignedPauli('Z', false))
        {
            // A phase φ in (0, π) becomes S, in (π, 2π) S† (never 0 or π: those are Clifford).
            return Math.Sin((m[1, 1] / m[0, 0]).Phase) > 0 ? S : Sdg;
        }
        if (x == new SignedPauli('X', false))
        {
            // The same in the X basis: sx is S there.
            var inX = GateLibrary.H.Multiply(m).Multiply(GateLibrary.H);
            return Math.Sin((inX[1, 1] / inX[0, 0]).Phase) > 0 ? Sx : Sxdg;
        }
        if (z == new SignedPauli('Z', true))
        {
            return XS;
        }
        return x == new SignedPauli('X', true) ? ZSx : H;
    }
}
