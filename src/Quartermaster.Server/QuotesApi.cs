using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Quartermaster.Analysis;
using Quartermaster.Books;
using Quartermaster.Documents;
using Quartermaster.Storage;

namespace Quartermaster.Server;

/// <summary>The deal desk: quote a proposal against the latest version of a book, as <c>qm quote --json</c> (provider side, audited).</summary>
internal static class QuotesApi
{
    /// <summary>Most paths a request may ask for: a quote answers within the request, so larger runs belong in a stress run.</summary>
    public const int MaxPaths = 100_000;

    public static RouteGroupBuilder MapQuotesApi(this RouteGroupBuilder api)
    {
        api.MapGroup("/books").WithTags("Deal desk")
            .MapPost("/{bookId}/quotes", Quote).WithName("QuoteProposal").RequireAuthorization(Principals.Provider)
            .Accepts<string>(BooksApi.YamlContentType)
            .WithSummary("Can we sign this? Quote a proposal (YAML, the book's format) against the latest version (audited); as qm quote --json.")
            .WithDescription("The body is the proposal as YAML text (docs/deal-desk.md): contracts, sites, tenants, rivalry groups and investments "
                + "added or replaced by id, and site delays. `paths` (default " + QuoteOptions.DefaultPaths + ", at most " + MaxPaths + ") and `seed` "
                + "(default: the book's) size the paired stress. A proposal with errors answers 400 with each error's line and column.");
        return api;
    }

    private static async Task<Results<Ok<QuoteDocument>, ProblemHttpResult>> Quote(
        string bookId, int? paths, ulong? seed, HttpRequest request, ClaimsPrincipal user, IBookStore store, CancellationToken cancel)
    {
        if (paths is < 1 or > MaxPaths)
        {
            return Problems.BadRequest($"paths must be from 1 to {MaxPaths}; got {paths}");
        }
        var text = await RequestBodies.ReadTextAsync(request);
        if (text is null)
        {
            return Problems.BadRequest("the body is too large or not UTF-8");
        }
        // A malformed proposal is refused before the book is read, so it leaves nothing in the audit log.
        if (ProposalReader.CheckForm(text, "body") is { Count: > 0 } formErrors)
        {
            return Invalid(formErrors);
        }
        // The book holds every tenant's contracts: the store audits the read (book.read) as for any provider read.
        if (await store.GetBookAsync(user.Scope(), bookId, cancel: cancel) is not { } stored)
        {
            return Problems.NotFound();
        }
        var read = ProposalReader.ReadText(text, "body", stored.Book);
        if (read.Proposal is null)
        {
            return Invalid(read.Errors);
        }
        try
        {
            var quote = DealDesk.Quote(stored.Book, read.Proposal, new QuoteOptions(paths ?? QuoteOptions.DefaultPaths, seed), cancellationToken: cancel);
            return TypedResults.Ok(QuoteDocument.Of(quote, bookId, "request body"));
        }
        catch (Planning.PlanningException e)
        {
            return Problems.BadRequest($"the book with the proposal cannot be planned: {e.Message}");
        }
    }

    private static ProblemHttpResult Invalid(IReadOnlyList<BookError> found)
    {
        var errors = found.Select(e => new BodyError(e.Line, e.Column, e.Message)).ToList();
        var first = errors[0];
        return Problems.BadRequest($"the proposal has {errors.Count} error(s); the first at line {first.Line}, column {first.Column}: {first.Message}", errors);
    }
}
