namespace Qdc.Simulation;

/// <summary>Diagnostic codes of the simulator.</summary>
public static class SimulationCodes
{
    /// <summary>The statevector does not fit in the memory available.</summary>
    public const string OutOfMemory = "QDC0701";

    /// <summary>The circuit has more qubits than the simulator accepts.</summary>
    public const string TooManyQubits = "QDC0702";

    /// <summary>A gate of the source is not Clifford, so the stabilizer check cannot take it (qdc proxy makes one that is).</summary>
    public const string NotClifford = "QDC0703";

    /// <summary>The source measures, resets or conditions before its end, which the stabilizer check does not compare.</summary>
    public const string NotUnitary = "QDC0704";
}
