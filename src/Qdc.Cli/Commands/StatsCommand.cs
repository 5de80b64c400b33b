using System.CommandLine;
using Qdc.Circuits;

namespace Qdc.Cli.Commands;

/// <summary><c>qdc stats CIRCUIT [--json]</c>: what a circuit holds, as a table or as JSON.</summary>
internal static class StatsCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var circuit = CircuitInput.CircuitArgument();
        var json = new Option<bool>("--json") { Description = "Print JSON with the keys qubits, clbits, gates, twoQubitGates, depth and gateCounts." };
        var param = CircuitInput.ParamOption();
        var command = new Command("stats", "Parse a circuit and print its size: qubits, clbits, gate applications, two-qubit gates, depth and a count per gate.\n\nExamples:\n  qdc stats examples/qft16.qasm\n  qdc stats circuit.qasm --json --param theta=0.5")
        {
            circuit,
            json,
            param,
        };
        command.SetAction(parse =>
        {
            var c = CircuitInput.Load(parse.GetValue(circuit)!, parse.GetValue(param), stderr, out int exit);
            if (c is null)
            {
                return exit;
            }
            var stats = CircuitStats.Of(c);
            if (parse.GetValue(json))
            {
                stdout.Write(stats.ToJson());
            }
            else
            {
                stdout.Write(stats.ToText());
            }
            return ExitCodes.Success;
        });
        return command;
    }
}
