namespace Qdc.Compiler.Scheduling;

/// <summary>How the list scheduler lets a pair take a communication qubit ahead of its QPU's program order.</summary>
internal enum GrantRule
{
    /// <summary>Ahead only while every pair jumped over keeps the most qubits the program holds at any of them, plus one per jumper (and per skipped pair, for a pair its gate does not want yet).</summary>
    Cautious,

    /// <summary>
    /// Ahead whenever every pair jumped over still finds a qubit: the program's own demand there
    /// plus the qubits held by pairs after it fit the QPU (a banker's check per skipped pair).
    /// </summary>
    Reserve,

    /// <summary>
    /// Any free qubit to any pair. It can deadlock (the tests use it to show programs that need the
    /// checks), and then its run is dropped; where it does not, it can beat both checks, when a
    /// pair's qubit is in fact freed sooner than the program order promises.
    /// </summary>
    Greedy,
}
