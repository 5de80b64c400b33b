using System.CommandLine;
using Qdc.Circuits.Decompositions;
using Qdc.Circuits.Diagnostics;
using Qdc.Compiler.Emission;
using Qdc.Simulation.Stabilizer;

namespace Qdc.Cli.Commands;

/// <summary>
/// <c>qdc validate CIRCUIT DIR</c>: reads DIR/nodes/*.qasm, joins them into one circuit (pairs as
/// Bell-pair preparations, messages as bit copies) and checks it against the source.
/// </summary>
internal static class ValidateCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var circuit = CircuitInput.CircuitArgument();
        var dir = new Argument<string>("DIR") { Description = "The output folder of 'qdc compile': its nodes/*.qasm programs are checked." };
        var seed = new Option<ulong>("--seed") { Description = "Seed of the random input states.", DefaultValueFactory = _ => 1 };
        var maxQubits = new Option<int>("--max-qubits") { Description = "Check joined programs of at most this many qubits (each one more doubles time and memory); bigger ones exit 4, unless the source is Clifford: then the stabilizer tableau checks them. Checks estimated past about a minute of CPU are also refused, unless this is above its default. A Clifford source goes to the tableau once the statevector would take over 5 s.", DefaultValueFactory = _ => ProgramValidation.DefaultMaxQubits };
        var clifford = new Option<bool>("--clifford") { Description = "Check on a stabilizer tableau instead of a statevector: any size, for Clifford sources (qdc proxy makes one from any circuit); measurement branches drawn at random." };
        var branches = new Option<int>("--branches") { Description = "With --clifford: random measurement branches to check (each wrong branch shows on about half of them or more).", DefaultValueFactory = _ => new CliffordEquivalenceOptions().Branches };
        var param = CircuitInput.ParamOption();
        var command = new Command("validate",
            "Prove node programs equivalent to their source: parse DIR/nodes/*.qasm, join them (EPR pairs become Bell-pair preparations, "
            + "messages bit copies) and simulate the result against CIRCUIT on random inputs and measurement branches. "
            + "With --clifford, a Clifford source is checked on a stabilizer tableau instead, at any size (QDC0703 for a gate that is not Clifford, "
            + "QDC0704 and exit 4 for a measurement, reset or condition before the end of the source). "
            + "Exit 0 equivalent, 3 inequivalent, 1 bad input, 4 too big to simulate or not checkable.\n\n"
            + "Examples:\n  qdc compile examples/ghz12.qasm --topology examples/line4.json -o out\n  qdc validate examples/ghz12.qasm out\n"
            + "  qdc proxy examples/qft16.qasm -o qft16-proxy.qasm && qdc compile qft16-proxy.qasm -o out2 && qdc validate --clifford qft16-proxy.qasm out2")
        {
            circuit,
            dir,
            seed,
            maxQubits,
            clifford,
            branches,
            param,
        };
        command.SetAction(parse =>
        {
            var source = CircuitInput.Load(parse.GetValue(circuit)!, parse.GetValue(param), stderr, out int exit);
            if (source is null)
            {
                return exit;
            }
            var bag = new DiagnosticBag();
            var joined = NodeJoiner.Load(Path.Combine(parse.GetValue(dir)!, NodeFiles.Folder), bag);
            CircuitInput.Report(bag, stderr);
            if (joined is null)
            {
                return ExitCodes.InputError;
            }
            if (joined.SourceQubits != source.QubitCount || joined.SourceClbits != source.ClbitCount)
            {
                stderr.WriteLine($"qdc: the node programs were compiled from a circuit of {joined.SourceQubits} qubits and {joined.SourceClbits} clbits, not this one ({source.QubitCount} and {source.ClbitCount})");
                return ExitCodes.InputError;
            }
            // An approximate compile is checked against the circuit it approximated, with the angle it recorded.
            double approximate = ApproximationInput.FromReport(parse.GetValue(dir)!);
            if (approximate > 0)
            {
                source = Normalizer.ToBasis(source, approximate, out var approximation);
                stdout.WriteLine($"{ApproximationInput.Summary(approximation)}, as report.json records: checking the approximate circuit");
            }
            if (parse.GetValue(clifford))
            {
                if (parse.GetValue(branches) < 1)
                {
                    stderr.WriteLine("qdc: --branches must be at least 1");
                    return ExitCodes.Usage;
                }
                return CliffordValidation.Run(parse.GetValue(circuit)!, parse.GetValue(param), source, joined, parse.GetValue(seed), parse.GetValue(branches), stdout, stderr);
            }
            return ProgramValidation.Run(source, joined, parse.GetValue(seed), strict: true, stdout, stderr, parse.GetValue(maxQubits));
        });
        return command;
    }
}
