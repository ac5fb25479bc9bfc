using Quartermaster.Core;

namespace Quartermaster.Books;

/// <summary>
/// A proposed change to a book, in the book's own format: contracts, sites, tenants, rivalry groups and investments
/// that replace the book's item with the same id or, with a new id, are added; and build-out delays of existing sites.
/// Read by <see cref="ProposalReader"/> against the book it applies to.
/// </summary>
/// <param name="Name">A short label of the proposal (its <c>proposal:</c> key), or null.</param>
/// <param name="Sites">Sites added or replaced.</param>
/// <param name="Delays">Build-out delays of existing sites, applied after <paramref name="Sites"/>.</param>
/// <param name="RivalryGroups">Rivalry groups added or replaced.</param>
/// <param name="Tenants">Tenants added or replaced.</param>
/// <param name="Contracts">Contracts added or replaced.</param>
/// <param name="Investments">Investments added or replaced.</param>
public sealed record Proposal(
    string? Name,
    ValueList<Site> Sites,
    ValueList<SiteDelay> Delays,
    ValueList<RivalryGroup> RivalryGroups,
    ValueList<Tenant> Tenants,
    ValueList<Contract> Contracts,
    ValueList<Investment> Investments)
{
    /// <summary>The book with this proposal signed: items replaced by id or appended in proposal order, then sites delayed.</summary>
    public Book ApplyTo(Book book)
    {
        ArgumentNullException.ThrowIfNull(book);
        var sites = Merge(book.Sites, Sites, s => s.Id);
        foreach (var delay in Delays)
        {
            sites = [.. sites.Select(s => s.Id == delay.SiteId ? delay.ApplyTo(s) : s)];
        }
        return book with
        {
            Sites = sites.ToValueList(),
            RivalryGroups = Merge(book.RivalryGroups, RivalryGroups, g => g.Id).ToValueList(),
            Tenants = Merge(book.Tenants, Tenants, t => t.Id).ToValueList(),
            Contracts = Merge(book.Contracts, Contracts, c => c.Id).ToValueList(),
            Investments = Merge(book.Investments, Investments, i => i.Id).ToValueList(),
        };
    }

    /// <summary>The contracts of this proposal whose ids <paramref name="book"/> does not have, in proposal order.</summary>
    public IReadOnlyList<Contract> AddedContracts(Book book)
    {
        ArgumentNullException.ThrowIfNull(book);
        var known = book.Contracts.Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
        return [.. Contracts.Where(c => !known.Contains(c.Id))];
    }

    /// <summary>The contracts of this proposal that replace one of <paramref name="book"/>'s, in proposal order.</summary>
    public IReadOnlyList<Contract> ChangedContracts(Book book)
    {
        ArgumentNullException.ThrowIfNull(book);
        var known = book.Contracts.Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
        return [.. Contracts.Where(c => known.Contains(c.Id))];
    }

    /// <summary>This proposal without its added contracts: what the existing contracts face if the deal is not signed.</summary>
    public Proposal WithoutAddedContracts(Book book) => this with { Contracts = ChangedContracts(book).ToValueList() };

    private static List<T> Merge<T>(IEnumerable<T> existing, IEnumerable<T> proposed, Func<T, string> id)
    {
        var merged = existing.ToList();
        foreach (var item in proposed)
        {
            var at = merged.FindIndex(x => id(x) == id(item));
            if (at >= 0)
            {
                merged[at] = item;
            }
            else
            {
                merged.Add(item);
            }
        }
        return merged;
    }
}
