using System.Text;
using Quartermaster.Core;

namespace Quartermaster.Books;

/// <summary>
/// Writes a book in the YAML form <see cref="BookReader"/> reads, in a fixed key order, with every
/// quantity in an exact unit form, so that reading the text back gives an equal book. Optional
/// settings equal to their defaults are left out to keep the file short.
/// </summary>
public static class BookWriter
{
    /// <summary>The YAML text of <paramref name="book"/>.</summary>
    public static string Write(Book book)
    {
        ArgumentNullException.ThrowIfNull(book);
        var yaml = new StringBuilder();
        yaml.Append("book: ").AppendLine(book.Id);
        yaml.Append("provider: ").AppendLine(Quote(book.Provider));
        yaml.Append("horizon: {start: ").Append(book.Horizon.Start).Append(", end: ").Append(book.Horizon.End).AppendLine("}");
        WriteScenario(yaml, book.Scenario);
        Section(yaml, "sites", book.Sites, WriteSite);
        Section(yaml, "rivalry_groups", book.RivalryGroups, (y, g) =>
        {
            y.Append("  - id: ").AppendLine(g.Id);
            if (g.Name != g.Id)
            {
                y.Append("    name: ").AppendLine(Quote(g.Name));
            }
        });
        Section(yaml, "tenants", book.Tenants, WriteTenant);
        Section(yaml, "contracts", book.Contracts, WriteContract);
        Section(yaml, "investments", book.Investments, WriteInvestment);
        return yaml.ToString();
    }

    /// <summary>Writes <paramref name="book"/> to <paramref name="path"/>, replacing it atomically.</summary>
    public static void WriteFile(Book book, string path)
    {
        var temporary = path + ".tmp";
        File.WriteAllText(temporary, Write(book), new UTF8Encoding(false));
        File.Move(temporary, path, overwrite: true);
    }

    private static void Section<T>(StringBuilder yaml, string key, IReadOnlyList<T> items, Action<StringBuilder, T> writeItem)
    {
        if (items.Count == 0)
        {
            return;
        }
        yaml.AppendLine().Append(key).AppendLine(":");
        foreach (var item in items)
        {
            writeItem(yaml, item);
        }
    }

