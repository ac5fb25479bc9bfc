using Quartermaster.Books.Yaml;
using Quartermaster.Core;

namespace Quartermaster.Books;

/// <summary>
/// Turns the YAML tree of a book into the model, one section at a time, recording every error and
/// going on, then runs the checks that span sections (<see cref="BookChecks"/>).
/// </summary>
internal sealed class BookParser(BookErrorList errors)
{
    private static readonly string[] BookKeys = ["book", "provider", "horizon", "sites", "rivalry_groups", "tenants", "contracts", "investments", "scenario"];
    private static readonly string[] SiteKeys = ["id", "region", "halls", "capex", "it_capex", "refresh_years", "facility_life_years", "opex", "chips", "online"];
    private static readonly string[] TenantKeys = ["id", "name", "rivalry_group", "risk"];
    private static readonly string[] RiskKeys = ["initial_share", "strength_volatility", "drift_hazard", "drift_fraction", "default_hazard_boom", "default_hazard_cooling", "recovery", "demand"];
    private static readonly string[] ContractKeys = ["id", "tenant", "start", "end", "price", "take_or_pay", "chips", "regions", "isolation", "weight", "ramp"];
    private static readonly string[] InvestmentKeys = ["id", "tenant", "amount", "ownership", "valuation", "valuation_cap", "beta", "date"];
    private static readonly string[] ScenarioKeys = ["seed", "paths", "policy", "discount_rate", "start_regime", "boom_to_cooling", "cooling_to_boom", "boom", "cooling",
        "sector_ceiling", "either_way_max_loss_probability", "it_purchase"];

    private readonly BookChecks _checks = new(errors);

    /// <summary>Sections with an item that failed to read: checks that depend on them are skipped, so one mistake is not reported twice.</summary>
    private readonly HashSet<string> _incomplete = [];

    /// <summary>The cross-section checks, with the origin of every entity read so far (a proposal runs them on the book it makes).</summary>
    internal BookChecks Checks => _checks;

    /// <summary>Sections with an item that failed to read.</summary>
    internal ISet<string> Incomplete => _incomplete;

    public Book? Parse(YamlNode root)
    {
        var book = new MappingReader(root, "the book", errors, BookKeys);
        if (root is not YamlMapping)
        {
            return null;
        }
        var id = book.Id("book", required: true);
        var provider = book.Text("provider", required: true);
        var horizon = ReadHorizon(book);
        var sites = List(book, "sites", ReadSite);
        var groups = List(book, "rivalry_groups", ReadGroup);
        var tenants = List(book, "tenants", ReadTenant);
        var contracts = List(book, "contracts", ReadContract);
        var investments = List(book, "investments", ReadInvestment);
        var scenarioNode = book.Node("scenario", required: false);
        var scenario = scenarioNode is null ? ScenarioSettings.Default : ReadScenario(scenarioNode);

        if (id is null || provider is null || horizon is null || scenario is null)
        {
            return null;
        }
        var result = new Book(id, provider, horizon, sites.ToValueList(), groups.ToValueList(), tenants.ToValueList(),
            contracts.ToValueList(), investments.ToValueList(), scenario);
        _checks.Run(result, _incomplete);
        return result;
    }

    private Horizon? ReadHorizon(MappingReader book)
    {
        var node = book.Node("horizon", required: true);
        if (node is null)
        {
            return null;
        }
        var horizon = new MappingReader(node, "horizon", errors, "start", "end");
        var (start, end) = (horizon.Month("start", true), horizon.Month("end", true));
        if (start is null || end is null)
        {
            return null;
        }
        if (end < start)
        {
            errors.Add(horizon.Node("end", false)!, $"horizon ends ({end}) before it starts ({start})");
            return null;
        }
        if (end.Value.MonthsSince(start.Value) + 1 > BookLimits.MaxHorizonMonths)
        {
            errors.Add(horizon.Node("end", false)!, $"the horizon is longer than {BookLimits.MaxHorizonMonths} months");
            return null;
        }
        return new Horizon(start.Value, end.Value);
    }

