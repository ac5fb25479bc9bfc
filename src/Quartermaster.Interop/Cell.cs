using System.Globalization;
using Quartermaster.Core;

namespace Quartermaster.Interop;

/// <summary>What a <see cref="Cell"/> holds.</summary>
public enum CellKind
{
    /// <summary>Nothing.</summary>
    Empty,

    /// <summary>A finite number, in the unit of its column's header.</summary>
    Number,

    /// <summary>Text.</summary>
    Text,

    /// <summary>A calendar month, written as the date of its first day and shown as <c>yyyy-mm</c>.</summary>
    Month,

    /// <summary>A calendar day, shown as <c>yyyy-mm-dd</c>.</summary>
    Day,

    /// <summary>A year only, written as its first day and shown as <c>yyyy</c>.</summary>
    Year,
}

/// <summary>
/// One value of a sheet: a number, a text, or a date at the precision its source gives. Written to xlsx as a
/// number or a date serial (never numbers as text), to CSV as invariant text.
/// </summary>
public readonly record struct Cell
{
    private Cell(CellKind kind, double number, string? text, DateOnly date)
    {
        Kind = kind;
        NumberValue = number;
        TextValue = text;
        DateValue = date;
    }

    /// <summary>What the cell holds.</summary>
    public CellKind Kind { get; }

    /// <summary>The number of a <see cref="CellKind.Number"/> cell; 0 otherwise.</summary>
    public double NumberValue { get; }

    /// <summary>The text of a <see cref="CellKind.Text"/> cell; null otherwise.</summary>
    public string? TextValue { get; }

    /// <summary>The first day of the period of a <see cref="CellKind.Month"/>, <see cref="CellKind.Day"/> or <see cref="CellKind.Year"/> cell.</summary>
    public DateOnly DateValue { get; }

    /// <summary>The empty cell.</summary>
    public static Cell Empty => default;

    /// <summary>A number cell.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The number is NaN or infinite: no such value may reach an output.</exception>
    public static Cell Of(double number)
    {
        if (!double.IsFinite(number))
        {
            throw new ArgumentOutOfRangeException(nameof(number), number, "a sheet holds only finite numbers");
        }
        return new(CellKind.Number, number, null, default);
    }

    /// <summary>A number cell, or an empty one for null.</summary>
    public static Cell Of(double? number) => number is { } n ? Of(n) : Empty;

    /// <summary>A text cell, or an empty one for null or "".</summary>
    public static Cell Of(string? text) => string.IsNullOrEmpty(text) ? Empty : new(CellKind.Text, 0, text, default);

    /// <summary>A month cell.</summary>
    public static Cell Of(Month month) => new(CellKind.Month, 0, null, new DateOnly(month.Year, month.MonthOfYear, 1));

    /// <summary>A month cell, or an empty one for null.</summary>
    public static Cell Of(Month? month) => month is { } m ? Of(m) : Empty;

    /// <summary>A day cell.</summary>
    public static Cell OfDay(DateOnly day) => new(CellKind.Day, 0, null, day);

    /// <summary>A year cell.</summary>
    public static Cell OfYear(int year) => new(CellKind.Year, 0, null, new DateOnly(year, 1, 1));

    /// <summary>The cell as CSV text shows it: numbers in their shortest round-trip form, months as <c>yyyy-mm</c>.</summary>
    public string ToInvariantText() => Kind switch
    {
        CellKind.Number => NumberValue.ToString("R", CultureInfo.InvariantCulture),
        CellKind.Text => TextValue!,
        CellKind.Month => DateValue.ToString("yyyy-MM", CultureInfo.InvariantCulture),
        CellKind.Day => DateValue.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        CellKind.Year => DateValue.ToString("yyyy", CultureInfo.InvariantCulture),
        _ => "",
    };

    /// <summary>The cell as a person reads it in messages.</summary>
    public override string ToString() => ToInvariantText();
}
