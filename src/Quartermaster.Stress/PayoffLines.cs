namespace Quartermaster.Stress;

/// <summary>One figure (a statistic, a table cell, a difference) given for each <see cref="PayoffLine"/>.</summary>
/// <typeparam name="T">The figure.</typeparam>
/// <param name="Operating">For the operating book (the contracts).</param>
/// <param name="Stakes">For the stakes.</param>
/// <param name="Total">For the operating book and the stakes together.</param>
public sealed record PayoffLines<T>(T Operating, T Stakes, T Total)
{
    /// <summary>The lines in order: operating, stakes, total.</summary>
    public static IReadOnlyList<PayoffLine> All { get; } = [PayoffLine.Operating, PayoffLine.Stakes, PayoffLine.Total];

    /// <summary>The figure of <paramref name="line"/>.</summary>
    public T this[PayoffLine line] => line switch
    {
        PayoffLine.Operating => Operating,
        PayoffLine.Stakes => Stakes,
        PayoffLine.Total => Total,
        _ => throw new ArgumentOutOfRangeException(nameof(line), line, "not a payoff line"),
    };

    /// <summary>The same lines with <paramref name="map"/> applied to each figure.</summary>
    public PayoffLines<TResult> Select<TResult>(Func<T, TResult> map)
    {
        ArgumentNullException.ThrowIfNull(map);
        return new(map(Operating), map(Stakes), map(Total));
    }

    /// <summary>Builds the lines from <paramref name="figure"/> called once per line, in the order operating, stakes, total.</summary>
    public static PayoffLines<T> Of(Func<PayoffLine, T> figure)
    {
        ArgumentNullException.ThrowIfNull(figure);
        return new(figure(PayoffLine.Operating), figure(PayoffLine.Stakes), figure(PayoffLine.Total));
    }
}
