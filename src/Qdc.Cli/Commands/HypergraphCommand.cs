using System.CommandLine;

namespace Qdc.Cli.Commands;

/// <summary><c>qdc hypergraph …</c>: work on plain hMETIS hypergraphs, apart from circuits.</summary>
internal static class HypergraphCommand
{
    public static Command Build(TextWriter stdout, TextWriter stderr)
    {
        var command = new Command("hypergraph", "Work on hypergraphs in hMETIS format, to compare qdc's partitioner with KaHyPar, hMETIS or PaToH.");
        command.Subcommands.Add(HypergraphPartitionCommand.Build(stdout, stderr));
        return command;
    }
}
