using System.Text.Json;
using System.Text.Json.Nodes;
using Qdc.Tests.TestSupport;

namespace Qdc.Tests.Cli;

/// <summary>qdc diff on a hand-written scheduled output (tests/Qdc.Tests/Cli/Samples/scheduled) and edited copies of it.</summary>
public sealed class DiffCommandTests : IDisposable
{
    private static readonly string Sample = Path.Combine(RepoPaths.Root, "tests", "Qdc.Tests", "Cli", "Samples", "scheduled");

    private readonly TempDirectory _a = Copy();
    private readonly TempDirectory _b = Copy();

    public void Dispose()
    {
        _a.Dispose();
        _b.Dispose();
    }

    private static TempDirectory Copy()
    {
        var dir = new TempDirectory();
        foreach (var (relative, bytes) in TempDirectory.Snapshot(Sample))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(dir[relative])!);
            File.WriteAllBytes(dir[relative], bytes);
        }
        return dir;
    }

    private void Edit(string file, Action<JsonNode> change)
    {
        var node = JsonNode.Parse(File.ReadAllText(_b[file]))!;
        change(node);
        File.WriteAllText(_b[file], node.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n");
    }

    [Fact]
    public void Equal_outputs_exit_0()
    {
        // Re-indenting a file changes its bytes, not its meaning.
        Edit("report.json", _ => { });
        var (exit, output, _) = CliHarness.Run("diff", _a.Path, _b.Path);
        Assert.Equal(0, exit);
        Assert.Equal($"{_a.Path} and {_b.Path}: no differences\n", output);
        (exit, output, _) = CliHarness.Run("diff", _a.Path, _b.Path, "--json");
        Assert.Equal(0, exit);
        Assert.True(JsonDocument.Parse(output).RootElement.GetProperty("equal").GetBoolean());
    }

    [Fact]
    public void A_moved_qubit_and_a_changed_gate_are_named()
    {
        Edit("partition.json", p =>
        {
            p["placement"]!["q[1]"] = "qpu1";
            p["gates"]![0]!["realization"] = "telegate";
            p["loads"]!["qpu0"] = 1;
            p["loads"]!["qpu1"] = 2;
        });
        var (exit, output, err) = CliHarness.Run("diff", _a.Path, _b.Path);
        Assert.True(exit == 1, err);
        Assert.Contains("1 qubit moved QPU:\n  q[1]: qpu0 -> qpu1\n", output);
        Assert.Contains("1 gate changed realization:\n  gate 1: local on qpu0 -> telegate on qpu0\n", output);
        Assert.Contains("  partition.loads.qpu0: 2 -> 1 (-1)\n", output);
        Assert.Contains("  partition.loads.qpu1: 1 -> 2 (+1)\n", output);
        Assert.DoesNotContain("node", output);
    }

    [Fact]
    public void Ebits_and_makespan_changes_per_link_and_qpu_are_listed_with_their_delta()
    {
        Edit("report.json", r =>
        {
            r["ebits"] = 3;
            r["ebitsByLink"]!["qpu0--qpu1"] = 3;
            r["makespanSeconds"] = 0.00204;
            r["peakCommQubits"]!["qpu1"] = 2;
        });
        var (exit, output, _) = CliHarness.Run("diff", _a.Path, _b.Path);
        Assert.Equal(1, exit);
        Assert.Contains("4 figures changed:\n", output);
        Assert.Contains("  ebits: 1 -> 3 (+2)\n", output);
        Assert.Contains("  ebitsByLink.qpu0--qpu1: 1 -> 3 (+2)\n", output);
        Assert.Contains("  makespanSeconds: 0.00104 -> 0.00204 (+0.001)\n", output);
        Assert.Contains("  peakCommQubits.qpu1: 1 -> 2 (+1)\n", output);
    }

    [Fact]
    public void Node_programs_added_removed_and_changed_with_a_line_diff()
    {
        File.Delete(_b["nodes/qpu0.qasm"]);
        File.WriteAllText(_b["nodes/qpu2.qasm"], "OPENQASM 3.0;\nqubit[1] data;\n");
        File.WriteAllText(_b["nodes/qpu1.qasm"], File.ReadAllText(_a["nodes/qpu1.qasm"]).Replace("cz comm[0], data[0];", "cx comm[0], data[0];\nh data[0];"));
        var (exit, output, _) = CliHarness.Run("diff", _a.Path, _b.Path);
        Assert.Equal(1, exit);
        Assert.Contains("3 node programs differ:\n", output);
        Assert.Contains("  removed nodes/qpu0.qasm (+0 -11)\n", output);
        Assert.Contains("  changed nodes/qpu1.qasm (+2 -1)\n    -    9: cz comm[0], data[0];\n    +    9: cx comm[0], data[0];\n    +   10: h data[0];\n", output);
        Assert.Contains("  added nodes/qpu2.qasm (+2 -0)\n", output);

        (exit, output, _) = CliHarness.Run("diff", _a.Path, _b.Path, "--json");
        Assert.Equal(1, exit);
        var nodes = JsonDocument.Parse(output).RootElement.GetProperty("nodes").EnumerateArray().ToList();
        Assert.Equal(["removed", "changed", "added"], nodes.Select(n => n.GetProperty("status").GetString()));
        Assert.Equal(["-9: cz comm[0], data[0];", "+9: cx comm[0], data[0];", "+10: h data[0];"], nodes[1].GetProperty("lines").EnumerateArray().Select(l => l.GetString()));
    }

    [Fact]
    public void Schedule_changes_are_summarized_per_kind_qpu_and_link()
    {
        Edit("schedule.json", s =>
        {
            var ops = s["operations"]!.AsArray();
            ops.RemoveAt(ops.Count - 1);
            s["makespanSeconds"] = 0.0010227;
        });
        var (exit, output, _) = CliHarness.Run("diff", _a.Path, _b.Path);
        Assert.Equal(1, exit);
        Assert.Contains("schedule changed:\n", output);
        Assert.Contains("  makespanSeconds: 0.00104 -> 0.0010227", output);
        Assert.Contains("  operations: 11 -> 10 (-1)\n", output);
        Assert.Contains("  operations.gate: 6 -> 5 (-1)\n", output);
        Assert.Contains("  qpu0.endSeconds: 0.00104 -> 0.0010013", output);
        Assert.Contains("  qpu0.operations: 5 -> 4 (-1)\n", output);
        Assert.Contains($"  operations: 1 only in {_a.Path}, 0 only in {_b.Path}\n", output);
        Assert.DoesNotContain("qpu0--qpu1", output);
    }

    [Fact]
    public void Json_output_has_sorted_keys_at_every_level()
    {
        Edit("partition.json", p => p["placement"]!["q[2]"] = "qpu0");
        File.Delete(_b["schedule.json"]);
        var (exit, output, _) = CliHarness.Run("diff", _a.Path, _b.Path, "--json");
        Assert.Equal(1, exit);
        var root = JsonDocument.Parse(output).RootElement;
        AssertSorted(root);
        var moved = Assert.Single(root.GetProperty("qubits").EnumerateArray());
        Assert.Equal("q[2]", moved.GetProperty("qubit").GetString());
        Assert.Equal("qpu1", moved.GetProperty("a").GetString());
        Assert.Equal("qpu0", moved.GetProperty("b").GetString());
        Assert.Contains(root.GetProperty("schedule").GetProperty("figures").EnumerateArray(),
            f => f.GetProperty("key").GetString() == "schedule.json" && f.GetProperty("a").ValueKind == JsonValueKind.Null);
    }

    private static void AssertSorted(JsonElement e)
    {
        if (e.ValueKind == JsonValueKind.Object)
        {
            var names = e.EnumerateObject().Select(p => p.Name).ToList();
            Assert.Equal(names.Order(StringComparer.Ordinal), names);
            foreach (var p in e.EnumerateObject())
            {
                AssertSorted(p.Value);
            }
        }
        else if (e.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in e.EnumerateArray())
            {
                AssertSorted(item);
            }
        }
    }

    [Fact]
    public void A_missing_directory_or_file_is_trouble_exit_2()
    {
        var (exit, output, err) = CliHarness.Run("diff", _a.Path, _b["nope"]);
        Assert.Equal(2, exit);
        Assert.Equal("", output);
        Assert.Contains("error QDC0901", err);

        File.Delete(_b["partition.json"]);
        (exit, _, err) = CliHarness.Run("diff", _a.Path, _b.Path);
        Assert.Equal(2, exit);
        Assert.Contains($"{_b["partition.json"]}: error QDC0901: missing partition.json", err);
    }

    [Fact]
    public void A_corrupt_file_is_reported_at_its_line_and_column()
    {
        File.WriteAllText(_b["report.json"], "{\n  \"ebits\": 1,\n  \"qpus\": ]\n}\n");
        var (exit, _, err) = CliHarness.Run("diff", _a.Path, _b.Path);
        Assert.Equal(2, exit);
        Assert.Contains($"{_b["report.json"]}:3:11: error QDC0902: report.json is not valid JSON", err);
        Assert.Contains("  \"qpus\": ]", err);
        Assert.DoesNotContain("   at ", err);
    }

    [Fact]
    public void A_schedule_without_operations_is_trouble()
    {
        File.WriteAllText(_b["schedule.json"], "{ \"formatVersion\": 1, \"operations\": [ { \"start\": \"soon\" } ] }\n");
        var (exit, _, err) = CliHarness.Run("diff", _a.Path, _b.Path);
        Assert.Equal(2, exit);
        Assert.Contains("error QDC0903: schedule.json operation 0 needs", err);
    }

    [Fact]
    public void Compiled_outputs_with_different_seeds_differ_and_the_same_compile_does_not()
    {
        string circuit = Path.Combine(RepoPaths.Root, "examples", "qft16.qasm");
        string topology = Path.Combine(RepoPaths.Root, "examples", "line4.json");
        using var x = new TempDirectory();
        using var y = new TempDirectory();
        Assert.Equal(0, CliHarness.Run("compile", circuit, "--topology", topology, "-o", x.Path, "--quiet").Exit);
        Assert.Equal(0, CliHarness.Run("compile", circuit, "--topology", topology, "-o", y.Path, "--quiet").Exit);
        Assert.Equal(0, CliHarness.Run("diff", x.Path, y.Path).Exit);
        Assert.Equal(0, CliHarness.Run("compile", circuit, "--topology", topology, "-o", y.Path, "--quiet", "--seed", "5").Exit);
        var (exit, output, _) = CliHarness.Run("diff", x.Path, y.Path);
        Assert.Equal(1, exit);
        Assert.Contains("  seed: 1 -> 5 (+4)\n", output);
    }
}