    /// <summary>Reads a list section; items that fail are left out (their errors are recorded).</summary>
    internal List<T> List<T>(MappingReader book, string key, Func<YamlNode, int, T?> readItem)
        where T : class
    {
        var items = new List<T>();
        var node = book.Node(key, required: false);
        if (node is null)
        {
            return items;
        }
        if (node is not YamlSequence sequence)
        {
            errors.Add(node, $"'{key}': expected a list (items starting with '- '), got {node.Kind}");
            _incomplete.Add(key);
            return items;
        }
        for (var i = 0; i < sequence.Items.Count; i++)
        {
            if (readItem(sequence.Items[i], i) is { } item)
            {
                items.Add(item);
            }
            else
            {
                _incomplete.Add(key);
            }
        }
        return items;
    }

    /// <summary>Names an item in messages by its id when it has one, else by its position in the list.</summary>
    private static string Describe(string kind, YamlNode item, int index)
    {
        if (item is YamlMapping mapping)
        {
            foreach (var (key, value) in mapping.Entries)
            {
                if (key.Value == "id" && value is YamlScalar { Value.Length: > 0 } id)
                {
                    return $"{kind} '{id.Value}'";
                }
            }
        }
        return $"{kind} #{index + 1}";
    }

    internal Site? ReadSite(YamlNode node, int index)
    {
        var context = Describe("site", node, index);
        var site = new MappingReader(node, context, errors, SiteKeys);
        var id = site.Id("id", true);
        var region = site.Id("region", true);
        var halls = site.WholeNumber("halls", false, 1, BookLimits.MaxHalls) ?? (site.Node("halls", false) is null ? 1 : null);
        var capex = site.Money("capex", true, "/MW", BookLimits.MaxCapexPerMwUsd);
        var itCapex = Optional(site, "it_capex", site.Money("it_capex", false, "/MW", BookLimits.MaxCapexPerMwUsd), 0.0);
        var refresh = Optional(site, "refresh_years", site.Number("refresh_years", false, BookLimits.MinRefreshYears, BookLimits.MaxRefreshYears), Site.DefaultItRefreshYears);
        var life = Optional(site, "facility_life_years", site.Number("facility_life_years", false, BookLimits.MinFacilityLifeYears, BookLimits.MaxFacilityLifeYears), Site.DefaultFacilityLifeYears);
        var opex = site.Money("opex", true, "/MW-month", BookLimits.MaxPerMwMonthUsd);
        var chips = ReadChipPools(site, context);
        var online = ReadSchedule(site, "online", context, required: true);
        return id is null || region is null || halls is null || capex is null || itCapex is null || refresh is null || life is null || opex is null || chips is null || online is null
            ? null
            : _checks.Track(new Site(id, region, (int)halls, capex.Value, opex.Value, chips, online, itCapex.Value, refresh.Value, life.Value), site.At);
    }

    private ValueList<ChipPool>? ReadChipPools(MappingReader site, string context)
    {
        var node = site.Node("chips", required: true);
        if (node is null)
        {
            return null;
        }
        if (node is not YamlMapping { Entries.Count: > 0 } mapping)
        {
            errors.Add(node, $"'chips' in {context}: expected a mapping of chip type to share, like {{gb300: 70%, mi450: 30%}}, got {node.Kind}");
            return null;
        }
        var pools = new List<ChipPool>();
        var ok = true;
        foreach (var (chip, share) in mapping.Entries)
        {
            if (!Ids.IsValid(chip.Value))
            {
                errors.Add(chip, $"'chips' in {context}: expected a chip type ({Ids.Form}), got '{chip.Value}'");
                ok = false;
            }
            else if (share is not YamlScalar s || !Quantities.TryParsePercent(s.Value, out var fraction) || fraction <= 0 || fraction > 1)
            {
                errors.Add(share, $"'chips' in {context}: the share of '{chip.Value}' must be a percentage above 0% and at most 100%, got {share.Kind}");
                ok = false;
            }
            else
            {
                pools.Add(new ChipPool(chip.Value, fraction));
            }
        }
        if (ok && Math.Abs(pools.Sum(p => p.ShareFraction) - 1) > 1e-9)
        {
            errors.Add(node, $"'chips' in {context}: shares add up to {Quantities.FormatNumber(Math.Round(pools.Sum(p => p.ShareFraction) * 100, 6))}%; they must add up to 100%");
            ok = false;
        }
        return ok ? pools.ToValueList() : null;
    }

