using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Quartermaster.Storage;

namespace Quartermaster.Server;

/// <summary>Books and their versions: import and export YAML, sites and investments (provider side).</summary>
internal static class BooksApi
{
    public const string YamlContentType = "application/yaml";

    public static RouteGroupBuilder MapBooksApi(this RouteGroupBuilder api)
    {
        var books = api.MapGroup("/books").WithTags("Books");
        books.MapGet("/", ListBooks).WithName("ListBooks").RequireAuthorization(Principals.Anyone)
            .WithSummary("List books (latest versions); a tenant sees the books it is a tenant of.");
        books.MapPost("/", ImportBook).WithName("ImportBook").RequireAuthorization(Principals.Admin)
            .Accepts<string>(YamlContentType).WithSummary("Import a book from YAML: a new book, or a new version of the book with that id.");
        books.MapGet("/{bookId}", GetBook).WithName("GetBook").RequireAuthorization(Principals.Provider)
            .WithSummary("The latest version of a book, with its size.");
        books.MapPut("/{bookId}", ReplaceBook).WithName("ReplaceBook").RequireAuthorization(Principals.Admin)
            .Accepts<string>(YamlContentType).WithSummary("Store a new version of a book from YAML; the id in the YAML must match.");
        books.MapGet("/{bookId}/versions", ListVersions).WithName("ListBookVersions").RequireAuthorization(Principals.Provider)
            .WithSummary("Every version of a book, oldest first.");
        books.MapGet("/{bookId}/versions/{version:int}", ExportVersion).WithName("ExportBookVersion").RequireAuthorization(Principals.Provider)
            .Produces<string>(StatusCodes.Status200OK, YamlContentType).ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Export a version as YAML, exactly as imported.");
        books.MapGet("/{bookId}/sites", ListSites).WithName("ListSites").RequireAuthorization(Principals.Provider)
            .WithSummary("Sites of the latest version.");
        books.MapGet("/{bookId}/sites/{siteId}", GetSite).WithName("GetSite").RequireAuthorization(Principals.Provider)
            .WithSummary("One site of the latest version.");
        books.MapGet("/{bookId}/investments", ListInvestments).WithName("ListInvestments").RequireAuthorization(Principals.Provider)
            .WithSummary("Equity stakes in tenants, latest version (audited).");
        return api;
    }

    private static async Task<Ok<IReadOnlyList<BookVersion>>> ListBooks(ClaimsPrincipal user, IBookStore store, CancellationToken cancel) =>
        TypedResults.Ok(await store.ListBooksAsync(user.Scope(), cancel));

    private static async Task<Results<Created<BookVersion>, ProblemHttpResult>> ImportBook(HttpRequest request, ClaimsPrincipal user, IBookStore store, ILogger<BookVersion> log, CancellationToken cancel)
    {
        var (book, yaml, problem) = await RequestBodies.ReadBookAsync(request);
        if (problem is not null)
        {
            return problem;
        }
        var version = (await store.SaveBookAsync(user.Scope(), book!, yaml, null, cancel))!;
        LogMessages.BookVersionStored(log, version.BookId, version.Version, version.CreatedBy);
        return TypedResults.Created($"/api/v1/books/{version.BookId}/versions/{version.Version}", version);
    }

    private static async Task<Results<Created<BookVersion>, ProblemHttpResult>> ReplaceBook(string bookId, HttpRequest request, ClaimsPrincipal user, IBookStore store, ILogger<BookVersion> log, CancellationToken cancel)
    {
        var (book, yaml, problem) = await RequestBodies.ReadBookAsync(request);
        if (problem is not null)
        {
            return problem;
        }
        if (book!.Id != bookId)
        {
            return Problems.BadRequest($"the YAML is book '{book.Id}', not '{bookId}'", [new BodyError(1, 1, $"expected book: {bookId}")]);
        }
        var version = (await store.SaveBookAsync(user.Scope(), book, yaml, null, cancel))!;
        LogMessages.BookVersionStored(log, version.BookId, version.Version, version.CreatedBy);
        return TypedResults.Created($"/api/v1/books/{version.BookId}/versions/{version.Version}", version);
    }

    private static async Task<Results<Ok<BookOverview>, ProblemHttpResult>> GetBook(string bookId, ClaimsPrincipal user, IBookStore store, CancellationToken cancel)
    {
        if (await store.GetBookAsync(user.Scope(), bookId, cancel: cancel) is not { } stored)
        {
            return Problems.NotFound();
        }
        var b = stored.Book;
        return TypedResults.Ok(new BookOverview(stored.Version, b.Horizon.Start.ToString(), b.Horizon.End.ToString(),
            b.Sites.Count, b.Tenants.Count, b.Contracts.Count, b.Investments.Count));
    }

    private static async Task<Results<Ok<IReadOnlyList<BookVersion>>, ProblemHttpResult>> ListVersions(string bookId, ClaimsPrincipal user, IBookStore store, CancellationToken cancel)
    {
        var versions = await store.ListVersionsAsync(user.Scope(), bookId, cancel);
        return versions.Count == 0 ? Problems.NotFound() : TypedResults.Ok(versions);
    }

    private static async Task<IResult> ExportVersion(string bookId, int version, ClaimsPrincipal user, IBookStore store, CancellationToken cancel)
    {
        // The YAML holds every tenant's contracts: the store audits the export with the read.
        if (await store.GetBookAsync(user.Scope(), bookId, version, BookReadPurpose.Export, cancel) is not { } stored)
        {
            return Problems.NotFound();
        }
        return TypedResults.Text(stored.Yaml, YamlContentType + "; charset=utf-8");
    }

    private static async Task<Results<Ok<List<SiteView>>, ProblemHttpResult>> ListSites(string bookId, ClaimsPrincipal user, IBookStore store, CancellationToken cancel) =>
        await store.GetBookAsync(user.Scope(), bookId, cancel: cancel) is { } stored
            ? TypedResults.Ok(stored.Book.Sites.Select(SiteView.Of).ToList())
            : Problems.NotFound();

    private static async Task<Results<Ok<SiteView>, ProblemHttpResult>> GetSite(string bookId, string siteId, ClaimsPrincipal user, IBookStore store, CancellationToken cancel) =>
        await store.GetBookAsync(user.Scope(), bookId, cancel: cancel) is { } stored && stored.Book.Sites.FirstOrDefault(s => s.Id == siteId) is { } site
            ? TypedResults.Ok(SiteView.Of(site))
            : Problems.NotFound();

    private static async Task<Results<Ok<List<InvestmentView>>, ProblemHttpResult>> ListInvestments(string bookId, ClaimsPrincipal user, IBookStore store, CancellationToken cancel)
    {
        if (await store.GetBookAsync(user.Scope(), bookId, null, BookReadPurpose.Investments, cancel) is not { } stored)
        {
            return Problems.NotFound();
        }
        return TypedResults.Ok(stored.Book.Investments.Select(InvestmentView.Of).ToList());
    }
}
