namespace Quartermaster.Interop;

/// <summary>How a column's numbers are shown in a workbook; the stored value is always the exact number.</summary>
public enum ColumnFormat
{
    /// <summary>Text (ids, names, words).</summary>
    Text,

    /// <summary>A whole number, with thousands separators.</summary>
    WholeNumber,

    /// <summary>A number as it is (general format).</summary>
    Number,

    /// <summary>Megawatts, with thousands separators and up to three decimals.</summary>
    Megawatts,

    /// <summary>US dollars, whole, with thousands separators.</summary>
    Usd,

    /// <summary>A fraction shown as a percentage (0.85 shows as 85.00%).</summary>
    Fraction,

    /// <summary>A month: a date shown as <c>yyyy-mm</c>.</summary>
    Month,

    /// <summary>A date at its own precision: day, month or year.</summary>
    Date,

    /// <summary>A column of mixed values (a setting's value): numbers, text or months, each shown in its kind's format.</summary>
    Mixed,
}
