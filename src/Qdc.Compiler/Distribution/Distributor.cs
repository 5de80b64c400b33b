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
    /// <summary>Above this many operations <see cref="LowerBest"/> ignores its cost (and so does not try the unparked lowering).</summary>
    public const int CostedOperationLimit = 200_000;

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
    /// <see cref="Placement.TeledataAlternative"/> is lowered too, and the better program is kept,
    /// with the placement it came from: the lower <paramref name="cost"/> when one is given, then
    /// the fewer pairs, then the fewer operations, then the placement itself. With a cost, each
    /// lowering that parked a visitor (<see cref="DistributionOptions.ParkVisitors"/>) is also
    /// tried without: parking frees a communication qubit for two local CX, which only pays where
    /// qubits are short. The compiler passes the schedule's makespan, so a pair saved does not win
    /// at any price in time. Above <see cref="CostedOperationLimit"/> operations the cost is ignored.
    /// </summary>
    public static (Placement Placement, DistributedProgram Program)? LowerBest(Placement placement, Topology.Topology topology, DistributionOptions options, DiagnosticBag diagnostics, string topologyPath = "topology", Func<DistributedProgram, double>? cost = null)
    {
        ArgumentNullException.ThrowIfNull(placement);
        ArgumentNullException.ThrowIfNull(options);
        if (Lower(placement, topology, options, diagnostics, topologyPath) is not { } program)
        {
            return null;
        }
        if (options.Strategy == DistributionStrategy.Telegate)
        {
            return (placement, program);
        }
        var candidates = new List<(Placement Placement, DistributedProgram Program)> { (placement, program) };
        if (placement.TeledataAlternative is { } alternative && Lower(alternative, topology, options, new DiagnosticBag(), topologyPath) is { } other)
        {
            candidates.Add((alternative, other));
        }
        // Scheduling every candidate costs seconds on the biggest programs: there the pairs decide.
        if (candidates.Any(c => c.Program.Circuit.Operations.Length > CostedOperationLimit))
        {
            cost = null;
        }
        if (cost is not null)
        {
            foreach (var (source, parked) in candidates.ToArray())
            {
                if (parked.ParkedVisits > 0 && Lower(source, topology, options with { ParkVisitors = false }, new DiagnosticBag(), topologyPath) is { } unparked)
                {
                    candidates.Add((source, unparked));
                }
            }
        }
        if (candidates.Count == 1)
        {
            return candidates[0];
        }
        var costs = candidates.Select(c => cost?.Invoke(c.Program) ?? 0).ToArray();
        int best = 0;
        for (int i = 1; i < candidates.Count; i++)
        {
            var (mine, theirs) = (candidates[i].Program, candidates[best].Program);
            if ((costs[i], mine.Ebits, mine.Circuit.Operations.Length).CompareTo((costs[best], theirs.Ebits, theirs.Circuit.Operations.Length)) < 0)
            {
                best = i;
            }
        }
        return candidates[best];
    }
}
