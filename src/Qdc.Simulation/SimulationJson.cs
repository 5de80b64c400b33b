using System.Globalization;
using System.Text;

namespace Qdc.Simulation;

/// <summary>
/// The JSON of <c>qdc simulate</c>: sorted keys, invariant culture, shortest round-trip floats,
/// <c>\n</c> line ends, so that the same input and seed give byte-identical output.
/// </summary>
public static class SimulationJson
{
    /// <summary>The most qubits whose amplitudes are printed (2^16 lines is already a lot to read).</summary>
    public const int MaxStatevectorQubits = 16;

    /// <summary><c>{"amplitudes": [[re, im], …], "qubits": n}</c>, index order, bit q of the index being qubit q.</summary>
    public static string Statevector(StateVector state)
    {
        var sb = new StringBuilder();
        sb.Append("{\n  \"amplitudes\": [");
        var a = state.Amplitudes;
        for (int i = 0; i < a.Length; i++)
        {
            sb.Append(i == 0 ? "\n    [" : ",\n    [")
                .Append(Number(a[i].Real)).Append(", ").Append(Number(a[i].Imaginary)).Append(']');
        }
        sb.Append(a.Length > 0 ? "\n  ],\n" : "],\n");
        sb.Append("  \"qubits\": ").Append(state.Qubits.ToString(CultureInfo.InvariantCulture)).Append("\n}\n");
        return sb.ToString();
    }

    /// <summary><c>{"counts": {"bits": n, …}, "seed": s, "shots": n}</c>, bitstrings in ordinal order.</summary>
    public static string Counts(SamplingResult result, ulong seed)
    {
        var sb = new StringBuilder();
        sb.Append("{\n  \"counts\": {");
        bool first = true;
        foreach (var (key, n) in result.Counts.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            sb.Append(first ? "\n    " : ",\n    ").Append(Quote(key)).Append(": ").Append(n.ToString(CultureInfo.InvariantCulture));
            first = false;
        }
        sb.Append(first ? "},\n" : "\n  },\n");
        sb.Append("  \"seed\": ").Append(seed.ToString(CultureInfo.InvariantCulture)).Append(",\n");
        sb.Append("  \"shots\": ").Append(result.Shots.ToString(CultureInfo.InvariantCulture)).Append("\n}\n");
        return sb.ToString();
    }

    /// <summary>Shortest round-trip form; negative zero prints as 0 so that kernels that differ only in a zero's sign print alike.</summary>
    public static string Number(double x) =>
        x == 0 ? "0" : x.ToString("R", CultureInfo.InvariantCulture);

    private static string Quote(string s) => "\"" + s.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
}
