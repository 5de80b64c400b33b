using Qdc.Circuits;
using Qdc.Simulation;

namespace Qdc.Compiler.Distribution;

/// <summary>
/// For validation: the equivalence check compares states just before the reference's final
/// measurements, so the distributed program must be compared before its copies of them too.
/// </summary>
public static class FinalMeasurements
{
    /// <summary>
    /// The circuit without measurements that nothing after them uses: no later operation on the
    /// qubit, no later condition on the bit. Network measurements always feed a correction, so
    /// only the source's final measurements go.
    /// </summary>
    public static Circuit Strip(Circuit circuit) => TerminalMeasurements.Strip(circuit);
}
