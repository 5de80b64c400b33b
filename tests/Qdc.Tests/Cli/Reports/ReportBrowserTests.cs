using Qdc.Cli.Reports;
using Qdc.Tests.TestSupport;

namespace Qdc.Tests.Cli.Reports;

/// <summary>report.html in real headless Chromium: it renders, its script runs to the end, and the console stays silent.</summary>
public class ReportBrowserTests
{
    /// <summary>Where the screenshot is left for people to look at (the test output folder).</summary>
    public static readonly string ScreenshotPath = Path.Combine(AppContext.BaseDirectory, "report-screenshot.png");

    [ChromiumFact]
    public void The_sample_report_renders_with_no_console_messages_and_a_screenshot()
    {
        using var dir = new TempDirectory();
        string page = dir["report.html"];
        File.WriteAllText(page, ReportHtml.Render(ReportHtmlTests.Load(ReportHtmlTests.Sample), "sample.qasm"));

        var (dom, console) = Chromium.DumpDom(page, dir["profile"]);
        Assert.True(console.Count == 0, "console messages:\n" + string.Join("\n", console));
        Assert.Contains("data-qdc-ready=\"yes\"", dom);
        Assert.Contains("<svg class=\"gantt\"", dom);

        Chromium.Screenshot(page, dir["profile"], ScreenshotPath);
        byte[] png = File.ReadAllBytes(ScreenshotPath);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png.Take(4));
        // A blank page compresses to a few kilobytes; the drawing makes it larger.
        Assert.True(png.Length > 20_000, $"screenshot is only {png.Length} bytes");
    }

    [ChromiumFact]
    public void A_compiled_report_renders_too()
    {
        using var dir = new TempDirectory();
        var (exit, _, err) = CliHarness.Run("compile", Path.Combine(RepoPaths.Root, "examples", "qft16.qasm"), "--topology", Path.Combine(RepoPaths.Root, "examples", "mixed.json"), "-o", dir.Path, "--report", "--quiet");
        Assert.True(exit == 0, err);
        var (dom, console) = Chromium.DumpDom(dir["report.html"], dir["profile"]);
        Assert.True(console.Count == 0, "console messages:\n" + string.Join("\n", console));
        Assert.Contains("data-qdc-ready=\"yes\"", dom);
    }

    // The check above can fail: a page with a script error is caught.
    [ChromiumFact]
    public void A_script_error_is_seen()
    {
        using var dir = new TempDirectory();
        File.WriteAllText(dir["bad.html"], "<!DOCTYPE html><html><body><script>notDefined();</script></body></html>");
        var (_, console) = Chromium.DumpDom(dir["bad.html"], dir["profile"]);
        Assert.Contains(console, l => l.Contains("notDefined is not defined", StringComparison.Ordinal));
    }
}
