namespace Quartermaster.Interop;

/// <summary>
/// The sheets and columns of a book in a workbook: what <c>qm export</c> writes as the book part, what
/// <c>qm template</c> writes and what <c>qm import</c> reads. A number is in its header's unit; a rate's period is in
/// the column after it (<c>yr</c> or <c>month</c>), as the book states it; an empty optional cell takes the default.
/// </summary>
public static class BookColumns
{
    /// <summary>The words of a rate's period column.</summary>
    public static readonly IReadOnlyList<string> Periods = ["yr", "month"];

    /// <summary>Sheet names of the book part, in workbook order.</summary>
    public const string Book = "book", Scenario = "scenario", Sites = "sites", ChipPools = "chip_pools", Online = "online",
        RivalryGroups = "rivalry_groups", Tenants = "tenants", Contracts = "contracts", Ramps = "ramps", Investments = "investments";

    /// <summary>Every sheet of the book part, in workbook order.</summary>
    public static IReadOnlyList<string> SheetNames { get; } = [Book, Scenario, Sites, ChipPools, Online, RivalryGroups, Tenants, Contracts, Ramps, Investments];

    /// <summary>Columns of <c>book</c> and <c>scenario</c>: one setting per row.</summary>
    public static IReadOnlyList<SheetColumn> Settings { get; } =
    [
        new("setting", null, ColumnFormat.Text, Note: "The setting's name; the rows may come in any order."),
        new("value", null, ColumnFormat.Mixed, Note: "A number in the unit of the 'unit' column, a word, or a month. Empty: the default."),
        new("unit", null, ColumnFormat.Text, Note: "The unit of the value (fraction: 0.08 for 8%); for reading only, and checked when present."),
        new("period", null, ColumnFormat.Text, Periods, "For a rate: yr or month, the period its fraction applies to."),
    ];

    /// <summary>Columns of <c>sites</c>.</summary>
    public static IReadOnlyList<SheetColumn> SiteColumns { get; } =
    [
        new("id", null, ColumnFormat.Text, Note: "Unique site id: letters, digits, '.', '_' or '-'."),
        new("region", null, ColumnFormat.Text, Note: "Region id, such as us-east; contracts name the regions they may be served from."),
        new("halls", "count", ColumnFormat.WholeNumber, Note: "Number of equal halls; empty: 1."),
        new("capex", "USD/MW", ColumnFormat.Usd, Note: "Facility capital cost (shell, power, cooling) per MW as capacity comes online; bought once."),
        new("opex", "USD/MW-month", ColumnFormat.Usd, Note: "Operating cost per online MW per month."),
        new("it capex", "USD/MW", ColumnFormat.Usd, Note: "IT equipment per MW, bought as capacity comes online and at each refresh; empty: 0 (the tenant brings its own)."),
        new("refresh years", "years", ColumnFormat.Number, Note: "Years between purchases of the same IT equipment; empty: 5."),
        new("facility life years", "years", ColumnFormat.Number, Note: "Years over which the facility is depreciated (its residual value at the horizon); empty: 20."),
    ];

    /// <summary>Columns of <c>chip_pools</c>: a site's capacity split by chip type.</summary>
    public static IReadOnlyList<SheetColumn> ChipPoolColumns { get; } =
    [
        new("site", null, ColumnFormat.Text, Note: "Id of a site in 'sites'."),
        new("chip", null, ColumnFormat.Text, Note: "Chip type, such as gb300."),
        new("share", "fraction", ColumnFormat.Fraction, Note: "Fraction of the site's online MW in this pool; a site's shares add up to 1."),
    ];

    /// <summary>Columns of <c>online</c>: a site's capacity as steps (the value holds until the site's next row).</summary>
    public static IReadOnlyList<SheetColumn> OnlineColumns { get; } =
    [
        new("site", null, ColumnFormat.Text, Note: "Id of a site in 'sites'; a site's rows in increasing month order."),
        new("from", null, ColumnFormat.Month, Note: "First month of the step (a date on the first of the month, shown yyyy-mm)."),
        new("online", "MW", ColumnFormat.Megawatts, Note: "MW online from that month until the site's next step."),
    ];

    /// <summary>Columns of <c>rivalry_groups</c>.</summary>
    public static IReadOnlyList<SheetColumn> GroupColumns { get; } =
    [
        new("id", null, ColumnFormat.Text, Note: "Unique id of a group of competing tenants."),
        new("name", null, ColumnFormat.Text, Note: "A name for reports; empty: the id."),
    ];

