using System.Globalization;
using Quartermaster.Core;

namespace Quartermaster.Watch;

/// <summary>
/// When a deal was announced, kept at the precision the source gives: a day (<c>2025-09-22</c>), a month
/// (<c>2025-09</c>) or a year (<c>2026</c>). Nothing finer than the source is ever implied.
/// </summary>
public readonly record struct AnnouncedDate
{
    private AnnouncedDate(int year, int month, int day, DatePrecision precision)
    {
        Year = year;
        MonthOfYear = month;
        Day = day;
        Precision = precision;
    }

    /// <summary>The calendar year.</summary>
    public int Year { get; }

    /// <summary>The month of the year, 1 to 12; 12 when only the year is known (see <see cref="TimelineMonth"/>).</summary>
    public int MonthOfYear { get; }

    /// <summary>The day of the month, or 0 unless <see cref="Precision"/> is <see cref="DatePrecision.Day"/>.</summary>
    public int Day { get; }

    /// <summary>How much of the date is known.</summary>
    public DatePrecision Precision { get; }

    /// <summary>
    /// The month the deal is placed in on a timeline: its own month when the month is known, and December
    /// of its year when only the year is. Placing a year-only deal at the year's end means a cumulative
    /// figure never counts a commitment before it could have been made: every cumulative value is a lower bound.
    /// </summary>
    public Month TimelineMonth => new(Year, MonthOfYear);

    /// <summary>Parses <c>YYYY</c>, <c>YYYY-MM</c> or <c>YYYY-MM-DD</c> (a real calendar date, year 1900 to 2200).</summary>
    public static bool TryParse(string text, out AnnouncedDate date)
    {
        date = default;
        ArgumentNullException.ThrowIfNull(text);
        const NumberStyles digits = NumberStyles.None;
        var inv = CultureInfo.InvariantCulture;
        switch (text.Length)
        {
            case 4 when int.TryParse(text, digits, inv, out var y) && Plausible(y):
                date = new AnnouncedDate(y, 12, 0, DatePrecision.Year);
                return true;
            case 7 when text[4] == '-' && Month.TryParse(text, out var m) && Plausible(m.Year):
                date = new AnnouncedDate(m.Year, m.MonthOfYear, 0, DatePrecision.Month);
                return true;
            case 10 when DateOnly.TryParseExact(text, "yyyy-MM-dd", inv, DateTimeStyles.None, out var d) && Plausible(d.Year):
                date = new AnnouncedDate(d.Year, d.Month, d.Day, DatePrecision.Day);
                return true;
            default:
                return false;
        }
    }

    private static bool Plausible(int year) => year is >= 1900 and <= 2200;

    /// <summary>Formats at its own precision, exactly as it parses.</summary>
    public override string ToString() => Precision switch
    {
        DatePrecision.Year => Year.ToString("D4", CultureInfo.InvariantCulture),
        DatePrecision.Month => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-{MonthOfYear:D2}"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-{MonthOfYear:D2}-{Day:D2}"),
    };
}
