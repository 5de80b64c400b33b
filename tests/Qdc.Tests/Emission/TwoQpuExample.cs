using System.Collections.Immutable;
using Qdc.Circuits;
using Qdc.Circuits.Diagnostics;
using Qdc.Compiler.Emission;
using Qdc.Compiler.Topology;
using Qdc.Qasm;

namespace Qdc.Tests.Emission;

/// <summary>
/// A four-qubit circuit on two QPUs of two data qubits: two telegates (two pairs, four messages),
/// few enough measurements that the check tries every branch, so any broken correction shows.
/// </summary>
internal static class TwoQpuExample
{
    public const string Topology = "{ \"name\": \"two\", \"qpus\": [ { \"id\": \"a\", \"dataQubits\": 2 }, { \"id\": \"b\", \"dataQubits\": 2 } ], \"links\": [ { \"between\": [\"a\", \"b\"] } ] }\n";

    public const string Source = "OPENQASM 2.0;\ninclude \"qelib1.inc\";\nqreg q[4];\ncreg c[4];\nh q[0];\ncx q[0],q[1];\nh q[0];\ncx q[0],q[2];\n"
        + "rz(0.3) q[2];\ncx q[3],q[1];\nh q[3];\ncx q[3],q[2];\nmeasure q -> c;\n";

    public static Circuit Circuit() => QasmFrontEnd.LoadText(Source, "four.qasm", QasmOptions.Default, new DiagnosticBag())!;

    public static ImmutableArray<NodeProgram> Nodes()
    {
        var topology = TopologyLoader.LoadText(Topology, "two.json", new DiagnosticBag())!;
        return NodeFixtures.Emit(Circuit(), topology);
    }

    /// <summary>The node texts as (file, text), with <paramref name="edit"/> applied to the one of QPU <paramref name="qpu"/>.</summary>
    public static List<(string File, string Text)> Edited(string qpu, Func<string, string> edit) =>
        [.. Nodes().Select(n => ($"nodes/{n.FileName}", n.QpuId == qpu ? edit(n.Text) : n.Text))];

    /// <summary>The 1-based line of the first line that starts with <paramref name="prefix"/>.</summary>
    public static int LineOf(string text, string prefix) =>
        text.Split('\n').Select((l, i) => (l, i)).First(x => x.l.StartsWith(prefix, StringComparison.Ordinal)).i + 1;

    /// <summary>Replaces the first occurrence only.</summary>
    public static string ReplaceFirst(string text, string from, string to)
    {
        int i = text.IndexOf(from, StringComparison.Ordinal);
        Assert.True(i >= 0, $"'{from}' is not in the program");
        return text[..i] + to + text[(i + from.Length)..];
    }
}
