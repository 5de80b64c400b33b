using System.Text.Json;
using Qdc.Tests.Cli;
using Qdc.Tests.TestSupport;

namespace Qdc.Tests.Scheduling;

/// <summary>qdc compile's scheduling: schedule.json (golden for one small example), report.json's timing keys, and the options.</summary>
public class ScheduleCommandTests
{
    private static string Example(string name) => Path.Combine(RepoPaths.Root, "examples", name);

    private static string OutDir() => Path.Combine(Path.GetTempPath(), $"qdc-schedule-{Guid.NewGuid():N}");

    [Fact]
    public void GhzOnTheLineIsGolden()
    {
        var dir = OutDir();
        var (exit, _, err) = CliHarness.Run("compile", Example("ghz12.qasm"), "--topology", Example("line4.json"), "-o", dir);
        Assert.True(exit == 0, err);
        Golden.Verify("schedule.ghz12.line4", File.ReadAllText(Path.Combine(dir, "schedule.json")), "json");
    }

    [Fact]
    public void ReportCarriesTheScheduleFigures()
    {
        var dir = OutDir();
        var (exit, output, err) = CliHarness.Run("compile", Example("qft16.qasm"), "--topology", Example("mixed-sc-ion.json"), "-o", dir, "--min-pair-fidelity", "0.96");
        Assert.True(exit == 0, err);
        Assert.Contains("makespan", output);
        using var report = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "report.json")));
        var root = report.RootElement;
        double makespan = root.GetProperty("makespanSeconds").GetDouble();
        double critical = root.GetProperty("criticalPathSeconds").GetDouble();
        Assert.True(makespan >= critical && critical > 0);
        using var schedule = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "schedule.json")));
        Assert.Equal(makespan, schedule.RootElement.GetProperty("makespanSeconds").GetDouble());
        var s = root.GetProperty("schedule");
        var links = s.GetProperty("links");
        // 0.97 meets 0.96; the 0.95 links distil, spending more raw pairs than they deliver.
        var fast = links.GetProperty("sc0--sc1");
        Assert.Equal(0, fast.GetProperty("distillationRounds").GetInt32());
        var ion = links.GetProperty("sc0--ion0");
        Assert.True(ion.GetProperty("distillationRounds").GetInt32() >= 1);
        long delivered = ion.GetProperty("deliveredEbits").GetInt64();
        Assert.Equal(root.GetProperty("ebitsByLink").GetProperty("sc0--ion0").GetInt64(), delivered);
        if (delivered > 0)
        {
            Assert.True(ion.GetProperty("rawPairs").GetDouble() > delivered);
        }
        double p = s.GetProperty("estimatedSuccessProbability").GetDouble();
        Assert.InRange(p, 0, 1);
        Assert.True(s.GetProperty("qpuBusySeconds").GetProperty("ion0").GetDouble() > s.GetProperty("qpuBusySeconds").GetProperty("sc0").GetDouble());
    }

    [Fact]
    public void AnUnreachableFidelityExitsFour()
    {
        // Werner pairs at fidelity 1/2 are separable: no recurrence round improves them.
        string dir = OutDir();
        Directory.CreateDirectory(dir);
        string topology = Path.Combine(dir, "half.json");
        File.WriteAllText(topology, File.ReadAllText(Example("line4.json")).Replace("0.98", "0.5", StringComparison.Ordinal));
        var (exit, _, err) = CliHarness.Run("compile", Example("qft16.qasm"), "--topology", topology, "-o", dir, "--min-pair-fidelity", "0.9");
        Assert.Equal(4, exit);
        Assert.Contains("infeasible", err);
        Assert.DoesNotContain("   at ", err);
    }

    [Theory]
    [InlineData("1.5")]
    [InlineData("0")]
    public void AFidelityOutsideTheUnitIntervalIsAUsageError(string value)
    {
        var (exit, _, err) = CliHarness.Run("compile", Example("ghz12.qasm"), "--topology", Example("line4.json"), "-o", OutDir(), "--min-pair-fidelity", value);
        Assert.Equal(2, exit);
        Assert.Contains("--min-pair-fidelity", err);
    }

    [Fact]
    public void TheBaselineIsNoFaster()
    {
        // A 24-qubit GHZ chain fills the line's four QPUs: three pairs, each needed after the last.
        var a = OutDir();
        var b = OutDir();
        Directory.CreateDirectory(a);
        string circuit = Path.Combine(a, "ghz24.qasm");
        File.WriteAllText(circuit, "OPENQASM 2.0;\ninclude \"qelib1.inc\";\nqreg q[24];\nh q[0];\n" + string.Concat(Enumerable.Range(0, 23).Select(i => $"cx q[{i}],q[{i + 1}];\n")));
        Assert.Equal(0, CliHarness.Run("compile", circuit, "--topology", Example("line4.json"), "-o", a).Exit);
        Assert.Equal(0, CliHarness.Run("compile", circuit, "--topology", Example("line4.json"), "-o", b, "--epr-timing", "on-demand").Exit);
        double Makespan(string dir) => JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "report.json"))).RootElement.GetProperty("makespanSeconds").GetDouble();
        Assert.True(Makespan(a) < Makespan(b), $"prefetch {Makespan(a)} vs on-demand {Makespan(b)}");
    }
}