    /// <summary>Reads a month -> power mapping whose months strictly increase.</summary>
    private ValueList<MwStep>? ReadSchedule(MappingReader owner, string key, string context, bool required, Month? termStart = null, Month? termEnd = null)
    {
        var node = owner.Node(key, required);
        if (node is null)
        {
            return null;
        }
        if (node is not YamlMapping { Entries.Count: > 0 } mapping)
        {
            errors.Add(node, $"'{key}' in {context}: expected a mapping of month to power, like {{2026-01: 200 MW, 2027-01: 1 GW}}, got {node.Kind}");
            return null;
        }
        var steps = new List<MwStep>();
        var ok = true;
        foreach (var (monthNode, powerNode) in mapping.Entries)
        {
            if (!Month.TryParse(monthNode.Value, out var month))
            {
                errors.Add(monthNode, $"'{key}' in {context}: expected a month like '2026-06', got '{monthNode.Value}'");
                ok = false;
                continue;
            }
            if (steps.Count > 0 && month <= steps[^1].From)
            {
                errors.Add(monthNode, $"'{key}' in {context}: months must be in increasing order; {month} comes after {steps[^1].From}");
                ok = false;
            }
            if ((termStart is { } from && month < from) || (termEnd is { } to && month > to))
            {
                errors.Add(monthNode, $"'{key}' in {context}: {month} is outside the term {termStart} to {termEnd}");
                ok = false;
            }
            if (powerNode is not YamlScalar p || !Quantities.TryParsePower(p.Value, out var mw))
            {
                errors.Add(powerNode, $"'{key}' in {context} at {monthNode.Value}: expected {Quantities.PowerForm}, got {powerNode.Kind}");
                ok = false;
                continue;
            }
            if (mw < 0 || mw > BookLimits.MaxMw)
            {
                errors.Add(powerNode, $"'{key}' in {context} at {monthNode.Value}: {p.Value} is " + (mw < 0 ? "negative" : $"implausibly large; expected at most {Quantities.FormatPower(BookLimits.MaxMw)}"));
                ok = false;
                continue;
            }
            steps.Add(new MwStep(month, mw));
        }
        return ok ? steps.ToValueList() : null;
    }

    /// <summary>An optional setting: its value when read, the default when absent, null (an error was recorded) when present but wrong.</summary>
    private static T? Optional<T>(MappingReader owner, string key, T? value, T defaultValue)
        where T : struct =>
        value ?? (owner.Node(key, false) is null ? defaultValue : null);

    internal RivalryGroup? ReadGroup(YamlNode node, int index)
    {
        var group = new MappingReader(node, Describe("rivalry group", node, index), errors, "id", "name");
        var id = group.Id("id", true);
        var name = group.Text("name", false) ?? id;
        return id is null || name is null ? null : _checks.Track(new RivalryGroup(id, name), group.At);
    }

    internal Tenant? ReadTenant(YamlNode node, int index)
    {
        var context = Describe("tenant", node, index);
        var tenant = new MappingReader(node, context, errors, TenantKeys);
        var id = tenant.Id("id", true);
        var name = tenant.Text("name", false) ?? id;
        var group = tenant.Id("rivalry_group", false);
        var riskNode = tenant.Node("risk", false);
        var risk = riskNode is null ? TenantRisk.Default : ReadRisk(riskNode, context);
        return id is null || name is null || risk is null ? null : _checks.Track(new Tenant(id, name, group, risk), tenant.At);
    }

