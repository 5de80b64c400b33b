using System.Diagnostics;
using System.Globalization;

namespace Qdc.Cli.Output;

/// <summary>
/// Progress for long runs: once a run has taken a second, the current phase and the elapsed time
/// are redrawn on one standard-error line, and cleared at the end. Only when standard error is a
/// terminal, so logs and pipes never see it. It draws from a thread of its own, not a thread-pool
/// timer: the partitioner's and the simulator's parallel loops can hold every pool thread for the
/// whole of a long run, which is exactly when the progress line is wanted.
/// </summary>
internal sealed class ConsoleProgress : IDisposable
{
    private static readonly TimeSpan Delay = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(250);

    private readonly TextWriter? _stderr;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly Thread? _thread;
    private readonly ManualResetEventSlim _stop = new();
    private readonly Lock _gate = new();
    private string _phase = "";
    private bool _drawn;
    private bool _disposed;

    public ConsoleProgress(TextWriter stderr, bool enabled)
    {
        if (enabled)
        {
            _stderr = stderr;
            _thread = new Thread(Run) { IsBackground = true, Name = "qdc progress" };
            _thread.Start();
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

    private void Run()
    {
        if (_stop.Wait(Delay))
        {
            return;
        }
        do
        {
            Draw();
        }
        while (!_stop.Wait(Interval));
    }

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
        if (_disposed)
        {
            return;
        }
        _disposed = true;
        _stop.Set();
        _thread?.Join();
        _stop.Dispose();
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
