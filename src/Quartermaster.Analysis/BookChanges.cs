using System.Globalization;
using Quartermaster.Books;
using Quartermaster.Core;

namespace Quartermaster.Analysis;

/// <summary>
/// Lists what differs between two books, entity by entity (matched by id), with each changed field written as the
/// book writes it. Entities come in the book's section order; within a section, old book order, then added ones.
/// </summary>
public static class BookChanges
{
    /// <summary>The changes from <paramref name="oldBook"/> to <paramref name="newBook"/>; empty when they are equal.</summary>
    public static IReadOnlyList<EntityChange> Of(Book oldBook, Book newBook)
    {
        ArgumentNullException.ThrowIfNull(oldBook);
        ArgumentNullException.ThrowIfNull(newBook);
        var changes = new List<EntityChange>();
        Compare(changes, "book", [oldBook], [newBook], _ => newBook.Id, BookFields);
        Compare(changes, "scenario", [oldBook.Scenario], [newBook.Scenario], _ => newBook.Id, ScenarioFields);
        Compare(changes, "site", oldBook.Sites, newBook.Sites, s => s.Id, SiteFields);
        Compare(changes, "rivalry-group", oldBook.RivalryGroups, newBook.RivalryGroups, g => g.Id, g => [("name", g.Name)]);
        Compare(changes, "tenant", oldBook.Tenants, newBook.Tenants, t => t.Id, TenantFields);
        Compare(changes, "contract", oldBook.Contracts, newBook.Contracts, c => c.Id, ContractFields);
        Compare(changes, "investment", oldBook.Investments, newBook.Investments, i => i.Id, InvestmentFields);
        return changes;
    }

