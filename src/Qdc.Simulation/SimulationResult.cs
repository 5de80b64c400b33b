using System.Collections.Immutable;
using Qdc.Circuits.Diagnostics;

namespace Qdc.Simulation;

/// <summary>The outcome of one run: the final state and classical bits, or why there is none.</summary>
public sealed class SimulationResult
{
    internal SimulationResult(StateVector? state, ImmutableArray<bool> clbits, Diagnostic? error)
    {
        State = state;
        Clbits = clbits;
        Error = error;
    }

    public bool Succeeded => Error is null;

    /// <summary>The final state (after the circuit's global phase); null when <see cref="Error"/> is set.</summary>
    public StateVector? State { get; }

    /// <summary>Clbit values, index c being clbit c.</summary>
    public ImmutableArray<bool> Clbits { get; }

    public Diagnostic? Error { get; }

    /// <summary>The clbits as a bitstring, clbit 0 rightmost.</summary>
    public string Bitstring => Simulator.Bitstring(Clbits.AsSpan());
}
