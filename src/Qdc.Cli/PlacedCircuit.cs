using System.Diagnostics;
using Qdc.Circuits;
using Qdc.Compiler.Partitioning;

namespace Qdc.Cli;

/// <summary>
/// What `partition` and `compile` start from: the circuit, the topology, and the placement,
/// loaded and computed with every failure reported and turned into its exit code.
/// </summary>
internal sealed record PlacedCircuit(Circuit Source, Compiler.Topology.Topology Topology, Placement Placement, double Seconds)
{
    public static PlacedCircuit? Load(string circuitPath, string[]? parameters, string? topologyPath, ulong seed, TextWriter stderr, out int exitCode, int threads = 0, double approximate = 0, bool teledata = false)
    {
        var source = CircuitInput.Load(circuitPath, parameters, stderr, out exitCode);
        if (source is null)
        {
            return null;
        }
        var topology = TopologyInput.Load(topologyPath, source.QubitCount, stderr, out exitCode);
        if (topology is null)
        {
            return null;
        }
        var clock = Stopwatch.StartNew();
        var placement = CircuitPartitioner.Place(source, topology, new PartitionOptions { Seed = seed, DropPhasesBelow = approximate, Teledata = teledata, MaxDegreeOfParallelism = threads > 0 ? threads : Environment.ProcessorCount });
        if (placement is null)
        {
            stderr.WriteLine($"qdc: the circuit's qubits do not fit the QPUs of '{topology.Name}'");
            exitCode = ExitCodes.Infeasible;
            return null;
        }
        return new PlacedCircuit(source, topology, placement, clock.Elapsed.TotalSeconds);
    }
}
