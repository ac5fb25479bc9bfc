using System.Globalization;
using System.Text.Json.Serialization;

namespace Quartermaster.Core;

/// <summary>
/// A calendar month such as 2026-06, the time step of every plan and stress path.
/// Stored as a single index (year * 12 + month - 1) so months compare and subtract as integers.
/// </summary>
[JsonConverter(typeof(MonthJsonConverter))]
public readonly record struct Month : IComparable<Month>
{
    /// <summary>Months since January of year 0; 2026-01 is 24312.</summary>
    public int Index { get; }

    private Month(int index) => Index = index;

    /// <summary>Creates the month of <paramref name="year"/> numbered <paramref name="month"/> (1 to 12).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The year is outside 1..9999 or the month outside 1..12.</exception>
    public Month(int year, int month)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(year, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(year, 9999);
        ArgumentOutOfRangeException.ThrowIfLessThan(month, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(month, 12);
        Index = (year * 12) + month - 1;
    }

    /// <summary>The calendar year.</summary>
    public int Year => Index / 12;

    /// <summary>The month of the year, 1 to 12.</summary>
    public int MonthOfYear => (Index % 12) + 1;

    /// <summary>The month <paramref name="months"/> after this one (before it when negative).</summary>
    public Month Plus(int months) => new(Index + months);

    /// <summary>Whole months from <paramref name="earlier"/> to this month.</summary>
    public int MonthsSince(Month earlier) => Index - earlier.Index;

    /// <inheritdoc/>
    public int CompareTo(Month other) => Index.CompareTo(other.Index);

    /// <summary>True when <paramref name="left"/> is earlier than <paramref name="right"/>.</summary>
    public static bool operator <(Month left, Month right) => left.Index < right.Index;

    /// <summary>True when <paramref name="left"/> is later than <paramref name="right"/>.</summary>
    public static bool operator >(Month left, Month right) => left.Index > right.Index;

    /// <summary>True when <paramref name="left"/> is not later than <paramref name="right"/>.</summary>
    public static bool operator <=(Month left, Month right) => left.Index <= right.Index;

    /// <summary>True when <paramref name="left"/> is not earlier than <paramref name="right"/>.</summary>
    public static bool operator >=(Month left, Month right) => left.Index >= right.Index;

    /// <summary>Parses exactly <c>YYYY-MM</c>; anything else (2026-6, 2026/06, 2026-13) is rejected.</summary>
    public static bool TryParse(string? text, out Month month)
    {
        month = default;
        if (text is not { Length: 7 } || text[4] != '-')
        {
            return false;
        }
        if (!int.TryParse(text.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            || !int.TryParse(text.AsSpan(5, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var m)
            || year < 1 || m < 1 || m > 12)
        {
            return false;
        }
        month = new Month(year, m);
        return true;
    }

    /// <summary>Parses <c>YYYY-MM</c>.</summary>
    /// <exception cref="FormatException">The text is not a month.</exception>
    public static Month Parse(string text) =>
        TryParse(text, out var month) ? month : throw new FormatException($"'{text}' is not a month like 2026-06");

    /// <summary>Formats as <c>YYYY-MM</c>.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-{MonthOfYear:D2}");
}
