using System.CommandLine;
using System.Globalization;
using Qdc.Compiler.Partitioning;

namespace Qdc.Cli.Commands;

/// <summary><c>qdc partition CIRCUIT [--topology FILE] [-o FILE] [--export-hmetis FILE] [--seed N]</c>.</summary>
internal static class PartitionCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var circuit = CircuitInput.CircuitArgument();
        var topologyOption = TopologyInput.Option();
        var output = new Option<string?>("--output", "-o") { Description = "Write partition.json here (placement, each two-qubit gate's QPU and realization, predicted ebits)." };
        var hmetis = new Option<string?>("--export-hmetis") { Description = "Also write the circuit's hypergraph in hMETIS format (qubits weight 1, gates weight 0), to check the cut with KaHyPar or hMETIS." };
        var seed = new Option<ulong>("--seed") { Description = "Seed of the partitioner; the same seed gives the same placement on any thread count.", DefaultValueFactory = _ => 1 };
        var param = CircuitInput.ParamOption();
        var approximate = ApproximationInput.Option();
        var command = new Command("partition",
            "Place a circuit's qubits on the QPUs of a data center with qdc's multilevel hypergraph partitioner, "
            + "minimizing the EPR pairs (ebits) a telegate distribution needs, under each QPU's capacity.\n\n"
            + "Examples:\n  qdc partition examples/qft16.qasm --topology examples/dc4.json\n"
            + "  qdc partition circuit.qasm --topology dc.json -o partition.json --export-hmetis circuit.hgr")
        {
            circuit,
            topologyOption,
            output,
            hmetis,
            seed,
            param,
            approximate,
        };
        command.SetAction(parse =>
        {
            ulong s = parse.GetValue(seed);
            if (PlacedCircuit.Load(parse.GetValue(circuit)!, parse.GetValue(param), parse.GetValue(topologyOption), s, stderr, out int exit, approximate: parse.GetValue(approximate), teledata: true) is not { } placed)
            {
                return exit;
            }
            var (topology, placement) = (placed.Topology, placed.Placement);
            double seconds = placed.Seconds;
            if (parse.GetValue(hmetis) is { } hgr)
            {
                AtomicFile.Write(hgr, HmetisWriter.ToText(CircuitHypergraph.Build(placement.Normalized).Graph, forceVertexWeights: true));
            }
            if (parse.GetValue(output) is { } o)
            {
                AtomicFile.Write(o, PartitionJson.Write(placement, topology, s));
            }
            if (ApproximationInput.Summary(placement.Approximation) is { } approximated)
            {
                stdout.WriteLine(approximated);
            }
            int telegates = placement.Gates.Count(g => g.Realization == GateRealization.Telegate);
            stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ebits {placement.Ebits} (predicted, telegates only)"));
            if (placement.TeledataAlternative is { } visiting)
            {
                // compile's default strategy lowers this one too and keeps the cheaper.
                stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ebits {visiting.Ebits} with teledata (predicted: qubits visit other QPUs for stretches of their runs; compile --strategy auto weighs both)"));
            }
            stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"two-qubit gates {placement.Gates.Length}: {placement.Gates.Length - telegates} local, {telegates} across QPUs"));
            for (int b = 0; b < topology.QpuCount; b++)
            {
                stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {topology.Qpus[b].Id,-10} {placement.Loads[b],4} / {topology.Qpus[b].DataQubits} qubits"));
            }
            stderr.WriteLine(string.Create(CultureInfo.InvariantCulture, $"partitioned in {seconds:F3} s"));
            return ExitCodes.Success;
        });
        return command;
    }
}