    private TenantRisk? ReadRisk(YamlNode node, string tenant)
    {
        var risk = new MappingReader(node, $"the risk of {tenant}", errors, RiskKeys);
        var d = TenantRisk.Default;
        var shareNode = risk.Node("initial_share", false);
        var share = risk.Percent("initial_share", false);
        if (share is > 0 and < BookLimits.MinInitialShare)
        {
            errors.Add(shareNode!, $"'initial_share' in the risk of {tenant}: {Quantities.FormatPercent(share.Value)} is below the smallest share the model takes, "
                + $"{Quantities.FormatPercent(BookLimits.MinInitialShare)}; write 0% for a lab that starts with no share");
            share = null;
        }
        var result = new TenantRisk(
            share,
            risk.Number("strength_volatility", false, 0, 10) ?? d.StrengthVolatility,
            risk.Rate("drift_hazard", false, RateBounds.Probability) ?? d.DriftHazard,
            risk.Percent("drift_fraction", false) ?? d.DriftFraction,
            risk.Rate("default_hazard_boom", false, RateBounds.Probability) ?? d.DefaultHazardBoom,
            risk.Rate("default_hazard_cooling", false, RateBounds.Probability) ?? d.DefaultHazardCooling,
            risk.Percent("recovery", false) ?? d.RecoveryFraction,
            risk.Percent("demand", false, 0, 10) ?? d.DemandFraction);
        return shareNode is not null && share is null ? null : result;
    }

    internal Contract? ReadContract(YamlNode node, int index)
    {
        var context = Describe("contract", node, index);
        var contract = new MappingReader(node, context, errors, ContractKeys);
        var id = contract.Id("id", true);
        var tenant = contract.Id("tenant", true);
        var start = contract.Month("start", true);
        var end = contract.Month("end", true);
        var price = contract.Money("price", true, "/MW-month", BookLimits.MaxPerMwMonthUsd);
        var takeOrPay = contract.Percent("take_or_pay", true);
        var chips = contract.IdList("chips", true);
        var regions = contract.IdList("regions", true);
        var isolation = contract.Choice("isolation", false, "shared", "dedicated-hall") ?? (contract.Node("isolation", false) is null ? "shared" : null);
        var weight = contract.Number("weight", false, 0, 1e6) ?? (contract.Node("weight", false) is null ? 1 : null);
        var termKnown = start is not null && end is not null && end >= start;
        var ramp = ReadSchedule(contract, "ramp", context, required: true, termKnown ? start : null, termKnown ? end : null);
        if (weight == 0)
        {
            errors.Add(contract.Node("weight", false)!, $"'weight' in {context}: must be above 0");
            weight = null;
        }
        if (start is not null && end is not null && end < start)
        {
            errors.Add(contract.Node("end", false)!, $"{context} ends ({end}) before it starts ({start})");
            return null;
        }
        if (id is null || tenant is null || start is null || end is null || price is null || takeOrPay is null || chips is null
            || regions is null || isolation is null || weight is null || ramp is null)
        {
            return null;
        }
        var parsed = new Contract(id, tenant, start.Value, end.Value, price.Value, takeOrPay.Value, chips.ToValueList(), regions.ToValueList(),
            isolation == "dedicated-hall" ? Isolation.DedicatedHall : Isolation.Shared, weight.Value, ramp);
        return _checks.Track(parsed, contract.At);
    }

