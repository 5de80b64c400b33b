using System.Text.Json;
using System.Text.RegularExpressions;
using Qdc.Tests.TestSupport;

namespace Qdc.Tests.Cli;

/// <summary>
/// qdc compile and validate on the cluster ring over a chain of four QPUs, where a ring edge spans
/// QPUs that share no link: the copy is swapped, the counts say so, and the far end's swap
/// corrections are what validation depends on.
/// </summary>
public partial class SwapCommandTests
{
    private static string Example(string name) => Path.Combine(RepoPaths.Root, "examples", name);

    [GeneratedRegex(@"^(net\[\d+\]) = recv\((\d+), \d+\);$")]
    private static partial Regex Recv();

    [Fact]
    public void TheClusterRingSwapsSpendsThePredictedPairsAndValidates()
    {
        using var dir = new TempDirectory();
        var (exit, output, err) = CliHarness.Run("compile", Example("cluster-ring.qasm"), "--topology", Example("chain4.json"), "-o", dir.Path, "--validate", "--quiet");
        Assert.True(exit == 0, output + err);
        using var report = JsonDocument.Parse(File.ReadAllText(dir["report.json"]));
        var r = report.RootElement;
        Assert.Equal(2, r.GetProperty("swaps").GetInt32());
        Assert.Equal(r.GetProperty("predictedEbits").GetInt64(), r.GetProperty("ebits").GetInt64());
        using var schedule = JsonDocument.Parse(File.ReadAllText(dir["schedule.json"]));
        var swaps = schedule.RootElement.GetProperty("operations").EnumerateArray().Where(o => o.GetProperty("kind").GetString() == "swap").ToList();
        Assert.Equal(["qpu1", "qpu2"], swaps.Select(s => s.GetProperty("qpu").GetString()).Order(StringComparer.Ordinal));
        Assert.All(swaps, s => Assert.Equal("qpu3", s.GetProperty("to").GetString()));
    }

    [Fact]
    public void DroppingAnyCorrectionTheFarEndTakesFromTheSwappingQpusExits3()
    {
        using var dir = new TempDirectory();
        var (exit, _, err) = CliHarness.Run("compile", Example("cluster-ring.qasm"), "--topology", Example("chain4.json"), "-o", dir.Path, "--quiet");
        Assert.True(exit == 0, err);
        string far = dir["nodes/qpu3.qasm"];
        string text = File.ReadAllText(far);
        var lines = text.Split('\n');
        // Bits received from the swapping QPUs (1 and 2) and the corrections conditioned on them.
        var fromSwaps = lines.Select(l => Recv().Match(l)).Where(m => m.Success && m.Groups[2].Value is "1" or "2").Select(m => m.Groups[1].Value).ToList();
        var corrections = lines.Where(l => fromSwaps.Any(b => l.StartsWith($"if ({b} == 1)", StringComparison.Ordinal))).ToList();
        // Two swaps, two bits each, and the X of the copy QPU 2 sends on the ring edge it shares with QPU 3.
        Assert.Equal(5, corrections.Count);
        foreach (var line in corrections)
        {
            File.WriteAllText(far, string.Join('\n', lines.Where(l => l != line)));
            var (code, _, message) = CliHarness.Run("validate", Example("cluster-ring.qasm"), dir.Path);
            Assert.True(code == 3, $"dropping '{line}': exit {code}\n{message}");
        }
        File.WriteAllText(far, text);
        Assert.Equal(0, CliHarness.Run("validate", Example("cluster-ring.qasm"), dir.Path).Exit);
    }
}
