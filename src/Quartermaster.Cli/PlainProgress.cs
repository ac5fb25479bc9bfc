using System.Globalization;

namespace Quartermaster.Cli;

/// <summary>
/// Progress as plain lines for a log (<c>qm stress: simulating futures 40%, 0:12 elapsed, about 0:18 left</c>):
/// at most one line per interval, none for work shorter than the interval, and a closing line when at least
/// one was printed. Reports may come from several threads in any order; the fraction shown never goes back.
/// </summary>
internal sealed class PlainProgress : IProgress<double>
{
    private readonly TextWriter _output;
    private readonly TimeProvider _time;
    private readonly string _label;
    private readonly TimeSpan _interval;
    private readonly DateTimeOffset _started;
    private readonly Lock _lock = new();
    private DateTimeOffset _lastLine;
    private double _fraction;
    private bool _printed;

    /// <summary>Starts the clock; lines go to <paramref name="output"/>, labelled <paramref name="label"/>.</summary>
    public PlainProgress(TextWriter output, TimeProvider time, string label, TimeSpan interval)
    {
        _output = output;
        _time = time;
        _label = label;
        _interval = interval;
        _started = time.GetUtcNow();
        _lastLine = _started;
    }

    /// <inheritdoc/>
    public void Report(double value)
    {
        lock (_lock)
        {
            _fraction = Math.Max(_fraction, Math.Clamp(value, 0, 1));
            var now = _time.GetUtcNow();
            if (now - _lastLine < _interval)
            {
                return;
            }
            _lastLine = now;
            _printed = true;
            var elapsed = now - _started;
            var left = _fraction > 0 ? $", about {Clock(elapsed.TotalSeconds * (1 - _fraction) / _fraction)} left" : "";
            _output.WriteLine($"{_label} {Math.Floor(_fraction * 100).ToString(CultureInfo.InvariantCulture)}%, {Clock(elapsed.TotalSeconds)} elapsed{left}");
        }
    }

    /// <summary>Prints the closing line (<c>done in 0:42</c>) when a progress line was printed.</summary>
    public void Finish()
    {
        lock (_lock)
        {
            if (_printed)
            {
                _output.WriteLine($"{_label} done in {Clock((_time.GetUtcNow() - _started).TotalSeconds)}");
            }
        }
    }

    /// <summary>A duration in seconds as m:ss, or h:mm:ss from an hour (capped at 99 hours: an early ETA can be huge).</summary>
    public static string Clock(double seconds)
    {
        var whole = double.IsNaN(seconds) ? 0 : (long)Math.Round(Math.Clamp(seconds, 0, 99 * 3600.0));
        return whole >= 3600
            ? string.Create(CultureInfo.InvariantCulture, $"{whole / 3600}:{whole / 60 % 60:00}:{whole % 60:00}")
            : string.Create(CultureInfo.InvariantCulture, $"{whole / 60}:{whole % 60:00}");
    }
}
