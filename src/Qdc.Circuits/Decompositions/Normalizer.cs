using System.Collections.Immutable;
using Qdc.Circuits.Gates;

namespace Qdc.Circuits.Decompositions;

/// <summary>
/// Brings a circuit to one-qubit gates, cx and the diagonal two-qubit gates, which partitioning
/// needs whole; everything else is decomposed exactly, and a diagonal gate written as
/// cx · diagonal · cx is folded back into one (<see cref="CxPhaseFolding"/>). On request, two-qubit
/// diagonal gates closer to the identity than a given angle are dropped (<see cref="Approximation"/>).
/// </summary>
public static class Normalizer
{
    /// <summary>True for the gates <see cref="ToBasis(Circuit)"/> keeps as they are.</summary>
    public static bool IsBasisGate(Gate gate) => BasisRules.IsBasis(gate);

    public static Circuit ToBasis(Circuit circuit) => ToBasis(circuit, 0, out _);

    /// <summary>
    /// As <see cref="ToBasis(Circuit)"/>, then without the two-qubit diagonal gates whose phases
    /// span less than <paramref name="dropBelowRadians"/> (0: exact).
    /// </summary>
    public static Circuit ToBasis(Circuit circuit, double dropBelowRadians, out Approximation approximation)
    {
        var ops = ImmutableArray.CreateBuilder<Operation>(circuit.Operations.Length);
        double phase = circuit.GlobalPhase;
        foreach (var op in circuit.Operations)
        {
            if (op is not GateOperation g || BasisRules.IsBasis(g.Gate))
            {
                ops.Add(op);
                continue;
            }
            var d = BasisRules.ToBasis(g);
            ops.AddRange(d.Operations);
            // A phase that only applies when a classical condition holds is a phase of that
            // branch alone, never observable, and not the circuit's global phase.
            if (g.Condition is null)
            {
                phase += d.GlobalPhase;
            }
        }
        var folded = CxPhaseFolding.Fold(ops, ref phase);
        return circuit.WithOperations(SmallPhaseDropping.Drop(folded, dropBelowRadians, out approximation), phase);
    }
}
