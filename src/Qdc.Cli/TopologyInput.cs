using System.CommandLine;
using Qdc.Circuits.Diagnostics;
using Qdc.Compiler.Topology;

namespace Qdc.Cli;

/// <summary>The --topology option of the commands that place circuits, and loading it (or the default).</summary>
internal static class TopologyInput
{
    public static Option<string?> Option() => new("--topology")
    {
        Description = "The data center (dc.json; see `qdc topology schema`). Without it: 4 all-to-all superconducting QPUs of ⌈n/4⌉+1 data qubits.",
    };

    /// <summary>The topology from the file, or the default sized to the circuit; null (with the exit code) on an error or when the circuit cannot fit.</summary>
    public static Compiler.Topology.Topology? Load(string? path, int qubits, TextWriter stderr, out int exitCode)
    {
        exitCode = ExitCodes.Success;
        Compiler.Topology.Topology topology;
        if (path is not null)
        {
            var bag = new DiagnosticBag();
            var loaded = TopologyLoader.Load(path, bag);
            DiagnosticWriter.Write(stderr, bag);
            if (loaded is null)
            {
                exitCode = ExitCodes.InputError;
                return null;
            }
            topology = loaded;
        }
        else
        {
            topology = Compiler.Topology.Topology.DefaultFor(qubits);
            stderr.WriteLine($"qdc: no --topology given; using the default: {topology.QpuCount} all-to-all QPUs of {topology.Qpus[0].DataQubits} data qubits");
        }
        if (qubits > topology.TotalDataQubits)
        {
            stderr.WriteLine($"qdc: the circuit has {qubits} qubits but '{topology.Name}' holds only {topology.TotalDataQubits} data qubits");
            exitCode = ExitCodes.Infeasible;
            return null;
        }
        return topology;
    }
}
