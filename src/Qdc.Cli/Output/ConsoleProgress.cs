using System.Diagnostics;
using System.Globalization;

namespace Qdc.Cli.Output;

/// <summary>
/// Progress for long runs: once a run has taken a second, the current phase and the elapsed time
/// are redrawn on one standard-error line, and cleared at the end. Only when standard error is a
/// terminal, so logs and pipes never see it.
/// </summary>
internal sealed class ConsoleProgress : IDisposable
{
    private static readonly TimeSpan Delay = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(250);

    private readonly TextWriter? _stderr;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly Timer? _timer;
    private readonly Lock _gate = new();
    private string _phase = "";
    private bool _drawn;

    public ConsoleProgress(TextWriter stderr, bool enabled)
    {
        if (enabled)
        {
            _stderr = stderr;
            _timer = new Timer(_ => Draw(), null, Delay, Interval);
        }
    }

    /// <summary>On for the real console's standard error when it is a terminal, unless --quiet.</summary>
    public static bool ShouldShow(TextWriter stderr, bool quiet) =>
        !quiet && ReferenceEquals(stderr, Console.Error) && !Console.IsErrorRedirected;

    public void Phase(string name)
    {
        lock (_gate)
        {
            _phase = name;
        }
    }

    internal static string Line(string phase, TimeSpan elapsed) =>
        string.Create(CultureInfo.InvariantCulture, $"qdc: {phase}… {elapsed.TotalSeconds:F1} s");

    private void Draw()
    {
        lock (_gate)
        {
            if (_stderr is null || _phase.Length == 0)
            {
                return;
            }
            // \r and erase-to-end-of-line redraw in place.
            _stderr.Write("\r" + Line(_phase, _clock.Elapsed) + "\u001b[K");
            _stderr.Flush();
            _drawn = true;
        }
    }

    public void Dispose()
    {
        _timer?.Dispose();
        lock (_gate)
        {
            if (_drawn)
            {
                _stderr!.Write("\r\u001b[K");
                _stderr.Flush();
            }
            _stderr?.Flush();
            _phase = "";
        }
    }
}