    private static void Compare<T>(List<EntityChange> changes, string entity, IReadOnlyList<T> old, IReadOnlyList<T> @new, Func<T, string> id, Func<T, IEnumerable<(string Field, string? Value)>> fields)
    {
        var newById = @new.GroupBy(id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var oldIds = old.Select(id).ToHashSet(StringComparer.Ordinal);
        foreach (var item in old)
        {
            if (!newById.TryGetValue(id(item), out var counterpart))
            {
                changes.Add(new EntityChange(entity, id(item), ChangeKind.Removed, [.. fields(item).Select(f => new FieldChange(f.Field, f.Value, null))]));
                continue;
            }
            var before = fields(item).ToList();
            var after = fields(counterpart).ToDictionary(f => f.Field, f => f.Value, StringComparer.Ordinal);
            var differing = before.Where(f => f.Value != after.GetValueOrDefault(f.Field))
                .Select(f => new FieldChange(f.Field, f.Value, after.GetValueOrDefault(f.Field))).ToList();
            if (differing.Count > 0)
            {
                changes.Add(new EntityChange(entity, id(item), ChangeKind.Changed, differing));
            }
        }
        foreach (var item in @new.Where(i => !oldIds.Contains(id(i))))
        {
            changes.Add(new EntityChange(entity, id(item), ChangeKind.Added, [.. fields(item).Select(f => new FieldChange(f.Field, null, f.Value))]));
        }
    }

    private static IEnumerable<(string, string?)> BookFields(Book b) =>
    [
        ("book", b.Id),
        ("provider", b.Provider),
        ("horizon", $"{b.Horizon.Start} to {b.Horizon.End}"),
    ];

    private static IEnumerable<(string, string?)> ScenarioFields(ScenarioSettings s) =>
    [
        ("seed", s.Seed.ToString(CultureInfo.InvariantCulture)),
        ("paths", s.Paths.ToString(CultureInfo.InvariantCulture)),
        ("policy", s.Policy.ToName()),
        ("discount_rate", Quantities.FormatRate(s.DiscountRate)),
        ("start_regime", s.StartRegime == Regime.Boom ? "boom" : "cooling"),
        ("boom_to_cooling", Quantities.FormatRate(s.BoomToCooling)),
        ("cooling_to_boom", Quantities.FormatRate(s.CoolingToBoom)),
        ("boom", Dynamics(s.Boom)),
        ("cooling", Dynamics(s.Cooling)),
        ("sector_ceiling", s.SectorCeiling is { } ceiling ? Quantities.FormatNumber(ceiling) : "unbounded"),
        ("either_way_max_loss_probability", Quantities.FormatPercent(s.EitherWayMaxLossProbability)),
        ("it_purchase", s.ItPurchase == ItPurchase.WithContracts ? "with-contracts" : "with-capacity"),
    ];

    private static string Dynamics(RegimeDynamics r) => $"growth {Quantities.FormatRate(r.Growth)}, volatility {Quantities.FormatRate(r.Volatility)}";

    private static IEnumerable<(string, string?)> SiteFields(Site s) =>
    [
        ("region", s.Region),
        ("halls", s.Halls.ToString(CultureInfo.InvariantCulture)),
        ("capex", Quantities.FormatMoney(s.CapexPerMwUsd, "/MW")),
        ("it_capex", Quantities.FormatMoney(s.ItCapexPerMwUsd, "/MW")),
        ("refresh_years", Quantities.FormatNumber(s.ItRefreshYears)),
        ("facility_life_years", Quantities.FormatNumber(s.FacilityLifeYears)),
        ("opex", Quantities.FormatMoney(s.OpexPerMwMonthUsd, "/MW-month")),
        ("chips", string.Join(", ", s.ChipPools.Select(p => $"{p.Chip}: {Quantities.FormatPercent(p.ShareFraction)}"))),
        ("online", Schedule(s.Online)),
    ];

    private static IEnumerable<(string, string?)> TenantFields(Tenant t)
    {
        var r = t.Risk;
        return
        [
            ("name", t.Name),
            ("rivalry_group", t.RivalryGroup),
            ("initial_share", r.InitialShareFraction is { } share ? Quantities.FormatPercent(share) : null),
            ("strength_volatility", Quantities.FormatNumber(r.StrengthVolatility)),
            ("drift_hazard", Quantities.FormatRate(r.DriftHazard)),
            ("drift_fraction", Quantities.FormatPercent(r.DriftFraction)),
            ("default_hazard_boom", Quantities.FormatRate(r.DefaultHazardBoom)),
            ("default_hazard_cooling", Quantities.FormatRate(r.DefaultHazardCooling)),
            ("recovery", Quantities.FormatPercent(r.RecoveryFraction)),
            ("demand", Quantities.FormatPercent(r.DemandFraction)),
        ];
    }

    private static IEnumerable<(string, string?)> ContractFields(Contract c) =>
    [
        ("tenant", c.Tenant),
        ("start", c.Start.ToString()),
        ("end", c.End.ToString()),
        ("price", Quantities.FormatMoney(c.PricePerMwMonthUsd, "/MW-month")),
        ("take_or_pay", Quantities.FormatPercent(c.TakeOrPayFraction)),
        ("chips", string.Join(", ", c.Chips)),
        ("regions", string.Join(", ", c.Regions)),
        ("isolation", c.Isolation == Isolation.DedicatedHall ? "dedicated-hall" : "shared"),
        ("weight", Quantities.FormatNumber(c.Weight)),
        ("ramp", Schedule(c.Ramp)),
    ];

    private static IEnumerable<(string, string?)> InvestmentFields(Investment i) =>
    [
        ("tenant", i.Tenant),
        ("amount", Quantities.FormatMoney(i.AmountUsd)),
        ("ownership", Quantities.FormatPercent(i.OwnershipFraction)),
        ("valuation", Quantities.FormatMoney(i.ValuationUsd)),
        ("valuation_cap", Quantities.FormatMoney(i.ValuationCapUsd)),
        ("beta", Quantities.FormatNumber(i.Beta)),
        ("date", i.Date?.ToString()),
    ];

    /// <summary>A schedule as the book's steps, <c>2026-01: 800 MW, 2026-07: 1.2 GW</c>.</summary>
    private static string Schedule(ValueList<MwStep> steps) => string.Join(", ", steps.Select(s => $"{s.From}: {Quantities.FormatPower(s.Mw)}"));
}
