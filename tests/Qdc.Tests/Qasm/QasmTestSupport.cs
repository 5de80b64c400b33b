using Qdc.Circuits;
using Qdc.Circuits.Diagnostics;
using Qdc.Qasm;

namespace Qdc.Tests.Qasm;

/// <summary>Loads OpenQASM text in memory, with included files served from a dictionary.</summary>
internal static class QasmTestSupport
{
    public static (Circuit? Circuit, DiagnosticBag Diagnostics) Load(string text, IReadOnlyDictionary<string, string>? files = null, IReadOnlyDictionary<string, double>? parameters = null)
    {
        var bag = new DiagnosticBag();
        var options = new QasmOptions
        {
            Parameters = parameters ?? new Dictionary<string, double>(),
            ReadFile = path =>
            {
                var name = Path.GetFileName(path);
                return files is not null && files.TryGetValue(name, out var t) ? System.Text.Encoding.UTF8.GetBytes(t) : null;
            },
        };
        var circuit = QasmFrontEnd.LoadText(text, "test.qasm", options, bag);
        return (circuit, bag);
    }

    public static Circuit LoadOk(string text, IReadOnlyDictionary<string, double>? parameters = null)
    {
        var (c, bag) = Load(text, parameters: parameters);
        Assert.True(c is not null, string.Join("\n", bag.Items.Select(d => d.Format())));
        return c!;
    }

    /// <summary>The circuit's operations as one line each, for compact expectations.</summary>
    public static string Listing(Circuit c) => string.Join("\n", c.Operations.Select(o => Describe(c, o)));

    public static string Describe(Circuit c, Operation o)
    {
        string cond = o.Condition is { } k ? $"if({string.Join(",", k.Clbits)}{(k.Equal ? "==" : "!=")}{k.Value}) " : "";
        return cond + o switch
        {
            GateOperation g => $"{g.Gate} {string.Join(",", g.Qubits.Select(c.QubitName))}",
            MeasureOperation m => $"measure {c.QubitName(m.Qubit)} -> {c.ClbitName(m.Clbit)}",
            ResetOperation r => $"reset {c.QubitName(r.Qubit)}",
            _ => $"barrier {string.Join(",", o.Qubits.Select(c.QubitName))}",
        };
    }
}
