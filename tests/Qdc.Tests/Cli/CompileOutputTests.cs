using System.Text.Json;
using Qdc.Cli.Output;
using Qdc.Tests.TestSupport;

namespace Qdc.Tests.Cli;

/// <summary>compile's console and output-directory behaviour: --json, --quiet, --threads, --report, and what -o may touch.</summary>
public class CompileOutputTests
{
    private static readonly string Ghz = Path.Combine(RepoPaths.Root, "examples", "ghz12.qasm");
    private static readonly string Line = Path.Combine(RepoPaths.Root, "examples", "line4.json");

    [Fact]
    public void Json_prints_only_a_summary_that_matches_report_json()
    {
        using var dir = new TempDirectory();
        var (exit, output, err) = CliHarness.Run("compile", Ghz, "--topology", Line, "-o", dir.Path, "--json");
        Assert.True(exit == 0, err);
        using var doc = JsonDocument.Parse(output);
        var root = doc.RootElement;
        Assert.Equal(dir.Path, root.GetProperty("output").GetString());
        // The summary lists exactly the files written (the manifest aside), whatever the phases add.
        var written = Directory.EnumerateFiles(dir.Path, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(dir.Path, f).Replace('\\', '/'))
            .Where(f => f != ".qdc-manifest")
            .Order(StringComparer.Ordinal);
        Assert.Equal(written, root.GetProperty("files").EnumerateArray().Select(f => f.GetString()).Order(StringComparer.Ordinal));
        Assert.Contains("partition.json", written);
        Assert.Contains("report.json", written);
        using var report = JsonDocument.Parse(File.ReadAllText(dir["report.json"]));
        Assert.Equal(CompiledOutput.Canonical(report.RootElement), CompiledOutput.Canonical(root.GetProperty("report")));
        Assert.True(root.GetProperty("report").GetProperty("ebits").GetInt32() > 0);
    }

    [Fact]
    public void Quiet_prints_nothing_and_still_writes()
    {
        using var dir = new TempDirectory();
        var (exit, output, err) = CliHarness.Run("compile", Ghz, "--topology", Line, "-o", dir.Path, "--quiet");
        Assert.Equal(0, exit);
        Assert.Equal("", output);
        Assert.Equal("", err);
        Assert.True(File.Exists(dir["report.json"]));
    }

    [Fact]
    public void Verbose_names_the_phases_and_every_file_written_on_stderr()
    {
        using var dir = new TempDirectory();
        var (exit, output, err) = CliHarness.Run("compile", Ghz, "--topology", Line, "-o", dir.Path, "--verbose");
        Assert.Equal(0, exit);
        Assert.Contains("read and partitioned in", err);
        Assert.Contains(dir["partition.json"], err);
        Assert.Contains(dir[OutputWriter.ManifestName], err);
        Assert.DoesNotContain("partitioned in", output);
    }

    [Fact]
    public void Negative_threads_is_a_usage_error()
    {
        var (exit, _, err) = CliHarness.Run("compile", Ghz, "--topology", Line, "--threads", "-1");
        Assert.Equal(2, exit);
        Assert.Contains("--threads", err);
    }

    [Fact]
    public void Report_writes_report_html_and_a_later_run_without_it_removes_it()
    {
        using var dir = new TempDirectory();
        var (exit, _, err) = CliHarness.Run("compile", Ghz, "--topology", Line, "-o", dir.Path, "--report");
        Assert.True(exit == 0, err);
        Assert.StartsWith("<!DOCTYPE html>", File.ReadAllText(dir["report.html"]));
        Assert.Contains("report.html", OutputWriter.ReadManifest(dir.Path));

        (exit, _, err) = CliHarness.Run("compile", Ghz, "--topology", Line, "-o", dir.Path);
        Assert.True(exit == 0, err);
        Assert.False(File.Exists(dir["report.html"]), "a stale report would describe the previous run");
    }

    [Fact]
    public void Compiling_into_a_folder_leaves_other_files_alone()
    {
        using var dir = new TempDirectory();
        File.WriteAllText(dir["circuit-notes.md"], "keep me");
        Directory.CreateDirectory(dir["nodes"]);
        File.WriteAllText(dir["nodes/hand-written.qasm"], "keep me too");
        var (exit, _, err) = CliHarness.Run("compile", Ghz, "--topology", Line, "-o", dir.Path);
        Assert.True(exit == 0, err);
        Assert.Equal("keep me", File.ReadAllText(dir["circuit-notes.md"]));
        Assert.Equal("keep me too", File.ReadAllText(dir["nodes/hand-written.qasm"]));
    }

    [Fact]
    public void A_write_that_fails_exits_1_with_a_message_and_keeps_the_previous_output()
    {
        using var dir = new TempDirectory();
        var (exit, _, err) = CliHarness.Run("compile", Ghz, "--topology", Line, "-o", dir.Path);
        Assert.True(exit == 0, err);
        var before = TempDirectory.Snapshot(dir.Path);
        // A folder where report.json should go makes the write fail after partition.json is staged.
        File.Delete(dir["report.json"]);
        Directory.CreateDirectory(dir["report.json"]);
        before.Remove("report.json");

        (exit, _, err) = CliHarness.Run("compile", Ghz, "--topology", Line, "-o", dir.Path, "--seed", "7");
        Assert.Equal(1, exit);
        Assert.Contains("cannot write the output", err);
        Assert.DoesNotContain("internal error", err);
        var after = TempDirectory.Snapshot(dir.Path);
        Assert.Equal(before.Keys, after.Keys);
        Assert.Equal(before["partition.json"], after["partition.json"]);
    }
}
