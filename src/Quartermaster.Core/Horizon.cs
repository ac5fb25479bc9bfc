namespace Quartermaster.Core;

/// <summary>The months a book plans and stresses over, both ends included.</summary>
/// <param name="Start">The first month.</param>
/// <param name="End">The last month (not before <paramref name="Start"/>).</param>
public sealed record Horizon(Month Start, Month End)
{
    /// <summary>The last month, not before <see cref="Start"/>.</summary>
    public Month End { get; init => field = Preconditions.NotBefore(value, Start, nameof(End)); } = Preconditions.NotBefore(End, Start);

    /// <summary>Number of months, both ends included.</summary>
    public int MonthCount => End.MonthsSince(Start) + 1;

    /// <summary>Every month of the horizon in order.</summary>
    public IEnumerable<Month> Months()
    {
        for (var m = Start; m <= End; m = m.Plus(1))
        {
            yield return m;
        }
    }

    /// <summary>True when <paramref name="month"/> lies within the horizon.</summary>
    public bool Contains(Month month) => month >= Start && month <= End;
}
