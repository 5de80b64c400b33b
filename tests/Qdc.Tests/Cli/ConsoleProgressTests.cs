using Qdc.Cli.Output;

namespace Qdc.Tests.Cli;

public class ConsoleProgressTests
{
    [Fact]
    public void Progress_is_off_for_any_writer_but_the_real_console_and_under_quiet()
    {
        Assert.False(ConsoleProgress.ShouldShow(new StringWriter(), quiet: false));
        Assert.False(ConsoleProgress.ShouldShow(Console.Error, quiet: true));
        // Under the test runner standard error is a pipe, not a terminal.
        Assert.Equal(!Console.IsErrorRedirected, ConsoleProgress.ShouldShow(Console.Error, quiet: false));
    }

    [Fact]
    public void The_line_names_the_phase_and_the_elapsed_time() =>
        Assert.Equal("qdc: partitioning… 1.3 s", ConsoleProgress.Line("partitioning", TimeSpan.FromMilliseconds(1260)));

    [Fact]
    public void An_enabled_progress_draws_after_a_second_and_clears_its_line()
    {
        var err = new StringWriter();
        using (var progress = new ConsoleProgress(err, enabled: true))
        {
            progress.Phase("lowering");
            Assert.Equal("", err.ToString());
            // The timer runs on the thread pool, late on a loaded machine: wait for its first line.
            var clock = System.Diagnostics.Stopwatch.StartNew();
            while (!err.ToString().Contains(" s", StringComparison.Ordinal) && clock.Elapsed < TimeSpan.FromSeconds(20))
            {
                Thread.Sleep(50);
            }
        }
        string text = err.ToString();
        var first = System.Text.RegularExpressions.Regex.Match(text, "^\rqdc: lowering… ([0-9.]+) s");
        Assert.True(first.Success, text);
        Assert.True(double.Parse(first.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) >= 1.0, "drawn before a second had passed");
        Assert.EndsWith("\r\u001b[K", text);
    }

    [Fact]
    public void A_disabled_progress_writes_nothing()
    {
        var err = new StringWriter();
        using (var progress = new ConsoleProgress(err, enabled: false))
        {
            progress.Phase("lowering");
            Thread.Sleep(1300);
        }
        Assert.Equal("", err.ToString());
    }
}
