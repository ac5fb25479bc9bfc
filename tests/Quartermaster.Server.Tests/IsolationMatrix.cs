using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Quartermaster.Books;
using Quartermaster.Core;
using Quartermaster.Storage;

namespace Quartermaster.Server.Tests;

/// <summary>
/// Walks every operation in the server's own OpenAPI document as every principal (admin, analyst, and
/// each tenant) against every tenant's resources, and lists every leak: a tenant answered with a rival's
/// data, or with anything but the exact 404 a made-up id gets. Tenants reading their own resources must
/// succeed, so a server that denies everything does not pass.
/// </summary>
public sealed class IsolationMatrix
{
    private static readonly string[] Tenants = ["alpha-lab", "beta-lab", "gamma-corp"];
    private static readonly Dictionary<string, string[]> Identifying = new()
    {
        ["alpha-lab"] = ["alpha-lab", "Alpha Lab", "alpha-deal"],
        ["beta-lab"] = ["beta-lab", "Beta Lab", "beta-deal", "beta-stake"],
        ["gamma-corp"] = ["gamma-corp", "Gamma Corp", "gamma-deal"],
    };

    public sealed record Outcome(int Cases, int Operations, IReadOnlyList<string> Leaks);

    public static async Task<Outcome> RunAsync(RunningServer server)
    {
        var book = TestBooks.Small();
        var admin = server.Client(await server.KeyAsync(Role.Admin));
        var principals = new List<(string Name, string? Tenant, HttpClient Client)>
        {
            ("admin", null, admin),
            ("analyst", null, server.Client(await server.KeyAsync(Role.Analyst))),
        };
        foreach (var tenant in Tenants)
        {
            principals.Add(("tenant:" + tenant, tenant, server.Client(await server.KeyAsync(Role.Tenant, tenant))));
        }
        (await admin.PostAsync("/api/v1/books", new StringContent(BookWriter.Write(book), Encoding.UTF8, "application/yaml"))).EnsureSuccessStatusCode();
        var plan = await Json(await admin.PostAsync($"/api/v1/books/{book.Id}/plans", null));
        var run = await Json(await admin.PostAsync($"/api/v1/books/{book.Id}/stress-runs", null));

        var document = JsonNode.Parse(await admin.GetStringAsync("/openapi/v1.json"))!;
        var operations = document["paths"]!.AsObject()
            .SelectMany(p => p.Value!.AsObject().Select(o => (Path: p.Key, Method: o.Key.ToUpperInvariant())))
            .ToList();
        var leaks = new List<string>();
        var cases = 0;
        foreach (var (path, method) in operations)
        {
            foreach (var (name, tenant, client) in principals)
            {
                // Admin writes change the book; the matrix is about reads and about who may write at all.
                if (tenant is null && name == "admin" && method != "GET")
                {
                    continue;
                }
                foreach (var owner in Tenants)
                {
                    cases++;
                    var values = new Dictionary<string, string>
                    {
                        ["bookId"] = book.Id, ["version"] = "1", ["a"] = "1", ["b"] = "1", ["siteId"] = "east",
                        ["planId"] = plan["plan_id"]!.GetValue<string>(), ["runId"] = run["run_id"]!.GetValue<string>(),
                        ["tenantId"] = owner, ["contractId"] = book.Contracts.First(c => c.Tenant == owner).Id,
                    };
                    var (status, body) = await SendAsync(client, method, Fill(path, values), book, owner);
                    var label = $"{method} {path} as {name} on {owner}'s resources";
                    var ownerScoped = path.Contains("{tenantId}", StringComparison.Ordinal) || path.Contains("{contractId}", StringComparison.Ordinal);
                    if (tenant is null)
                    {
                        if (method == "GET" && status != HttpStatusCode.OK)
                        {
                            leaks.Add($"{label}: a provider was refused ({(int)status})");
                        }
                        continue;
                    }
                    if (method != "GET" && status is not (HttpStatusCode.Forbidden or HttpStatusCode.NotFound))
                    {
                        leaks.Add($"{label}: a tenant write answered {(int)status}");
                    }
                    if (owner == tenant)
                    {
                        if (ownerScoped && method == "GET" && status != HttpStatusCode.OK)
                        {
                            leaks.Add($"{label}: a tenant was refused its own resource ({(int)status})");
                        }
                        continue;
                    }
                    foreach (var word in Identifying[owner].Where(w => body.Contains(w, StringComparison.Ordinal)))
                    {
                        leaks.Add($"{label}: the answer contains '{word}'");
                    }
                    if (ownerScoped)
                    {
                        var madeUp = new Dictionary<string, string>(values) { ["tenantId"] = "no-such-tenant", ["contractId"] = "no-such-contract" };
                        var (madeUpStatus, madeUpBody) = await SendAsync(client, method, Fill(path, madeUp), book, owner);
                        if (status != madeUpStatus || ProblemBodies.WithoutTraceId(body) != ProblemBodies.WithoutTraceId(madeUpBody))
                        {
                            leaks.Add($"{label}: answered {(int)status} {body}, but a made-up id answers {(int)madeUpStatus} {madeUpBody}");
                        }
                    }
                }
            }
        }
        cases += await CheckBooksOfOthersAsync(book, admin, principals, operations, run["run_id"]!.GetValue<string>(), leaks);
        return new Outcome(cases, operations.Count, leaks);
    }

