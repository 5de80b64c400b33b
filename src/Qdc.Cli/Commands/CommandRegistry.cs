using System.CommandLine;

namespace Qdc.Cli.Commands;

/// <summary>Every sub-command of qdc, in the order --help lists them.</summary>
internal static class CommandRegistry
{
    public static IEnumerable<Command> All(TextWriter stdout, TextWriter stderr)
    {
        yield return CompileCommand.Create(stdout, stderr);
        yield return StatsCommand.Create(stdout, stderr);
        yield return SimulateCommand.Create(stdout, stderr);
        yield return PartitionCommand.Create(stdout, stderr);
        yield return ValidateCommand.Create(stdout, stderr);
        yield return ProxyCommand.Create(stdout, stderr);
        yield return TopologyCommand.Build(stdout, stderr);
        yield return HypergraphCommand.Build(stdout, stderr);
        yield return DiffCommand.Create(stdout, stderr);
    }
}
