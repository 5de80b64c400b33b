using System.Globalization;
using System.Text;
using System.Text.Json;
using Qdc.Circuits;

namespace Qdc.Cli;

/// <summary>The figures `qdc stats` prints. Gate counts are by name, with ctrl@ forms spelled out.</summary>
internal sealed record CircuitStats(int Qubits, int Clbits, int Gates, int TwoQubitGates, int Depth, SortedDictionary<string, int> GateCounts)
{
    public static CircuitStats Of(Circuit circuit)
    {
        var counts = new SortedDictionary<string, int>(StringComparer.Ordinal);
        int gates = 0, two = 0;
        foreach (var op in circuit.Operations)
        {
            string name = op switch
            {
                GateOperation g => g.Gate.Controls > 0 ? $"c{g.Gate.Controls}_{g.Gate.Name}" : g.Gate.Name,
                MeasureOperation => "measure",
                ResetOperation => "reset",
                _ => "barrier",
            };
            counts[name] = counts.GetValueOrDefault(name) + 1;
            if (op is GateOperation gate)
            {
                gates++;
                if (gate.Qubits.Length == 2)
                {
                    two++;
                }
            }
        }
        return new CircuitStats(circuit.QubitCount, circuit.ClbitCount, gates, two, Qdc.Circuits.Dependencies.DependencyGraph.ComputeDepth(circuit), counts);
    }

    public string ToJson()
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteNumber("clbits", Clbits);
            w.WriteNumber("depth", Depth);
            w.WriteStartObject("gateCounts");
            foreach (var (name, count) in GateCounts)
            {
                w.WriteNumber(name, count);
            }
            w.WriteEndObject();
            w.WriteNumber("gates", Gates);
            w.WriteNumber("qubits", Qubits);
            w.WriteNumber("twoQubitGates", TwoQubitGates);
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray()).Replace("\r\n", "\n", StringComparison.Ordinal) + "\n";
    }

    public string ToText()
    {
        var sb = new StringBuilder();
        void Line(string k, int v) => sb.Append(CultureInfo.InvariantCulture, $"{k,-16}{v}\n");
        Line("qubits", Qubits);
        Line("clbits", Clbits);
        Line("gates", Gates);
        Line("two-qubit gates", TwoQubitGates);
        Line("depth", Depth);
        sb.Append("gate counts\n");
        foreach (var (name, count) in GateCounts)
        {
            sb.Append(CultureInfo.InvariantCulture, $"  {name,-14}{count}\n");
        }
        return sb.ToString();
    }
}
