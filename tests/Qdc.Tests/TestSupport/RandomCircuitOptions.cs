using Qdc.Circuits.Gates;

namespace Qdc.Tests.TestSupport;

/// <summary>What <see cref="RandomCircuits"/> may put in a circuit; rates are per operation.</summary>
public sealed record RandomCircuitOptions
{
    public int Qubits { get; init; } = 4;

    public int Clbits { get; init; }

    public int Operations { get; init; } = 30;

    /// <summary>Gates are drawn from the union of these libraries.</summary>
    public GateLibraries Libraries { get; init; } =
        GateLibraries.QiskitQelib1 | GateLibraries.StdGates | GateLibraries.Qasm2Builtin;

    /// <summary>Also draw the hidden inverse gates (csx_dg, rccx_dg, …) that inv@ produces.</summary>
    public bool IncludeHiddenGates { get; init; }

    /// <summary>Largest number of extra ctrl@ controls on a gate (0 for none).</summary>
    public int MaxExtraControls { get; init; }

    public double ExtraControlRate { get; init; } = 0.2;

    /// <summary>Needs <see cref="Clbits"/> &gt; 0.</summary>
    public double MeasureRate { get; init; }

    /// <summary>Chance that a gate or measurement gets a classical condition; needs clbits.</summary>
    public double ConditionRate { get; init; }

    public double ResetRate { get; init; }

    public double BarrierRate { get; init; }
}
