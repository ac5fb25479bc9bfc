using System.Diagnostics;
using Xunit.Sdk;

namespace Quartermaster.Testing;

/// <summary>
/// Waiting in tests: every wait has a deadline and, when it passes, fails saying what it waited for and what it
/// saw last. The deadline bounds a hang; it is not what a test asserts, so it is generous.
/// </summary>
public static class Wait
{
    /// <summary>How long a wait lasts unless told: long enough for a loaded two-core machine, short enough to end a hang.</summary>
    public static TimeSpan DefaultDeadline { get; } = TimeSpan.FromSeconds(120);

    /// <summary>
    /// Reads <paramref name="read"/> until <paramref name="done"/> holds for the value and returns it; fails after
    /// <paramref name="deadline"/> with <paramref name="what"/> and the last value read.
    /// </summary>
    public static async Task<T> UntilAsync<T>(Func<Task<T>> read, Func<T, bool> done, string what, TimeSpan? deadline = null)
    {
        ArgumentNullException.ThrowIfNull(read);
        ArgumentNullException.ThrowIfNull(done);
        var limit = deadline ?? DefaultDeadline;
        var clock = Stopwatch.StartNew();
        var pause = TimeSpan.FromMilliseconds(5);
        while (true)
        {
            var value = await read();
            if (done(value))
            {
                return value;
            }
            if (clock.Elapsed > limit)
            {
                throw new XunitException($"waited {limit.TotalSeconds:F0} s for {what}; last seen: {value}");
            }
            await Task.Delay(pause);
            // Back off to a tenth of a second: quick when the state is near, light on a loaded machine when not.
            pause = TimeSpan.FromMilliseconds(Math.Min(100, pause.TotalMilliseconds * 2));
        }
    }

    /// <summary>Waits until <paramref name="condition"/> holds; fails after <paramref name="deadline"/> saying it waited for <paramref name="what"/>.</summary>
    public static Task UntilAsync(Func<bool> condition, string what, TimeSpan? deadline = null)
    {
        ArgumentNullException.ThrowIfNull(condition);
        return UntilAsync(() => Task.FromResult(condition()), done => done, what, deadline);
    }
}
