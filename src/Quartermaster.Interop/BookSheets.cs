using Quartermaster.Core;

namespace Quartermaster.Interop;

/// <summary>
/// A book as the sheets of <see cref="BookColumns"/>: every setting written out (defaults included, so a reader sees
/// them), schedules as one row per step, lists as comma-separated ids. <see cref="BookImport"/> reads them back to an equal book.
/// </summary>
public static class BookSheets
{
    /// <summary>Largest seed written as a number: above 2^53 a spreadsheet's double cannot hold every whole number, so it is written as text.</summary>
    internal const double MaxExactWholeNumber = 9_007_199_254_740_992;

    /// <summary>The sheets of <paramref name="book"/>, in <see cref="BookColumns.SheetNames"/> order.</summary>
    public static IReadOnlyList<Sheet> Of(Book book)
    {
        ArgumentNullException.ThrowIfNull(book);
        return
        [
            new Sheet(BookColumns.Book, BookColumns.Settings, [.. BookSettings.Book.Select(s => s.Row(book))]),
            new Sheet(BookColumns.Scenario, BookColumns.Settings, [.. BookSettings.Scenario.Select(s => s.Row(book))]),
            new Sheet(BookColumns.Sites, BookColumns.SiteColumns,
                [.. book.Sites.Select(s => Row(Cell.Of(s.Id), Cell.Of(s.Region), Cell.Of(s.Halls), Cell.Of(s.CapexPerMwUsd), Cell.Of(s.OpexPerMwMonthUsd),
                    Cell.Of(s.ItCapexPerMwUsd), Cell.Of(s.ItRefreshYears), Cell.Of(s.FacilityLifeYears)))]),
            new Sheet(BookColumns.ChipPools, BookColumns.ChipPoolColumns,
                [.. book.Sites.SelectMany(s => s.ChipPools.Select(p => Row(Cell.Of(s.Id), Cell.Of(p.Chip), Cell.Of(p.ShareFraction))))]),
            new Sheet(BookColumns.Online, BookColumns.OnlineColumns,
                [.. book.Sites.SelectMany(s => s.Online.Select(step => Row(Cell.Of(s.Id), Cell.Of(step.From), Cell.Of(step.Mw))))]),
            new Sheet(BookColumns.RivalryGroups, BookColumns.GroupColumns, [.. book.RivalryGroups.Select(g => Row(Cell.Of(g.Id), Cell.Of(g.Name)))]),
            new Sheet(BookColumns.Tenants, BookColumns.TenantColumns, [.. book.Tenants.Select(TenantRow)]),
            new Sheet(BookColumns.Contracts, BookColumns.ContractColumns, [.. book.Contracts.Select(ContractRow)]),
            new Sheet(BookColumns.Ramps, BookColumns.RampColumns,
                [.. book.Contracts.SelectMany(c => c.Ramp.Select(step => Row(Cell.Of(c.Id), Cell.Of(step.From), Cell.Of(step.Mw))))]),
            new Sheet(BookColumns.Investments, BookColumns.InvestmentColumns, [.. book.Investments.Select(i => Row(
                Cell.Of(i.Id), Cell.Of(i.Tenant), Cell.Of(i.AmountUsd), Cell.Of(i.OwnershipFraction), Cell.Of(i.ValuationUsd), Cell.Of(i.Beta), Cell.Of(i.Date),
                Cell.Of(i.ValuationCapUsd)))]),
        ];
    }

    private static IReadOnlyList<Cell> TenantRow(Tenant t)
    {
        var r = t.Risk;
        return Row(Cell.Of(t.Id), Cell.Of(t.Name), Cell.Of(t.RivalryGroup), Cell.Of(r.InitialShareFraction), Cell.Of(r.StrengthVolatility),
            Cell.Of(r.DriftHazard.Fraction), Period(r.DriftHazard), Cell.Of(r.DriftFraction),
            Cell.Of(r.DefaultHazardBoom.Fraction), Period(r.DefaultHazardBoom), Cell.Of(r.DefaultHazardCooling.Fraction), Period(r.DefaultHazardCooling),
            Cell.Of(r.RecoveryFraction), Cell.Of(r.DemandFraction));
    }

    private static IReadOnlyList<Cell> ContractRow(Contract c) => Row(
        Cell.Of(c.Id), Cell.Of(c.Tenant), Cell.Of(c.Start), Cell.Of(c.End), Cell.Of(c.PricePerMwMonthUsd), Cell.Of(c.TakeOrPayFraction),
        Cell.Of(string.Join(", ", c.Chips)), Cell.Of(string.Join(", ", c.Regions)),
        Cell.Of(c.Isolation == Isolation.DedicatedHall ? "dedicated-hall" : "shared"), Cell.Of(c.Weight));

    /// <summary>The period word of <paramref name="rate"/>: <c>yr</c> or <c>month</c>.</summary>
    internal static Cell Period(Rate rate) => Cell.Of(rate.Period == RatePeriod.Year ? "yr" : "month");

    private static Cell[] Row(params Cell[] cells) => cells;
}
