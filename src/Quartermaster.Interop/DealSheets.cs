using Quartermaster.Watch;

namespace Quartermaster.Interop;

/// <summary>
/// Public deals as the sheet <c>deals</c>: one row per deal as the deals file states it, figures as numbers (GW, USD,
/// years) and the announcement as a date at the precision the source gives (a day, a month or a year).
/// </summary>
public static class DealSheets
{
    /// <summary>The <c>deals</c> sheet of <paramref name="deals"/>.</summary>
    public static Sheet Of(IEnumerable<Deal> deals)
    {
        ArgumentNullException.ThrowIfNull(deals);
        SheetColumn[] columns =
        [
            PlanSheets.Text("id"), new("announced", null, ColumnFormat.Date), PlanSheets.Text("provider"), PlanSheets.Text("lab"), PlanSheets.Text("kind"),
            new("power", "GW", ColumnFormat.Number), new("chips", "count", ColumnFormat.WholeNumber), PlanSheets.Text("chip type"),
            new("amount", "USD", ColumnFormat.Usd), new("term", "years", ColumnFormat.Number), PlanSheets.Text("exclusivity"),
            PlanSheets.Text("confidence"), PlanSheets.Text("source"), PlanSheets.Text("source title"), PlanSheets.Text("notes"),
        ];
        return new Sheet("deals", columns, [.. deals.Select(d => PlanSheets.Row(
            Cell.Of(d.Id), Announced(d.Announced), Cell.Of(d.Provider), Cell.Of(d.Lab), Cell.Of(d.Kind.Word()),
            Cell.Of(d.PowerGw), Cell.Of(d.ChipCount), Cell.Of(d.ChipType), Cell.Of(d.AmountUsd), Cell.Of(d.TermYears), Cell.Of(d.Exclusivity),
            Cell.Of(d.Confidence.Word()), Cell.Of(d.SourceUrl), Cell.Of(d.SourceTitle), Cell.Of(d.Notes)))]);
    }

    private static Cell Announced(AnnouncedDate? date) => date switch
    {
        null => Cell.Empty,
        { Precision: DatePrecision.Day } d => Cell.OfDay(new DateOnly(d.Year, d.MonthOfYear, d.Day)),
        { Precision: DatePrecision.Month } d => Cell.Of(new Core.Month(d.Year, d.MonthOfYear)),
        { } d => Cell.OfYear(d.Year),
    };
}
