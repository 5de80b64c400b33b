using System.CommandLine;
using Qdc.Simulation;

namespace Qdc.Cli.Commands;

/// <summary><c>qdc simulate CIRCUIT [--shots N] [--seed N] [--statevector]</c>: the built-in statevector simulator.</summary>
internal static class SimulateCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var circuit = CircuitInput.CircuitArgument();
        var shots = new Option<int>("--shots") { Description = "How many shots to sample (counts keyed by bitstring, clbit 0 rightmost).", DefaultValueFactory = _ => 1024 };
        var seed = new Option<ulong>("--seed") { Description = "Seed of the measurement randomness; the same seed gives the same counts.", DefaultValueFactory = _ => 1 };
        var statevector = new Option<bool>("--statevector") { Description = $"Print the final amplitudes instead of counts (at most {SimulationJson.MaxStatevectorQubits} qubits; measurements collapse as the seed decides)." };
        var json = new Option<bool>("--json") { Description = "JSON output (the only format; accepted for symmetry with the other commands)." };
        var param = CircuitInput.ParamOption();
        var command = new Command("simulate",
            "Run a circuit on qdc's statevector simulator (complex128, fused SIMD kernels) and print counts or amplitudes as JSON.\n\n"
            + "Examples:\n  qdc simulate examples/ghz12.qasm --shots 1000 --seed 7\n  qdc simulate circuit.qasm --statevector")
        {
            circuit,
            shots,
            seed,
            statevector,
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
            var options = new SimulationOptions { Seed = parse.GetValue(seed), SourcePath = parse.GetValue(circuit)! };
            if (parse.GetValue(statevector))
            {
                if (c.QubitCount > SimulationJson.MaxStatevectorQubits)
                {
                    stderr.WriteLine($"qdc: --statevector prints at most {SimulationJson.MaxStatevectorQubits} qubits; this circuit has {c.QubitCount}. Sample it with --shots instead.");
                    return ExitCodes.Usage;
                }
                var run = Simulator.Run(c, options);
                if (run.Error is { } e)
                {
                    stderr.WriteLine(e.Format());
                    return ExitCodes.Infeasible;
                }
                stdout.Write(SimulationJson.Statevector(run.State!));
                return ExitCodes.Success;
            }
            int n = parse.GetValue(shots);
            if (n < 1)
            {
                stderr.WriteLine("qdc: --shots must be at least 1");
                return ExitCodes.Usage;
            }
            var sample = Simulator.Sample(c, n, parse.GetValue(seed), options);
            if (sample.Error is { } error)
            {
                stderr.WriteLine(error.Format());
                return ExitCodes.Infeasible;
            }
            stdout.Write(SimulationJson.Counts(sample, parse.GetValue(seed)));
            return ExitCodes.Success;
        });
        return command;
    }
}
