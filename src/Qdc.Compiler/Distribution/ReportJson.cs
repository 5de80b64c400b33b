using System.Text;
using System.Text.Json;
using Qdc.Circuits;
using Qdc.Compiler.Partitioning;
using Qdc.Compiler.Scheduling;

namespace Qdc.Compiler.Distribution;

/// <summary>
/// report.json with the keys DESIGN.md promises scripts: sorted, `\n` line ends, no timestamps.
/// Without a schedule, makespanSeconds and criticalPathSeconds are null and "schedule" is absent.
/// </summary>
public static class ReportJson
{
    public const int FormatVersion = 1;

    public static string Write(Circuit source, Placement placement, DistributedProgram program, Topology.Topology topology, ulong seed, Schedule? schedule = null)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            // Only an approximate compile has the key, so exact reports stay as they were.
            if (!placement.Approximation.IsExact)
            {
                w.WriteStartObject("approximation");
                w.WriteNumber("belowRadians", placement.Approximation.BelowRadians);
                w.WriteNumber("droppedGates", placement.Approximation.DroppedGates);
                w.WriteNumber("errorBound", placement.Approximation.ErrorBound);
                w.WriteEndObject();
            }
            w.WriteStartObject("circuit");
            w.WriteNumber("gates", source.Operations.Count(o => o is GateOperation));
            w.WriteNumber("qubits", source.QubitCount);
            w.WriteNumber("twoQubitGates", source.Operations.Count(o => o is GateOperation { Qubits.Length: 2 }));
            w.WriteEndObject();
            WriteSeconds(w, "criticalPathSeconds", schedule?.CriticalPathSeconds);
            w.WriteNumber("ebits", program.Ebits);
            w.WriteStartObject("ebitsByLink");
            for (int l = 0; l < topology.Links.Length; l++)
            {
                var link = topology.Links[l];
                w.WriteNumber($"{topology.Qpus[link.A].Id}--{topology.Qpus[link.B].Id}", program.EbitsByLink[l]);
            }
            w.WriteEndObject();
            w.WriteNumber("formatVersion", FormatVersion);
            WriteSeconds(w, "makespanSeconds", schedule?.MakespanSeconds);
            w.WriteStartObject("peakCommQubits");
            for (int q = 0; q < topology.QpuCount; q++)
            {
                w.WriteNumber(topology.Qpus[q].Id, program.PeakCommQubits[q]);
            }
            w.WriteEndObject();
            w.WriteNumber("predictedEbits", placement.Ebits);
            w.WriteNumber("qpus", topology.QpuCount);
            if (schedule is not null)
            {
                ScheduleReportJson.WriteObject(w, schedule);
            }
            w.WriteNumber("seed", seed);
            // Pairs spent only because communication qubits ran short (included in ebits).
            w.WriteNumber("serialisationEbits", program.SerialisationEbits);
            // Bell measurements joining pairs across pass-through QPUs (their pairs are in ebits too).
            w.WriteNumber("swaps", program.Swaps.Length);
            w.WriteNumber("teledata", program.EprPairs.Count(p => p.Use == EprUse.Teleport));
            w.WriteNumber("telegates", program.EprPairs.Count(p => p.Use == EprUse.CatEntangle));
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray()).Replace("\r\n", "\n", StringComparison.Ordinal) + "\n";
    }

    private static void WriteSeconds(Utf8JsonWriter w, string name, double? seconds)
    {
        if (seconds is { } s)
        {
            w.WriteNumber(name, s);
        }
        else
        {
            w.WriteNull(name);
        }
    }
}