    /// <summary>Columns of <c>tenants</c>, with the tenant's settings in the stress model (docs/stress-model.md).</summary>
    public static IReadOnlyList<SheetColumn> TenantColumns { get; } =
    [
        new("id", null, ColumnFormat.Text, Note: "Unique tenant id."),
        new("name", null, ColumnFormat.Text, Note: "A name for reports; empty: the id."),
        new("rivalry group", null, ColumnFormat.Text, Note: "Id of its group in 'rivalry_groups'; empty: it competes with no one here."),
        new("initial share", "fraction", ColumnFormat.Fraction, Note: "Its share of the group's demand at the start; empty: equal shares (state for all members or none)."),
        new("strength volatility", "per month", ColumnFormat.Number, Note: "Monthly standard deviation of the lab-strength random walk; empty: 0.05."),
        new("drift hazard", "fraction", ColumnFormat.Fraction, Note: "Chance per period of moving demand to another provider; empty: 5% per year."),
        new("drift hazard period", null, ColumnFormat.Text, Periods, "yr or month."),
        new("drift fraction", "fraction", ColumnFormat.Fraction, Note: "Fraction of remaining demand moved at each drift; empty: 0.10."),
        new("default hazard boom", "fraction", ColumnFormat.Fraction, Note: "Chance per period of default while the sector booms; empty: 1% per year."),
        new("default hazard boom period", null, ColumnFormat.Text, Periods, "yr or month."),
        new("default hazard cooling", "fraction", ColumnFormat.Fraction, Note: "Chance per period of default while the sector cools; empty: 5% per year."),
        new("default hazard cooling period", null, ColumnFormat.Text, Periods, "yr or month."),
        new("recovery", "fraction", ColumnFormat.Fraction, Note: "Fraction of the remaining take-or-pay recovered after a default; empty: 0.40."),
        new("demand", "fraction of committed", ColumnFormat.Fraction, Note: "Demand when the sector index is 1, as a fraction of committed MW; empty: 1."),
    ];

    /// <summary>Columns of <c>contracts</c>.</summary>
    public static IReadOnlyList<SheetColumn> ContractColumns { get; } =
    [
        new("id", null, ColumnFormat.Text, Note: "Unique contract id."),
        new("tenant", null, ColumnFormat.Text, Note: "Id of a tenant in 'tenants'."),
        new("start", null, ColumnFormat.Month, Note: "First month of the term."),
        new("end", null, ColumnFormat.Month, Note: "Last month of the term (included)."),
        new("price", "USD/MW-month", ColumnFormat.Usd, Note: "Price per MW per month."),
        new("take or pay", "fraction", ColumnFormat.Fraction, Note: "Fraction of committed MW paid for whether used or not."),
        new("chips", null, ColumnFormat.Text, Note: "Chip types it can run on, separated by commas: gb300, mi450."),
        new("regions", null, ColumnFormat.Text, Note: "Regions it can be served from, separated by commas."),
        new("isolation", null, ColumnFormat.Text, ["shared", "dedicated-hall"], "shared, or dedicated-hall (never a hall shared with a rival); empty: shared."),
        new("weight", null, ColumnFormat.Number, Note: "Weight under the weighted policy; empty: 1."),
    ];

    /// <summary>Columns of <c>ramps</c>: a contract's committed MW as steps.</summary>
    public static IReadOnlyList<SheetColumn> RampColumns { get; } =
    [
        new("contract", null, ColumnFormat.Text, Note: "Id of a contract in 'contracts'; a contract's rows in increasing month order, within its term."),
        new("from", null, ColumnFormat.Month, Note: "First month of the step."),
        new("committed", "MW", ColumnFormat.Megawatts, Note: "MW committed from that month until the contract's next step or the end of its term."),
    ];

    /// <summary>Columns of <c>investments</c>: equity stakes in tenants.</summary>
    public static IReadOnlyList<SheetColumn> InvestmentColumns { get; } =
    [
        new("id", null, ColumnFormat.Text, Note: "Unique investment id."),
        new("tenant", null, ColumnFormat.Text, Note: "Id of the tenant invested in."),
        new("amount", "USD", ColumnFormat.Usd, Note: "Dollars invested."),
        new("ownership", "fraction", ColumnFormat.Fraction, Note: "Fraction of the tenant owned."),
        new("valuation", "USD", ColumnFormat.Usd, Note: "The tenant's valuation when the stake was taken."),
        new("beta", null, ColumnFormat.Number, Note: "Elasticity of the valuation to the tenant's demand index; empty: 1."),
        new("date", null, ColumnFormat.Month, Note: "Month the stake is bought; empty: the start of the horizon."),
        new("valuation cap", "USD", ColumnFormat.Usd, Note: "The most the tenant's valuation can reach at the horizon; empty: $5T."),
    ];

    /// <summary>The columns of book sheet <paramref name="sheet"/>.</summary>
    public static IReadOnlyList<SheetColumn> Of(string sheet) => sheet switch
    {
        Book or Scenario => Settings,
        Sites => SiteColumns,
        ChipPools => ChipPoolColumns,
        Online => OnlineColumns,
        RivalryGroups => GroupColumns,
        Tenants => TenantColumns,
        Contracts => ContractColumns,
        Ramps => RampColumns,
        Investments => InvestmentColumns,
        _ => throw new ArgumentOutOfRangeException(nameof(sheet), sheet, "not a book sheet"),
    };
}
