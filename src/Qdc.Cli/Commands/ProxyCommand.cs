using System.CommandLine;
using System.Globalization;
using Qdc.Circuits;
using Qdc.Qasm.Writing;
using Qdc.Simulation.Stabilizer;

namespace Qdc.Cli.Commands;

/// <summary><c>qdc proxy CIRCUIT [-o FILE]</c>: the circuit's Clifford proxy, as OpenQASM 3.</summary>
internal static class ProxyCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var circuit = CircuitInput.CircuitArgument();
        var output = new Option<string?>("--output", "-o") { Description = "Write the proxy here instead of to standard output." };
        var param = CircuitInput.ParamOption();
        var command = new Command("proxy",
            "Write a Clifford circuit with the circuit's qubits and two-qubit structure: each non-Clifford one-qubit gate becomes a Clifford "
            + "that meets Z and X as it does (a phase becomes s or sdg, an X rotation sx or sxdg, others h or an X·S-type u3), each "
            + "non-Clifford diagonal two-qubit gate cz. Compiling the proxy gives the same partition and ebits, and 'qdc validate --clifford' "
            + "proves its node programs on a stabilizer tableau at any size.\n\n"
            + "Examples:\n  qdc proxy examples/qft16.qasm -o qft16-proxy.qasm\n  qdc compile qft16-proxy.qasm --topology examples/dc4.json -o out\n  qdc validate --clifford qft16-proxy.qasm out")
        {
            circuit,
            output,
            param,
        };
        command.SetAction(parse =>
        {
            var source = CircuitInput.Load(parse.GetValue(circuit)!, parse.GetValue(param), stderr, out int exit);
            if (source is null)
            {
                return exit;
            }
            var proxy = CliffordProxy.Of(source);
            string text = QasmWriter.WriteQasm3(proxy);
            if (parse.GetValue(output) is { } path)
            {
                if (Path.GetDirectoryName(Path.GetFullPath(path)) is { } folder)
                {
                    Directory.CreateDirectory(folder);
                }
                AtomicFile.Write(path, text);
                int replaced = Replaced(source, proxy);
                stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"wrote {path}: {proxy.QubitCount} qubits, {proxy.Operations.Length} operations ({replaced} gate{(replaced == 1 ? "" : "s")} made Clifford)"));
            }
            else
            {
                stdout.Write(text);
            }
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>The gates of the proxy that are not in the normalized source as they are.</summary>
    private static int Replaced(Circuit source, Circuit proxy)
    {
        var basis = Circuits.Decompositions.Normalizer.ToBasis(source);
        return basis.Operations.Zip(proxy.Operations).Count(p => !p.First.Equals(p.Second));
    }
}