    /// <summary>
    /// A book a tenant is not in must not exist for that tenant: every operation on it answers exactly as on a made-up
    /// book, and the list of books leaves it out. The book has alpha-lab alone; the others ask about it.
    /// </summary>
    private static async Task<int> CheckBooksOfOthersAsync(Book book, HttpClient admin, List<(string Name, string? Tenant, HttpClient Client)> principals,
        List<(string Path, string Method)> operations, string runId, List<string> leaks)
    {
        var rival = book with
        {
            Id = "alpha-only-book",
            Tenants = book.Tenants.Where(t => t.Id == "alpha-lab").ToValueList(),
            Contracts = book.Contracts.Where(c => c.Tenant == "alpha-lab").ToValueList(),
            Investments = ValueList<Investment>.Empty,
        };
        (await admin.PostAsync("/api/v1/books", new StringContent(BookWriter.Write(rival), Encoding.UTF8, "application/yaml"))).EnsureSuccessStatusCode();
        var plan = await Json(await admin.PostAsync($"/api/v1/books/{rival.Id}/plans", null));
        var cases = 0;
        foreach (var (name, tenant, client) in principals.Where(p => p.Tenant is not null and not "alpha-lab"))
        {
            var listed = await client.GetStringAsync("/api/v1/books");
            if (listed.Contains(rival.Id, StringComparison.Ordinal))
            {
                leaks.Add($"GET /api/v1/books as {name} lists {rival.Id}, which it is not a tenant of");
            }
            foreach (var (path, method) in operations.Where(o => o.Path.Contains("{bookId}", StringComparison.Ordinal)))
            {
                foreach (var asked in new[] { tenant!, "alpha-lab" })
                {
                    cases++;
                    var values = new Dictionary<string, string>
                    {
                        ["bookId"] = rival.Id, ["version"] = "1", ["a"] = "1", ["b"] = "1", ["siteId"] = "east", ["planId"] = plan["plan_id"]!.GetValue<string>(), ["runId"] = runId,
                        ["tenantId"] = asked, ["contractId"] = book.Contracts.First(c => c.Tenant == asked).Id,
                    };
                    var (status, body) = await SendAsync(client, method, Fill(path, values), book, asked);
                    var (madeUpStatus, madeUpBody) = await SendAsync(client, method, Fill(path, new(values) { ["bookId"] = "no-such-book" }), book, asked);
                    if (status != madeUpStatus || ProblemBodies.WithoutTraceId(body) != ProblemBodies.WithoutTraceId(madeUpBody))
                    {
                        leaks.Add($"{method} {path} as {name} on {rival.Id} (asking for {asked}): answered {(int)status} {body}, "
                            + $"but a made-up book answers {(int)madeUpStatus} {madeUpBody}");
                    }
                }
            }
        }
        return cases;
    }

    private static async Task<(HttpStatusCode Status, string Body)> SendAsync(HttpClient client, string method, string url, Core.Book book, string owner)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), url);
        if (method is "POST" or "PUT")
        {
            request.Content = url.EndsWith("/quotes", StringComparison.Ordinal)
                ? new StringContent($"contracts:\n  - {{id: proposed, tenant: {owner}, start: 2026-01, end: 2026-06, price: $500K/MW-month, take_or_pay: 80%, chips: [trainium3], regions: [eu-north], ramp: {{2026-01: 10 MW}}}}\n",
                    Encoding.UTF8, "application/yaml")
                : url.Contains("/contracts/", StringComparison.Ordinal)
                ? new StringContent(JsonSerializer.Serialize(ContractView.Of(book.Contracts.First(c => c.Tenant == owner)), JsonOptions), Encoding.UTF8, "application/json")
                : url.EndsWith("/books", StringComparison.Ordinal) || url.EndsWith("/books/" + book.Id, StringComparison.Ordinal)
                    ? new StringContent(BookWriter.Write(book), Encoding.UTF8, "application/yaml")
                    : new StringContent("{}", Encoding.UTF8, "application/json");
        }
        using var response = await client.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private static readonly JsonSerializerOptions JsonOptions = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    private static string Fill(string path, Dictionary<string, string> values)
    {
        foreach (var (name, value) in values)
        {
            path = path.Replace("{" + name + "}", Uri.EscapeDataString(value), StringComparison.Ordinal);
        }
        return path.Contains('{', StringComparison.Ordinal) ? throw new InvalidOperationException("the matrix has no value for a parameter of " + path) : path;
    }

    private static async Task<JsonNode> Json(HttpResponseMessage response)
    {
        response.EnsureSuccessStatusCode();
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }
}
