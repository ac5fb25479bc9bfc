using Quartermaster.Books.Yaml;
using Quartermaster.Core;

namespace Quartermaster.Books;

/// <summary>
/// Turns the YAML tree of a proposal into a <see cref="Proposal"/> with the book parser's own readers, then runs the
/// book's cross-section checks on the book the proposal makes, so a dangling reference is reported where it is written.
/// Without a book only the proposal's own form is checked (YAML, keys, units, values).
/// </summary>
internal sealed class ProposalParser(BookErrorList errors, Book? book)
{
    private static readonly string[] ProposalKeys = ["proposal", "sites", "rivalry_groups", "tenants", "contracts", "investments"];
    private static readonly string[] DelayKeys = ["id", "delay_months", "from"];

    private readonly BookParser _parser = new(errors);
    private readonly List<SiteDelay> _delays = [];

    public Proposal? Parse(YamlNode root)
    {
        var reader = new MappingReader(root, "the proposal", errors, ProposalKeys);
        if (root is not YamlMapping)
        {
            return null;
        }
        var name = reader.Text("proposal", false);
        var sites = _parser.List(reader, "sites", ReadSiteOrDelay).OfType<Site>().ToList();
        var groups = _parser.List(reader, "rivalry_groups", _parser.ReadGroup);
        var tenants = _parser.List(reader, "tenants", _parser.ReadTenant);
        var contracts = _parser.List(reader, "contracts", _parser.ReadContract);
        var investments = _parser.List(reader, "investments", _parser.ReadInvestment);
        if (sites.Count + _delays.Count + groups.Count + tenants.Count + contracts.Count + investments.Count == 0 && errors.IsEmpty)
        {
            errors.Add(root, "the proposal changes nothing: give at least one of sites, tenants, contracts or investments");
            return null;
        }
        var proposal = new Proposal(name, sites.ToValueList(), _delays.ToValueList(), groups.ToValueList(), tenants.ToValueList(),
            contracts.ToValueList(), investments.ToValueList());
        NoRepeats(proposal);
        // The checks of a book, on the book the proposal makes: references resolve against the book and the proposal
        // together, and a proposal item that breaks a rule is reported at its own line.
        if (book is not null)
        {
            _parser.Checks.Run(proposal.ApplyTo(book), (IReadOnlySet<string>)_parser.Incomplete);
        }
        return proposal;
    }

    /// <summary>An item of <c>sites:</c>: a whole site (added or replaced), or <c>{id, delay_months, from}</c> delaying one of the book's.</summary>
    private object? ReadSiteOrDelay(YamlNode node, int index)
    {
        if (node is not YamlMapping mapping || !mapping.Entries.Any(e => e.Key.Value == "delay_months"))
        {
            return _parser.ReadSite(node, index);
        }
        var delay = new MappingReader(node, "a site delay", errors, DelayKeys);
        var id = delay.Id("id", true);
        var months = delay.WholeNumber("delay_months", true, 1, BookLimits.MaxHorizonMonths);
        var from = delay.Month("from", false);
        if (delay.Node("from", false) is not null && from is null)
        {
            return null;
        }
        if (id is not null && book is not null && book.Sites.All(s => s.Id != id))
        {
            var close = Suggestions.Closest(id, book.Sites.Select(s => s.Id));
            errors.Add(delay.Node("id", false)!, $"site delay names site '{id}', which is not in the book's sites" + (close is null ? "" : $" (did you mean '{close}'?)")
                + "; a delay applies to an existing site (give a whole site to add one)");
            return null;
        }
        if (id is null || months is null)
        {
            return null;
        }
        var parsed = new SiteDelay(id, (int)months, from);
        _delays.Add(parsed);
        return parsed;
    }

    private void NoRepeats(Proposal proposal)
    {
        Repeats(proposal.Sites.Select(s => s.Id).Concat(proposal.Delays.Select(d => d.SiteId)), "site");
        Repeats(proposal.Tenants.Select(t => t.Id), "tenant");
        Repeats(proposal.Contracts.Select(c => c.Id), "contract");
        Repeats(proposal.Investments.Select(i => i.Id), "investment");
        Repeats(proposal.RivalryGroups.Select(g => g.Id), "rivalry group");
    }

    private void Repeats(IEnumerable<string> ids, string kind)
    {
        foreach (var id in ids.GroupBy(i => i, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key))
        {
            errors.Errors.Add(new BookError(errors.File, 1, 1, $"the proposal names {kind} '{id}' more than once; give each {kind} once"));
        }
    }
}
