using System.CommandLine;
using System.Globalization;
using Qdc.Circuits.Diagnostics;
using Qdc.Compiler.Topology;
using QdcTopology = Qdc.Compiler.Topology.Topology;

namespace Qdc.Cli.Commands;

/// <summary><c>qdc topology check|show|schema</c>: inspect a data-center description (dc.json).</summary>
internal static class TopologyCommand
{
    public static Command Build(TextWriter stdout, TextWriter stderr)
    {
        // One line here, since the root's --help lists it; the examples live with each sub-command.
        var command = new Command("topology", "Check, show or describe a data-center topology (dc.json): QPUs, links, hop distances.");
        command.Subcommands.Add(BuildCheck(stdout, stderr));
        command.Subcommands.Add(BuildShow(stdout, stderr));
        command.Subcommands.Add(BuildSchema(stdout));
        return command;
    }

    private static Argument<string> FileArgument() => new("FILE") { Description = "The topology file (JSON, see `qdc topology schema`)." };

    private static Command BuildCheck(TextWriter stdout, TextWriter stderr)
    {
        var file = FileArgument();
        var check = new Command("check",
            "Check a topology file: JSON syntax, the schema, and its meaning (unique ids, known link ends, "
            + "units, fidelities in (0, 1], a connected QPU graph). Prints one 'ok' line and exits 0, or every "
            + "problem as path:line:col diagnostics on standard error and exits 1.\n\n"
            + "Examples:\n"
            + "  qdc topology check examples/dc4.json\n"
            + "  qdc topology check my-dc.json || exit 1")
        {
            file,
        };
        check.SetAction(parse =>
        {
            string path = parse.GetValue(file)!;
            var topology = Load(path, stderr);
            if (topology is null)
            {
                return ExitCodes.InputError;
            }
            stdout.Write($"ok: {path}: {Summary(topology)}\n");
            return ExitCodes.Success;
        });
        return check;
    }

    private static Command BuildShow(TextWriter stdout, TextWriter stderr)
    {
        var file = FileArgument();
        var json = new Option<bool>("--json") { Description = "Write the loaded topology (defaults and presets applied, times in seconds) as JSON." };
        var show = new Command("show",
            "Show a topology as tables: QPUs (platform, qubits, native gates, durations, T1/T2), links "
            + "(rate, fidelity, latency, parallel pairs) and the hop-distance matrix, with every default "
            + "and platform preset filled in.\n\n"
            + "Examples:\n"
            + "  qdc topology show examples/mixed.json\n"
            + "  qdc topology show examples/line4.json --json > line4.resolved.json")
        {
            file,
            json,
        };
        show.SetAction(parse =>
        {
            var topology = Load(parse.GetValue(file)!, stderr);
            if (topology is null)
            {
                return ExitCodes.InputError;
            }
            var metrics = new TopologyMetrics(topology);
            if (parse.GetValue(json))
            {
                TopologyJsonWriter.Write(stdout, metrics);
            }
            else
            {
                stdout.Write($"topology {topology.Name}: {Summary(topology)}\n\n");
                TopologyTextWriter.Write(stdout, metrics);
            }
            return ExitCodes.Success;
        });
        return show;
    }

    private static Command BuildSchema(TextWriter stdout)
    {
        var schema = new Command("schema", "Print the JSON Schema of topology files, for editors and other tools.\n\n"
            + "Example:\n"
            + "  qdc topology schema > topology.schema.json");
        schema.SetAction(_ =>
        {
            stdout.Write(TopologySchema.Text.TrimEnd('\n'));
            stdout.Write('\n');
            return ExitCodes.Success;
        });
        return schema;
    }

    private static QdcTopology? Load(string path, TextWriter stderr)
    {
        var diagnostics = new DiagnosticBag();
        var topology = TopologyLoader.Load(path, diagnostics);
        DiagnosticWriter.Write(stderr, diagnostics);
        return topology;
    }

    internal static string Summary(QdcTopology t)
    {
        var c = CultureInfo.InvariantCulture;
        string shape = t.QpuCount == 1 ? "a single QPU" : t.IsAllToAll ? "all-to-all" : "not all-to-all";
        return string.Create(c,
            $"{t.QpuCount} QPU{(t.QpuCount == 1 ? "" : "s")} ({t.TotalDataQubits} data qubits, {t.Qpus.Sum(q => q.CommQubits)} comm qubits), "
            + $"{t.Links.Length} link{(t.Links.Length == 1 ? "" : "s")}, {shape}, swapping {(t.Swapping ? "on" : "off")}");
    }
}
