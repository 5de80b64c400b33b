using System.Collections.Immutable;
using Qdc.Circuits;

namespace Qdc.Compiler.Distribution;

/// <summary>
/// The lowering phase's result: one circuit over every QPU's data and communication qubits, in
/// which network operations are ordinary IR (EPR pairs as reset-reset-h-cx, measured bits in fresh
/// clbits, corrections as classically conditioned gates), so the simulator runs it unchanged.
/// Qubits are grouped by QPU: each QPU's data qubits, then its communication qubits.
/// </summary>
/// <param name="DataQubitMap">DataQubitMap[i] is the program qubit that holds source qubit i (the equivalence check's qubit map).</param>
/// <param name="EbitsByLink">Pairs consumed on each link, indexed like the topology's links.</param>
/// <param name="PeakCommQubits">Most communication qubits alive at once on each QPU.</param>
/// <param name="SourceClbits">Clbits below this are the source circuit's; the rest hold network measurement results.</param>
public sealed record DistributedProgram(
    Circuit Circuit,
    ImmutableArray<int> QpuOfQubit,
    ImmutableArray<bool> IsCommQubit,
    ImmutableArray<int> DataQubitMap,
    ImmutableArray<EprPair> EprPairs,
    ImmutableArray<long> EbitsByLink,
    ImmutableArray<int> PeakCommQubits,
    int SourceClbits)
{
    /// <summary>EPR pairs consumed over all links.</summary>
    public long Ebits => EprPairs.Length;

    /// <summary>QPUs where more communication qubits are alive at once than the topology grants (a scheduler must serialise).</summary>
    public ImmutableArray<int> QpusOverCommLimit(Topology.Topology topology)
    {
        ArgumentNullException.ThrowIfNull(topology);
        return [.. Enumerable.Range(0, PeakCommQubits.Length).Where(p => PeakCommQubits[p] > topology.Qpus[p].CommQubits)];
    }
}
