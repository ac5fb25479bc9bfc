using Quartermaster.Books.Yaml;
using Quartermaster.Core;

namespace Quartermaster.Books;

/// <summary>
/// The checks that span sections of a book: unique ids, references that resolve, rivalry-group
/// shares that add up, and contracts that some site can serve. Entities are tracked by reference
/// with the mapping they were read from, so each error points at the offending key.
/// </summary>
internal sealed class BookChecks(BookErrorList errors)
{
    private readonly Dictionary<object, YamlMapping> _origins = new(ReferenceEqualityComparer.Instance);

    /// <summary>Remembers where <paramref name="entity"/> was read from, and returns it.</summary>
    public T Track<T>(T entity, YamlNode origin)
        where T : class
    {
        if (origin is YamlMapping mapping)
        {
            _origins[entity] = mapping;
        }
        return entity;
    }

    /// <summary>Runs the checks; those that depend on a section in <paramref name="incomplete"/> (an item failed to read) are skipped.</summary>
    public void Run(Book book, IReadOnlySet<string> incomplete)
    {
        Unique(book.Sites, s => s.Id, "site");
        Unique(book.RivalryGroups, g => g.Id, "rivalry group");
        Unique(book.Tenants, t => t.Id, "tenant");
        Unique(book.Contracts, c => c.Id, "contract");
        Unique(book.Investments, i => i.Id, "investment");

        var groups = book.RivalryGroups.Select(g => g.Id).ToHashSet();
        var tenants = book.Tenants.Select(t => t.Id).ToHashSet();
        foreach (var tenant in book.Tenants)
        {
            if (tenant.RivalryGroup is { } group && !groups.Contains(group) && !incomplete.Contains("rivalry_groups"))
            {
                Error(tenant, "rivalry_group", $"tenant '{tenant.Id}' names rivalry group '{group}', which is not in rivalry_groups" + Hint(group, groups));
            }
            if (tenant.RivalryGroup is null && tenant.Risk.InitialShareFraction is not null)
            {
                Error(tenant, "risk", $"tenant '{tenant.Id}' has an initial_share but no rivalry_group; a share is only meaningful within a group");
            }
        }
        foreach (var contract in book.Contracts)
        {
            CheckTerm(book.Horizon, contract);
            if (!tenants.Contains(contract.Tenant))
            {
                if (incomplete.Contains("tenants"))
                {
                    continue;
                }
                Error(contract, "tenant", $"contract '{contract.Id}' names tenant '{contract.Tenant}', which is not in tenants" + Hint(contract.Tenant, tenants));
            }
            else if (!incomplete.Contains("sites") && !Servable(book, contract))
            {
                Error(contract, "id", $"contract '{contract.Id}' can never be served: no site in regions [{string.Join(", ", contract.Regions)}] "
                    + $"with chips [{string.Join(", ", contract.Chips)}] has capacity online between {contract.Start} and {contract.End}");
            }
        }
        foreach (var investment in book.Investments)
        {
            if (!tenants.Contains(investment.Tenant) && !incomplete.Contains("tenants"))
            {
                Error(investment, "tenant", $"investment '{investment.Id}' names tenant '{investment.Tenant}', which is not in tenants" + Hint(investment.Tenant, tenants));
            }
        }
        if (!incomplete.Contains("tenants"))
        {
            CheckInitialShares(book); // a member that failed to read would make its group's shares look wrong
        }
    }

    /// <summary>A term must lie within <see cref="BookLimits.MaxMonthsOutsideHorizon"/> of the horizon: anything further is a typo.</summary>
    private void CheckTerm(Horizon horizon, Contract contract)
    {
        var years = BookLimits.MaxMonthsOutsideHorizon / 12;
        if (horizon.Start.MonthsSince(contract.Start) > BookLimits.MaxMonthsOutsideHorizon)
        {
            Error(contract, "start", $"contract '{contract.Id}' starts in {contract.Start}, more than {years} years before the horizon starts ({horizon.Start}); "
                + $"a term must lie within {years} years of the horizon");
        }
        if (contract.End.MonthsSince(horizon.End) > BookLimits.MaxMonthsOutsideHorizon)
        {
            Error(contract, "end", $"contract '{contract.Id}' ends in {contract.End}, more than {years} years after the horizon ends ({horizon.End}); "
                + $"a term must lie within {years} years of the horizon");
        }
    }

    private static bool Servable(Book book, Contract contract)
    {
        var from = contract.Start > book.Horizon.Start ? contract.Start : book.Horizon.Start;
        var to = contract.End < book.Horizon.End ? contract.End : book.Horizon.End;
        return book.Sites.Where(contract.CanUse).Any(site =>
            site.OnlineMw(from) > 0 || site.Online.Any(step => step.From > from && step.From <= to && step.Mw > 0));
    }

    private void CheckInitialShares(Book book)
    {
        foreach (var members in book.Tenants.Where(t => t.RivalryGroup is not null).GroupBy(t => t.RivalryGroup))
        {
            var stated = members.Where(t => t.Risk.InitialShareFraction is not null).ToList();
            if (stated.Count == 0)
            {
                continue;
            }
            if (stated.Count < members.Count())
            {
                var missing = members.First(t => t.Risk.InitialShareFraction is null);
                Error(missing, "id", $"tenant '{missing.Id}' has no initial_share but other members of rivalry group '{members.Key}' do; state it for all members or none");
            }
            else if (Math.Abs(stated.Sum(t => t.Risk.InitialShareFraction!.Value) - 1) > 1e-9)
            {
                Error(stated[^1], "risk", $"initial shares in rivalry group '{members.Key}' add up to "
                    + $"{Quantities.FormatNumber(Math.Round(stated.Sum(t => t.Risk.InitialShareFraction!.Value) * 100, 6))}%; they must add up to 100%");
            }
        }
    }

    private void Unique<T>(IEnumerable<T> items, Func<T, string> id, string kind)
        where T : class
    {
        var first = new Dictionary<string, T>();
        foreach (var item in items)
        {
            if (first.TryGetValue(id(item), out var earlier))
            {
                var line = _origins.TryGetValue(earlier, out var origin) ? $" (first at line {origin.Line})" : "";
                Error(item, "id", $"duplicate {kind} id '{id(item)}'{line}");
            }
            else
            {
                first.Add(id(item), item);
            }
        }
    }

    private static string Hint(string wrong, IEnumerable<string> known) =>
        Suggestions.Closest(wrong, known) is { } close ? $" (did you mean '{close}'?)" : "";

    private void Error(object entity, string key, string message)
    {
        if (!_origins.TryGetValue(entity, out var mapping))
        {
            errors.Errors.Add(new BookError(errors.File, 1, 1, message));
            return;
        }
        YamlNode at = mapping;
        foreach (var (k, value) in mapping.Entries)
        {
            if (k.Value == key)
            {
                at = value;
            }
        }
        errors.Add(at, message);
    }
}
