using Qdc.Circuits.Diagnostics;
using Qdc.Compiler.Partitioning;

namespace Qdc.Compiler.Distribution;

/// <summary>
/// The lowering phase's one entry: turns a placement into a distributed program. Every run of
/// two-qubit gates that spans several QPUs becomes a telegate: the qubit is cat-entangled to each
/// QPU that executes gates of the run (relayed along a Steiner tree when QPUs share no link), the
/// gates act on the copies there, and the copies are cat-disentangled. One pair per tree link
/// serves the whole run, so on any topology the pairs consumed equal the partitioner's objective,
/// unless a QPU's communication qubits run short and copies must be serialised (counted apart).
/// With <see cref="DistributionStrategy.Auto"/>, a qubit whose consecutive runs all go to one
/// other QPU is teleported there and back instead, when that takes fewer pairs; with
/// <see cref="DistributionStrategy.Teledata"/>, whenever it can.
/// </summary>
public static class Distributor
{
    /// <summary>Throws InvalidOperationException when the topology's communication qubits cannot carry the placement.</summary>
    public static DistributedProgram Lower(Placement placement, Topology.Topology topology, DistributionOptions? options = null)
    {
        var diagnostics = new DiagnosticBag();
        return Lower(placement, topology, options, diagnostics)
            ?? throw new InvalidOperationException(diagnostics.Items[0].Message);
    }

    /// <summary>Null, with an error in <paramref name="diagnostics"/>, when the topology's communication qubits cannot carry the placement.</summary>
    public static DistributedProgram? Lower(Placement placement, Topology.Topology topology, DistributionOptions? options, DiagnosticBag diagnostics, string topologyPath = "topology")
    {
        ArgumentNullException.ThrowIfNull(placement);
        ArgumentNullException.ThrowIfNull(topology);
        ArgumentNullException.ThrowIfNull(diagnostics);
        if (placement.QpuOfQubit.Any(p => (uint)p >= (uint)topology.QpuCount))
        {
            throw new ArgumentException("the placement names a QPU the topology does not have", nameof(placement));
        }
        try
        {
            return new Lowering(placement, topology, options ?? new DistributionOptions()).Run();
        }
        catch (LoweringFailure failure)
        {
            diagnostics.Error(DistributionCodes.TooFewCommQubits, failure.Message, SourceLocation.None(topologyPath));
            return null;
        }
    }

    /// <summary>
    /// As <see cref="Lower(Placement, Topology.Topology, DistributionOptions?, DiagnosticBag, string)"/>,
    /// but with the auto and teledata strategies the placement's
    /// <see cref="Placement.TeledataAlternative"/> is lowered too, and whichever spends fewer pairs
    /// is kept (the placement itself on a tie), with the placement it came from.
    /// </summary>
    public static (Placement Placement, DistributedProgram Program)? LowerBest(Placement placement, Topology.Topology topology, DistributionOptions options, DiagnosticBag diagnostics, string topologyPath = "topology")
    {
        ArgumentNullException.ThrowIfNull(placement);
        ArgumentNullException.ThrowIfNull(options);
        if (Lower(placement, topology, options, diagnostics, topologyPath) is not { } program)
        {
            return null;
        }
        if (options.Strategy != DistributionStrategy.Telegate && placement.TeledataAlternative is { } alternative
            && Lower(alternative, topology, options, new DiagnosticBag(), topologyPath) is { } other && other.Ebits < program.Ebits)
        {
            return (alternative, other);
        }
        return (placement, program);
    }
}
