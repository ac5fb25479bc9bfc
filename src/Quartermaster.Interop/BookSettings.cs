using System.Globalization;
using Quartermaster.Core;

namespace Quartermaster.Interop;

/// <summary>How a setting's value is written and read.</summary>
internal enum SettingKind
{
    Id,
    Text,
    Month,
    WholeNumber,
    Seed,
    Rate,
    Word,
    Number,
}

/// <summary>
/// One row of the <c>book</c> or <c>scenario</c> sheet: its name, unit and kind, how to read it from a book, and how to
/// set it on a draft. Adding a scenario setting to the book is adding one line here.
/// </summary>
internal sealed record BookSetting(string Name, string? Unit, SettingKind Kind, Func<Book, object?> Get, Action<BookDraft, object> Set, IReadOnlyList<string>? Words = null)
{
    /// <summary>The sheet row of this setting of <paramref name="book"/>.</summary>
    public IReadOnlyList<Cell> Row(Book book)
    {
        var value = Get(book);
        var cell = value switch
        {
            null => Cell.Empty,
            string text => Cell.Of(text),
            Month month => Cell.Of(month),
            int number => Cell.Of(number),
            ulong seed => seed <= BookSheets.MaxExactWholeNumber ? Cell.Of(seed) : Cell.Of(seed.ToString(CultureInfo.InvariantCulture)),
            Rate rate => Cell.Of(rate.Fraction),
            double number => Cell.Of(number),
            _ => throw new InvalidOperationException($"setting {Name} has a value of type {value.GetType().Name}"),
        };
        return [Cell.Of(Name), cell, Cell.Of(Unit), value is Rate r ? BookSheets.Period(r) : Cell.Empty];
    }
}

/// <summary>The rows of the <c>book</c> and <c>scenario</c> sheets.</summary>
internal static class BookSettings
{
    private static readonly string[] Regimes = ["boom", "cooling"];

    private static readonly string[] ItPurchases = ["with-capacity", "with-contracts"];

    public static IReadOnlyList<BookSetting> Book { get; } =
    [
        new("book", null, SettingKind.Id, b => b.Id, (d, v) => d.Id = (string)v),
        new("provider", null, SettingKind.Text, b => b.Provider, (d, v) => d.Provider = (string)v),
        new("horizon start", null, SettingKind.Month, b => b.Horizon.Start, (d, v) => d.HorizonStart = (Month)v),
        new("horizon end", null, SettingKind.Month, b => b.Horizon.End, (d, v) => d.HorizonEnd = (Month)v),
    ];

    public static IReadOnlyList<BookSetting> Scenario { get; } =
    [
        new("seed", null, SettingKind.Seed, b => b.Scenario.Seed, (d, v) => d.Scenario = d.Scenario with { Seed = (ulong)v }),
        new("paths", "count", SettingKind.WholeNumber, b => b.Scenario.Paths, (d, v) => d.Scenario = d.Scenario with { Paths = (int)v }),
        new("policy", null, SettingKind.Word, b => b.Scenario.Policy.ToName(),
            (d, v) => d.Scenario = d.Scenario with { Policy = AllocationPolicyNames.TryParse((string)v, out var p) ? p : throw new InvalidOperationException() },
            AllocationPolicyNames.All),
        new("discount rate", "fraction", SettingKind.Rate, b => b.Scenario.DiscountRate, (d, v) => d.Scenario = d.Scenario with { DiscountRate = (Rate)v }),
        new("start regime", null, SettingKind.Word, b => b.Scenario.StartRegime == Regime.Boom ? "boom" : "cooling",
            (d, v) => d.Scenario = d.Scenario with { StartRegime = (string)v == "boom" ? Regime.Boom : Regime.Cooling }, Regimes),
        new("boom to cooling", "fraction", SettingKind.Rate, b => b.Scenario.BoomToCooling, (d, v) => d.Scenario = d.Scenario with { BoomToCooling = (Rate)v }),
        new("cooling to boom", "fraction", SettingKind.Rate, b => b.Scenario.CoolingToBoom, (d, v) => d.Scenario = d.Scenario with { CoolingToBoom = (Rate)v }),
        new("boom growth", "fraction", SettingKind.Rate, b => b.Scenario.Boom.Growth,
            (d, v) => d.Scenario = d.Scenario with { Boom = d.Scenario.Boom with { Growth = (Rate)v } }),
        new("boom volatility", "fraction", SettingKind.Rate, b => b.Scenario.Boom.Volatility,
            (d, v) => d.Scenario = d.Scenario with { Boom = d.Scenario.Boom with { Volatility = (Rate)v } }),
        new("cooling growth", "fraction", SettingKind.Rate, b => b.Scenario.Cooling.Growth,
            (d, v) => d.Scenario = d.Scenario with { Cooling = d.Scenario.Cooling with { Growth = (Rate)v } }),
        new("cooling volatility", "fraction", SettingKind.Rate, b => b.Scenario.Cooling.Volatility,
            (d, v) => d.Scenario = d.Scenario with { Cooling = d.Scenario.Cooling with { Volatility = (Rate)v } }),
        new("sector ceiling", "multiple of the start", SettingKind.Number, b => b.Scenario.SectorCeiling,
            (d, v) => d.Scenario = d.Scenario with { SectorCeiling = (double)v }),
        new("either way max loss probability", "fraction", SettingKind.Number, b => b.Scenario.EitherWayMaxLossProbability,
            (d, v) => d.Scenario = d.Scenario with { EitherWayMaxLossProbability = (double)v }),
        new("it purchase", null, SettingKind.Word, b => b.Scenario.ItPurchase == ItPurchase.WithContracts ? "with-contracts" : "with-capacity",
            (d, v) => d.Scenario = d.Scenario with { ItPurchase = (string)v == "with-contracts" ? ItPurchase.WithContracts : ItPurchase.WithCapacity },
            ItPurchases),
    ];
}

/// <summary>The book-level values read so far from the <c>book</c> and <c>scenario</c> sheets.</summary>
internal sealed class BookDraft
{
    public string? Id { get; set; }

    public string? Provider { get; set; }

    public Month? HorizonStart { get; set; }

    public Month? HorizonEnd { get; set; }

    public ScenarioSettings Scenario { get; set; } = ScenarioSettings.Default;
}
