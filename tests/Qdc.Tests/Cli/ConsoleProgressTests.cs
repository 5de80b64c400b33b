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
        // The progress thread writes while the test reads, so the writer takes a lock.
        var err = new LockedWriter();
        using (var progress = new ConsoleProgress(err, enabled: true))
        {
            progress.Phase("lowering");
            // The progress thread runs late on a loaded machine: wait for its first line. Nothing drawn before a
            // second is checked below, by the time the first line shows (not by reading at once,
            // which a descheduled test thread could do after the first draw).
            var clock = System.Diagnostics.Stopwatch.StartNew();
            while (!err.Text.Contains(" s", StringComparison.Ordinal) && clock.Elapsed < TimeSpan.FromSeconds(60))
            {
                Thread.Sleep(50);
            }
        }
        string text = err.Text;
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

    private sealed class LockedWriter : TextWriter
    {
        private readonly System.Text.StringBuilder _text = new();

        public override System.Text.Encoding Encoding => System.Text.Encoding.UTF8;

        public string Text
        {
            get
            {
                lock (_text)
                {
                    return _text.ToString();
                }
            }
        }

        public override void Write(char value)
        {
            lock (_text)
            {
                _text.Append(value);
            }
        }

        public override void Write(string? value)
        {
            lock (_text)
            {
                _text.Append(value);
            }
        }
    }
}
