using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Qdc.Circuits.Diagnostics;
using Qdc.Compiler.Partitioning;

namespace Qdc.Cli.Commands;

/// <summary>
/// <c>qdc hypergraph partition FILE.hgr -k K</c>: partitions any hMETIS hypergraph (weight-0
/// vertices allowed) into k blocks, writes one block id per line and prints km1= and cut=.
/// </summary>
internal static class HypergraphPartitionCommand
{
    private const string Examples = """
        Examples:
          qdc hypergraph partition ibm01.hgr -k 4                   balance ε = 0.03, writes ibm01.hgr.part.4
          qdc hypergraph partition circuit.hgr -k 2 --epsilon 0     blocks of at most ⌈W/k⌉
          qdc hypergraph partition circuit.hgr -k 3 --part-weights 17 17 16 -o out.part

        Standard output: km1=N (Σ w(e)·(λ(e)−1)), cut=N (weight of nets spanning blocks) and
        weights=w0 w1 … (block loads) and capacities=c0 c1 …; the time goes to standard error.
        Exit code 1 for a faulty file (with file:line:col diagnostics), 4 when the
        vertex weights cannot fit the capacities.
        """;

    public static Command Build(TextWriter stdout, TextWriter stderr)
    {
        var file = new Argument<string>("FILE") { Description = "Hypergraph in hMETIS format (fmt 0, 1, 10 or 11; % comments)." };
        var k = new Option<int>("-k", "--blocks") { Description = "Number of blocks (2 to 64).", Required = true };
        var epsilon = new Option<double>("--epsilon", "-e")
        {
            Description = "Imbalance: each block's weight is at most (1+ε)·⌈W/k⌉.",
            DefaultValueFactory = _ => 0.03,
        };
        var partWeights = new Option<long[]>("--part-weights")
        {
            Description = "Explicit capacity of each block (k numbers); overrides --epsilon.",
            AllowMultipleArgumentsPerToken = true,
        };
        var seed = new Option<ulong>("--seed") { Description = "Random seed; the same seed gives the same partition.", DefaultValueFactory = _ => 1 };
        var attempts = new Option<int>("--attempts") { Description = "Independent multilevel runs, the best kept (default: by size, 2 to 32)." };
        var output = new Option<string?>("-o", "--output") { Description = "Where to write the partition (default FILE.part.K)." };
        var command = new Command("partition", "Partition an hMETIS hypergraph into k blocks, minimizing connectivity−1 (km1) under hard block capacities.\n\n" + Examples)
        {
            file, k, epsilon, partWeights, seed, attempts, output,
        };
        command.SetAction(parse => Run(
            parse.GetValue(file)!,
            parse.GetValue(k),
            parse.GetValue(epsilon),
            parse.GetValue(partWeights),
            new PartitionOptions { Seed = parse.GetValue(seed), Attempts = Math.Max(0, parse.GetValue(attempts)) },
            parse.GetValue(output),
            stdout,
            stderr));
        return command;
    }

    private static int Run(string path, int k, double epsilon, long[]? partWeights, PartitionOptions options, string? output, TextWriter stdout, TextWriter stderr)
    {
        if (k is < 2 or > BlockCapacities.MaxBlocks)
        {
            stderr.WriteLine($"qdc: error {HmetisCodes.BadBlockOptions}: -k must be between 2 and {BlockCapacities.MaxBlocks}, not {k}");
            return ExitCodes.Usage;
        }
        if (partWeights is { Length: > 0 } && partWeights.Length != k)
        {
            stderr.WriteLine($"qdc: error {HmetisCodes.BadBlockOptions}: --part-weights needs {k} numbers, one per block, not {partWeights.Length}");
            return ExitCodes.Usage;
        }
        if (partWeights is not null && partWeights.Any(w => w < 0) || epsilon < 0 || double.IsNaN(epsilon))
        {
            stderr.WriteLine($"qdc: error {HmetisCodes.BadBlockOptions}: capacities and --epsilon must not be negative");
            return ExitCodes.Usage;
        }
        var diagnostics = new DiagnosticBag();
        Hypergraph? graph;
        try
        {
            graph = HmetisReader.ReadFile(path, diagnostics);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            diagnostics.Error(HmetisCodes.CannotRead, $"cannot read the file: {ex.Message}", SourceLocation.None(path));
            graph = null;
        }
        foreach (var d in diagnostics.Sorted())
        {
            stderr.WriteLine(d.Format());
        }
        if (graph is null)
        {
            return ExitCodes.InputError;
        }
        long[] capacities = partWeights is { Length: > 0 } ? partWeights : BlockCapacities.FromEpsilon(graph.TotalVertexWeight, k, epsilon);
        var cost = new AllToAllBlockCost(capacities);
        var clock = Stopwatch.StartNew();
        var result = MultilevelPartitioner.Partition(graph, cost, options);
        clock.Stop();
        if (!result.IsFeasible)
        {
            stderr.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"qdc: error: total vertex weight {graph.TotalVertexWeight} (heaviest vertex {graph.MaxVertexWeight}) does not fit in the capacities {string.Join(' ', capacities)}"));
            return ExitCodes.Infeasible;
        }
        var text = new StringBuilder();
        foreach (var b in result.BlockOf)
        {
            text.Append(b.ToString(CultureInfo.InvariantCulture)).Append('\n');
        }
        string target = output ?? string.Create(CultureInfo.InvariantCulture, $"{path}.part.{k}");
        AtomicFile.Write(target, text.ToString());
        stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"km1={result.Km1}"));
        stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"cut={result.Cut}"));
        stdout.WriteLine("weights=" + string.Join(' ', result.BlockWeights.Select(w => w.ToString(CultureInfo.InvariantCulture))));
        stdout.WriteLine("capacities=" + string.Join(' ', capacities.Select(w => w.ToString(CultureInfo.InvariantCulture))));
        stderr.WriteLine(string.Create(CultureInfo.InvariantCulture, $"time={clock.Elapsed.TotalSeconds:F3}s"));
        return ExitCodes.Success;
    }
}
