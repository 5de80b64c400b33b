using System.Diagnostics;

namespace Qdc.Tests.Cli.Reports;

/// <summary>Debian's headless chromium, run on a file: the DOM after scripts ran, and every console message.</summary>
internal static class Chromium
{
    public const string Install = "apt-get install -y chromium";

    public static readonly string? Path = Find();

    private static string? Find()
    {
        string[] candidates = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"];
        return candidates.FirstOrDefault(File.Exists);
    }

    /// <summary>Loads the page headless; returns the serialized DOM and the console lines (chromium logs them as ":CONSOLE").</summary>
    public static (string Dom, IReadOnlyList<string> Console) DumpDom(string htmlPath, string profile) =>
        Run(htmlPath, profile, "--dump-dom");

    public static void Screenshot(string htmlPath, string profile, string png) =>
        Run(htmlPath, profile, $"--screenshot={png}", "--window-size=1100,1300", "--hide-scrollbars");

    private static (string Out, IReadOnlyList<string> Console) Run(string htmlPath, string profile, params string[] extra)
    {
        var start = new ProcessStartInfo(Path ?? throw new InvalidOperationException("no chromium"))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // No GPU, no sandbox (containers run as root), a throw-away profile, and logging to stderr so console messages show.
        foreach (string arg in new[] { "--headless", "--disable-gpu", "--no-sandbox", "--no-first-run", "--enable-logging=stderr", "--v=0", $"--user-data-dir={profile}" }.Concat(extra))
        {
            start.ArgumentList.Add(arg);
        }
        start.ArgumentList.Add(new Uri(System.IO.Path.GetFullPath(htmlPath)).AbsoluteUri);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(90)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("chromium did not finish in 90 s");
        }
        string err = stderr.Result;
        Assert.True(process.ExitCode == 0, $"chromium exited {process.ExitCode}:\n{err}");
        var console = err.Split('\n').Where(l => l.Contains(":CONSOLE", StringComparison.Ordinal)).ToList();
        return (stdout.Result, console);
    }
}

/// <summary>A fact that runs only where chromium is installed, and says how to install it otherwise.</summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    public ChromiumFactAttribute()
    {
        if (Chromium.Path is null)
        {
            Skip = $"chromium is not installed (looked for /usr/bin/chromium); install it with `{Chromium.Install}`";
        }
    }
}
