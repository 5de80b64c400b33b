using System.CommandLine;
using Qdc.Circuits.Diagnostics;
using Qdc.Cli.Diff;
using Qdc.Cli.Output;

namespace Qdc.Cli.Commands;

/// <summary>
/// <c>qdc diff DIR_A DIR_B [--json]</c>: compares two compiled outputs by meaning. Exit codes
/// follow diff(1): 0 equal, 1 different, 2 trouble (a missing or corrupt file, or bad usage),
/// so a CI step can tell "the output changed" from "the output could not be read".
/// </summary>
internal static class DiffCommand
{
    public const int Different = 1;
    public const int Trouble = 2;

    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var a = new Argument<string>("DIR_A") { Description = "The old output directory (e.g. the committed golden output)." };
        var b = new Argument<string>("DIR_B") { Description = "The new output directory." };
        var json = new Option<bool>("--json") { Description = "Print every difference as JSON (sorted keys) instead of the summary." };
        var command = new Command("diff",
            "Compare two outputs of qdc compile by meaning: qubits that moved QPU, gates that changed realization, "
            + "ebits and makespan per link and QPU, the schedule in summary, and node programs line by line. "
            + "Exit 0 if equal, 1 if they differ, 2 if a directory or file is missing or corrupt.\n\n"
            + "Examples:\n  qdc diff examples/out/qft16.dc4 out\n  qdc diff old new --json")
        {
            a,
            b,
            json,
        };
        command.SetAction(parse =>
        {
            var diagnostics = new DiagnosticBag();
            string dirA = parse.GetValue(a)!, dirB = parse.GetValue(b)!;
            var left = CompiledOutput.Load(dirA, diagnostics);
            var right = CompiledOutput.Load(dirB, diagnostics);
            if (left is null || right is null)
            {
                DiagnosticWriter.Write(stderr, diagnostics);
                return Trouble;
            }
            var differences = OutputDiff.Compare(left, right);
            stdout.Write(parse.GetValue(json) ? DiffJsonWriter.Write(dirA, dirB, differences) : DiffTextWriter.Write(dirA, dirB, differences));
            return differences.Equal ? ExitCodes.Success : Different;
        });
        return command;
    }
}
