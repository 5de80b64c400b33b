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
        return new CircuitStats(circuit.QubitCount, circuit.ClbitCount, gates, two, ComputeDepth(circuit), counts);
    }

    /// <summary>Depth as Qiskit counts it: barriers take no layer; measurements and conditions tie to their bits.</summary>
    private static int ComputeDepth(Circuit circuit)
    {
        var qubitLevel = new int[circuit.QubitCount];
        var clbitLevel = new int[circuit.ClbitCount];
        int depth = 0;
        foreach (var op in circuit.Operations)
        {
            if (op is BarrierOperation)
            {
                continue;
            }
            int level = 0;
            foreach (var q in op.Qubits)
            {
                level = Math.Max(level, qubitLevel[q]);
            }
            if (op is MeasureOperation m)
            {
                level = Math.Max(level, clbitLevel[m.Clbit]);
            }
            if (op.Condition is { } c)
            {
                foreach (var b in c.Clbits)
                {
                    level = Math.Max(level, clbitLevel[b]);
                }
            }
            level++;
            foreach (var q in op.Qubits)
            {
                qubitLevel[q] = level;
            }
            if (op is MeasureOperation m2)
            {
                clbitLevel[m2.Clbit] = level;
            }
            if (op.Condition is { } c2)
            {
                foreach (var b in c2.Clbits)
                {
                    clbitLevel[b] = level;
                }
            }
            depth = Math.Max(depth, level);
        }
        return depth;
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
