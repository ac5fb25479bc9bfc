namespace Quartermaster.Core;

/// <summary>
/// One step of a piecewise-constant schedule in MW: from <paramref name="From"/> on, the value is
/// <paramref name="Mw"/> until the next step. Used for site capacity online and contract ramps.
/// </summary>
/// <param name="From">The first month the value applies.</param>
/// <param name="Mw">Megawatts from that month on.</param>
public readonly record struct MwStep(Month From, double Mw)
{
    /// <summary>Megawatts from <see cref="From"/> on (finite, at least 0).</summary>
    public double Mw { get; init => field = Preconditions.NonNegative(value, nameof(Mw)); } = Preconditions.NonNegative(Mw);
}

/// <summary>Reads piecewise-constant MW schedules.</summary>
public static class Schedule
{
    /// <summary>
    /// The value of <paramref name="steps"/> (sorted by month) at <paramref name="month"/>:
    /// the last step at or before it, or 0 before the first step.
    /// </summary>
    public static double ValueAt(ValueList<MwStep> steps, Month month)
    {
        var value = 0.0;
        foreach (var step in steps.AsSpan())
        {
            if (step.From > month)
            {
                break;
            }
            value = step.Mw;
        }
        return value;
    }

    /// <summary>The largest value the schedule ever takes, 0 when empty.</summary>
    public static double Peak(ValueList<MwStep> steps)
    {
        var peak = 0.0;
        foreach (var step in steps.AsSpan())
        {
            peak = Math.Max(peak, step.Mw);
        }
        return peak;
    }
}
