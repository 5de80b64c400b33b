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
/// <param name="PeakCommQubits">Most communication qubits alive at once on each QPU (never more than it has).</param>
/// <param name="SourceClbits">Clbits below this are the source circuit's; the rest hold network measurement results.</param>
/// <param name="SerialisationEbits">
/// Pairs spent because communication qubits ran short: copies made again after an early release,
/// visitors sent home early and back, and the extra tree links of gates moved off QPUs with one
/// communication qubit. With telegates only, Ebits = the placement's prediction + this.
/// </param>
public sealed record DistributedProgram(
    Circuit Circuit,
    ImmutableArray<int> QpuOfQubit,
    ImmutableArray<bool> IsCommQubit,
    ImmutableArray<int> DataQubitMap,
    ImmutableArray<EprPair> EprPairs,
    ImmutableArray<long> EbitsByLink,
    ImmutableArray<int> PeakCommQubits,
    int SourceClbits,
    long SerialisationEbits = 0)
{
    /// <summary>Entanglement swaps joining pairs across QPUs that share no link (each pair is still in <see cref="EprPairs"/>).</summary>
    public ImmutableArray<EntanglementSwap> Swaps { get; init; } = [];

    /// <summary>Teleported qubits moved into a spare data qubit on arrival (<see cref="DistributionOptions.ParkVisitors"/>).</summary>
    public int ParkedVisits { get; init; }

    /// <summary>EPR pairs consumed over all links.</summary>
    public long Ebits => EprPairs.Length;

    /// <summary>QPUs where more communication qubits are alive at once than the topology grants (none: the lowering serialises).</summary>
    public ImmutableArray<int> QpusOverCommLimit(Topology.Topology topology)
    {
        ArgumentNullException.ThrowIfNull(topology);
        return [.. Enumerable.Range(0, PeakCommQubits.Length).Where(p => PeakCommQubits[p] > topology.Qpus[p].CommQubits)];
    }
}