    internal Investment? ReadInvestment(YamlNode node, int index)
    {
        var investment = new MappingReader(node, Describe("investment", node, index), errors, InvestmentKeys);
        var id = investment.Id("id", true);
        var tenant = investment.Id("tenant", true);
        var amount = investment.Money("amount", true, "", BookLimits.MaxAmountUsd);
        var ownership = investment.Percent("ownership", true);
        var valuation = investment.Money("valuation", true, "", BookLimits.MaxValuationUsd);
        var cap = Optional(investment, "valuation_cap", investment.Money("valuation_cap", false, "", BookLimits.MaxValuationUsd), Investment.DefaultValuationCapUsd);
        var beta = investment.Number("beta", false, 0, 10) ?? (investment.Node("beta", false) is null ? 1 : null);
        var date = investment.Month("date", false);
        if (investment.Node("date", false) is not null && date is null)
        {
            return null;
        }
        if (cap is not null && valuation is not null && cap < valuation)
        {
            errors.Add(investment.Node("valuation_cap", false) ?? investment.Node("valuation", false)!,
                $"'valuation_cap' in {Describe("investment", node, index)}: the cap, {Quantities.FormatMoney(cap.Value)}, is below the valuation, "
                + $"{Quantities.FormatMoney(valuation.Value)}; the cap bounds how far the valuation can rise (default {Quantities.FormatMoney(Investment.DefaultValuationCapUsd)})");
            return null;
        }
        return id is null || tenant is null || amount is null || ownership is null || valuation is null || cap is null || beta is null
            ? null
            : _checks.Track(new Investment(id, tenant, amount.Value, ownership.Value, valuation.Value, beta.Value, date, cap.Value), investment.At);
    }

    private ScenarioSettings? ReadScenario(YamlNode node)
    {
        var scenario = new MappingReader(node, "scenario", errors, ScenarioKeys);
        var d = ScenarioSettings.Default;
        var policyName = scenario.Choice("policy", false, [.. AllocationPolicyNames.All]);
        var regime = scenario.Choice("start_regime", false, "boom", "cooling");
        var boom = ReadDynamics(scenario, "boom", d.Boom);
        var cooling = ReadDynamics(scenario, "cooling", d.Cooling);
        var itPurchase = scenario.Choice("it_purchase", false, "with-capacity", "with-contracts");
        var settings = new ScenarioSettings(
            scenario.Seed("seed", false) ?? d.Seed,
            (int)(scenario.WholeNumber("paths", false, 1, BookLimits.MaxPaths) ?? d.Paths),
            policyName is null ? d.Policy : AllocationPolicyNames.TryParse(policyName, out var p) ? p : d.Policy,
            scenario.Rate("discount_rate", false, RateBounds.Discount) ?? d.DiscountRate,
            regime is null ? d.StartRegime : regime == "boom" ? Regime.Boom : Regime.Cooling,
            scenario.Rate("boom_to_cooling", false, RateBounds.Probability) ?? d.BoomToCooling,
            scenario.Rate("cooling_to_boom", false, RateBounds.Probability) ?? d.CoolingToBoom,
            boom ?? d.Boom,
            cooling ?? d.Cooling,
            scenario.Number("sector_ceiling", false, BookLimits.MinSectorCeiling, BookLimits.MaxSectorCeiling) ?? d.SectorCeiling,
            scenario.Percent("either_way_max_loss_probability", false) ?? d.EitherWayMaxLossProbability,
            itPurchase is null ? d.ItPurchase : itPurchase == "with-contracts" ? ItPurchase.WithContracts : ItPurchase.WithCapacity);
        return settings;
    }

    private RegimeDynamics? ReadDynamics(MappingReader scenario, string key, RegimeDynamics defaults)
    {
        var node = scenario.Node(key, false);
        if (node is null)
        {
            return null;
        }
        var dynamics = new MappingReader(node, $"scenario {key}", errors, "growth", "volatility");
        return new RegimeDynamics(
            dynamics.Rate("growth", false, RateBounds.Growth) ?? defaults.Growth,
            dynamics.Rate("volatility", false, RateBounds.Volatility) ?? defaults.Volatility);
    }
}
