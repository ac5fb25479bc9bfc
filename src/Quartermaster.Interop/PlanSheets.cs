using Quartermaster.Core;

namespace Quartermaster.Interop;

/// <summary>
/// A plan as sheets: <c>allocations</c> (MW per contract, site, chip pool and month), <c>fill</c> (committed, allocated and
/// fill ratio per contract and month), <c>fill_by_month</c> (the fill ratios as a contract-by-month grid),
/// <c>idle</c> (online, allocated and idle MW per site and month) and <c>shortfalls</c> (with the saturated pools that bound them).
/// </summary>
public static class PlanSheets
{
    /// <summary>The sheets of <paramref name="plan"/> of <paramref name="book"/>.</summary>
    public static IReadOnlyList<Sheet> Of(Book book, Plan plan)
    {
        ArgumentNullException.ThrowIfNull(book);
        ArgumentNullException.ThrowIfNull(plan);
        return
        [
            new Sheet("allocations",
                [Month("month"), Text("contract"), Text("tenant"), Text("site"), Text("chip"), Mw("allocated")],
                [.. plan.Allocations.Select(a => Row(Cell.Of(a.Month), Cell.Of(a.ContractId), Cell.Of(a.TenantId), Cell.Of(a.SiteId), Cell.Of(a.Chip), Cell.Of(a.Mw)))]),
            new Sheet("fill",
                [Month("month"), Text("contract"), Text("tenant"), Mw("committed"), Mw("allocated"), new SheetColumn("fill ratio", "fraction", ColumnFormat.Fraction)],
                [.. plan.Fills.Select(f => Row(Cell.Of(f.Month), Cell.Of(f.ContractId), Cell.Of(f.TenantId), Cell.Of(f.CommittedMw), Cell.Of(f.AllocatedMw), Cell.Of(f.FillRatio)))]),
            FillGrid(book, plan),
            new Sheet("idle",
                [Month("month"), Text("site"), Mw("online"), Mw("allocated"), Mw("idle")],
                [.. plan.Idle.Select(i => Row(Cell.Of(i.Month), Cell.Of(i.SiteId), Cell.Of(i.OnlineMw), Cell.Of(i.AllocatedMw), Cell.Of(i.IdleMw)))]),
            new Sheet("shortfalls",
                [Month("month"), Text("contract"), Text("tenant"), Mw("short"), Text("saturated pools"), Text("saturated sites")],
                [.. plan.Shortfalls.Select(s => Row(Cell.Of(s.Month), Cell.Of(s.ContractId), Cell.Of(s.TenantId), Cell.Of(s.ShortMw),
                    Cell.Of(string.Join(", ", s.SaturatedPools.Select(p => p.ToString()))), Cell.Of(string.Join(", ", s.SaturatedSites))))]),
        ];
    }

    /// <summary>Fill ratio per contract (rows) and planned month (columns), empty outside the contract's term.</summary>
    private static Sheet FillGrid(Book book, Plan plan)
    {
        var index = plan.Months.Select((m, i) => (m, i)).ToDictionary(p => p.m, p => p.i);
        var byContract = book.Contracts.ToDictionary(c => c.Id, _ => new Cell[plan.Months.Count], StringComparer.Ordinal);
        foreach (var fill in plan.Fills)
        {
            if (byContract.TryGetValue(fill.ContractId, out var cells) && index.TryGetValue(fill.Month, out var i))
            {
                cells[i] = Cell.Of(fill.FillRatio);
            }
        }
        SheetColumn[] columns =
        [
            Text("contract"), Text("tenant"),
            .. plan.Months.Select(m => new SheetColumn(m.ToString(), null, ColumnFormat.Fraction, Note: "fill ratio (fraction)")),
        ];
        return new Sheet("fill_by_month", columns,
            [.. book.Contracts.Select(c => (IReadOnlyList<Cell>)[Cell.Of(c.Id), Cell.Of(c.Tenant), .. byContract[c.Id]])]);
    }

    internal static SheetColumn Month(string name) => new(name, null, ColumnFormat.Month);

    internal static SheetColumn Text(string name) => new(name, null, ColumnFormat.Text);

    internal static SheetColumn Mw(string name) => new(name, "MW", ColumnFormat.Megawatts);

    internal static Cell[] Row(params Cell[] cells) => cells;
}
