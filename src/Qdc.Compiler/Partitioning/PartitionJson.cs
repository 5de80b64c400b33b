using System.Text;
using System.Text.Json;

namespace Qdc.Compiler.Partitioning;

/// <summary>
/// partition.json, as `qdc partition -o` and (later) `qdc compile` write it: keys in sorted
/// order, qubits and gates in circuit order, `\n` line ends, so equal placements are equal bytes.
/// </summary>
public static class PartitionJson
{
    public const int FormatVersion = 1;

    public static string Write(Placement placement, Topology.Topology topology, ulong seed)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteNumber("ebits", placement.Ebits);
            w.WriteNumber("formatVersion", FormatVersion);
            w.WriteStartArray("gates");
            foreach (var g in placement.Gates)
            {
                w.WriteStartObject();
                w.WriteNumber("index", g.Operation);
                w.WriteString("qpu", topology.Qpus[g.Qpu].Id);
                w.WriteString("realization", g.Realization == GateRealization.Local ? "local" : "telegate");
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteStartObject("loads");
            for (int b = 0; b < topology.QpuCount; b++)
            {
                w.WriteNumber(topology.Qpus[b].Id, placement.Loads[b]);
            }
            w.WriteEndObject();
            // Telegate-only placements move no qubit; teledata fills this in with the lowering.
            w.WriteStartArray("moves");
            w.WriteEndArray();
            w.WriteStartObject("placement");
            for (int q = 0; q < placement.QpuOfQubit.Length; q++)
            {
                w.WriteString(placement.Normalized.QubitName(q), topology.Qpus[placement.QpuOfQubit[q]].Id);
            }
            w.WriteEndObject();
            w.WriteNumber("seed", seed);
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray()).Replace("\r\n", "\n", StringComparison.Ordinal) + "\n";
    }
}
