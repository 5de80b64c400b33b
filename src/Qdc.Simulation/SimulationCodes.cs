namespace Qdc.Simulation;

/// <summary>Diagnostic codes of the simulator.</summary>
public static class SimulationCodes
{
    /// <summary>The statevector does not fit in the memory available.</summary>
    public const string OutOfMemory = "QDC0701";

    /// <summary>The circuit has more qubits than the simulator accepts.</summary>
    public const string TooManyQubits = "QDC0702";
}