    private static void WriteScenario(StringBuilder yaml, ScenarioSettings s)
    {
        var d = ScenarioSettings.Default;
        var lines = new List<string>();
        Optional(lines, "seed", s.Seed, d.Seed, v => v.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Optional(lines, "paths", s.Paths, d.Paths, v => v.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Optional(lines, "policy", s.Policy, d.Policy, v => v.ToName());
        Optional(lines, "discount_rate", s.DiscountRate, d.DiscountRate, Quantities.FormatRate);
        Optional(lines, "start_regime", s.StartRegime, d.StartRegime, v => v == Regime.Boom ? "boom" : "cooling");
        Optional(lines, "boom_to_cooling", s.BoomToCooling, d.BoomToCooling, Quantities.FormatRate);
        Optional(lines, "cooling_to_boom", s.CoolingToBoom, d.CoolingToBoom, Quantities.FormatRate);
        Optional(lines, "boom", s.Boom, d.Boom, Dynamics);
        Optional(lines, "cooling", s.Cooling, d.Cooling, Dynamics);
        Optional(lines, "sector_ceiling", s.SectorCeiling, d.SectorCeiling, v => Quantities.FormatNumber(v!.Value));
        Optional(lines, "either_way_max_loss_probability", s.EitherWayMaxLossProbability, d.EitherWayMaxLossProbability, Quantities.FormatPercent);
        Optional(lines, "it_purchase", s.ItPurchase, d.ItPurchase, v => v == ItPurchase.WithContracts ? "with-contracts" : "with-capacity");
        if (lines.Count > 0)
        {
            yaml.AppendLine("scenario:");
            lines.ForEach(l => yaml.Append("  ").AppendLine(l));
        }

        static string Dynamics(RegimeDynamics r) =>
            $"{{growth: {Quantities.FormatRate(r.Growth)}, volatility: {Quantities.FormatRate(r.Volatility)}}}";
    }

    private static void WriteSite(StringBuilder yaml, Site site)
    {
        yaml.Append("  - id: ").AppendLine(site.Id);
        yaml.Append("    region: ").AppendLine(site.Region);
        yaml.Append("    halls: ").Append(site.Halls).AppendLine();
        yaml.Append("    capex: ").AppendLine(Quantities.FormatMoney(site.CapexPerMwUsd, "/MW"));
        if (site.ItCapexPerMwUsd != 0)
        {
            yaml.Append("    it_capex: ").AppendLine(Quantities.FormatMoney(site.ItCapexPerMwUsd, "/MW"));
        }
        if (site.ItRefreshYears != Site.DefaultItRefreshYears)
        {
            yaml.Append("    refresh_years: ").AppendLine(Quantities.FormatNumber(site.ItRefreshYears));
        }
        if (site.FacilityLifeYears != Site.DefaultFacilityLifeYears)
        {
            yaml.Append("    facility_life_years: ").AppendLine(Quantities.FormatNumber(site.FacilityLifeYears));
        }
        yaml.Append("    opex: ").AppendLine(Quantities.FormatMoney(site.OpexPerMwMonthUsd, "/MW-month"));
        yaml.Append("    chips: {").AppendJoin(", ", site.ChipPools.Select(p => $"{p.Chip}: {Quantities.FormatPercent(p.ShareFraction)}")).AppendLine("}");
        WriteSchedule(yaml, "online", site.Online);
    }

    private static void WriteTenant(StringBuilder yaml, Tenant tenant)
    {
        yaml.Append("  - id: ").AppendLine(tenant.Id);
        if (tenant.Name != tenant.Id)
        {
            yaml.Append("    name: ").AppendLine(Quote(tenant.Name));
        }
        if (tenant.RivalryGroup is not null)
        {
            yaml.Append("    rivalry_group: ").AppendLine(tenant.RivalryGroup);
        }
        var r = tenant.Risk;
        var d = TenantRisk.Default;
        var lines = new List<string>();
        if (r.InitialShareFraction is { } share)
        {
            lines.Add("initial_share: " + Quantities.FormatPercent(share));
        }
        Optional(lines, "strength_volatility", r.StrengthVolatility, d.StrengthVolatility, Quantities.FormatNumber);
        Optional(lines, "drift_hazard", r.DriftHazard, d.DriftHazard, Quantities.FormatRate);
        Optional(lines, "drift_fraction", r.DriftFraction, d.DriftFraction, Quantities.FormatPercent);
        Optional(lines, "default_hazard_boom", r.DefaultHazardBoom, d.DefaultHazardBoom, Quantities.FormatRate);
        Optional(lines, "default_hazard_cooling", r.DefaultHazardCooling, d.DefaultHazardCooling, Quantities.FormatRate);
        Optional(lines, "recovery", r.RecoveryFraction, d.RecoveryFraction, Quantities.FormatPercent);
        Optional(lines, "demand", r.DemandFraction, d.DemandFraction, Quantities.FormatPercent);
        if (lines.Count > 0)
        {
            yaml.AppendLine("    risk:");
            lines.ForEach(l => yaml.Append("      ").AppendLine(l));
        }
    }

    private static void WriteContract(StringBuilder yaml, Contract contract)
    {
        yaml.Append("  - id: ").AppendLine(contract.Id);
        yaml.Append("    tenant: ").AppendLine(contract.Tenant);
        yaml.Append("    start: ").Append(contract.Start).AppendLine();
        yaml.Append("    end: ").Append(contract.End).AppendLine();
        yaml.Append("    price: ").AppendLine(Quantities.FormatMoney(contract.PricePerMwMonthUsd, "/MW-month"));
        yaml.Append("    take_or_pay: ").AppendLine(Quantities.FormatPercent(contract.TakeOrPayFraction));
        yaml.Append("    chips: [").AppendJoin(", ", contract.Chips).AppendLine("]");
        yaml.Append("    regions: [").AppendJoin(", ", contract.Regions).AppendLine("]");
        if (contract.Isolation == Isolation.DedicatedHall)
        {
            yaml.AppendLine("    isolation: dedicated-hall");
        }
        if (contract.Weight != 1)
        {
            yaml.Append("    weight: ").AppendLine(Quantities.FormatNumber(contract.Weight));
        }
        WriteSchedule(yaml, "ramp", contract.Ramp);
    }

    private static void WriteInvestment(StringBuilder yaml, Investment investment)
    {
        yaml.Append("  - id: ").AppendLine(investment.Id);
        yaml.Append("    tenant: ").AppendLine(investment.Tenant);
        yaml.Append("    amount: ").AppendLine(Quantities.FormatMoney(investment.AmountUsd));
        yaml.Append("    ownership: ").AppendLine(Quantities.FormatPercent(investment.OwnershipFraction));
        yaml.Append("    valuation: ").AppendLine(Quantities.FormatMoney(investment.ValuationUsd));
        if (investment.ValuationCapUsd != Investment.DefaultValuationCapUsd)
        {
            yaml.Append("    valuation_cap: ").AppendLine(Quantities.FormatMoney(investment.ValuationCapUsd));
        }
        if (investment.Beta != 1)
        {
            yaml.Append("    beta: ").AppendLine(Quantities.FormatNumber(investment.Beta));
        }
        if (investment.Date is { } date)
        {
            yaml.Append("    date: ").Append(date).AppendLine();
        }
    }

    private static void WriteSchedule(StringBuilder yaml, string key, ValueList<MwStep> steps)
    {
        yaml.Append("    ").Append(key).AppendLine(":");
        foreach (var step in steps)
        {
            yaml.Append("      ").Append(step.From).Append(": ").AppendLine(Quantities.FormatPower(step.Mw));
        }
    }

    private static void Optional<T>(List<string> lines, string key, T value, T defaultValue, Func<T, string> format)
    {
        if (!EqualityComparer<T>.Default.Equals(value, defaultValue))
        {
            lines.Add($"{key}: {format(value)}");
        }
    }

    /// <summary>A YAML double-quoted scalar: always safe, whatever the text holds.</summary>
    private static string Quote(string text)
    {
        var quoted = new StringBuilder("\"");
        foreach (var c in text)
        {
            _ = c switch
            {
                '"' => quoted.Append("\\\""),
                '\\' => quoted.Append("\\\\"),
                '\n' => quoted.Append("\\n"),
                '\t' => quoted.Append("\\t"),
                < ' ' or '\u007f' or '\u0085' or '\u2028' or '\u2029' or '\ufeff' or '\ufffe' or '\uffff'
                    => quoted.Append($"\\u{(int)c:x4}"),
                _ => quoted.Append(c),
            };
        }
        return quoted.Append('"').ToString();
    }
}
