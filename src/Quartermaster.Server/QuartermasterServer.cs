using System.Text.Json;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.OpenApi;
using Quartermaster.Books;
using Quartermaster.Cluster;
using Quartermaster.Core;
using Quartermaster.Storage;
using Scalar.AspNetCore;

namespace Quartermaster.Server;

/// <summary>
/// Builds the Quartermaster HTTP service: the JSON API under <c>/api/v1</c>, <c>/openapi/v1.json</c>, the
/// Scalar reference at <c>/scalar</c>, <c>/healthz</c> and the dashboard at <c>/</c>. <c>qm serve</c> and the tests call the same method.
/// </summary>
public static class QuartermasterServer
{
    /// <summary>
    /// Opens the store, applies migrations, imports the seed book into an empty database, and returns the
    /// app ready to start (<c>await app.StartAsync()</c>, then read the bound address from <c>app.Urls</c>).
    /// The process is left as the host set it up (thread pool, culture): a stress run drives the engine from a
    /// thread of its own with at most one worker per core, so requests keep pool threads without extra headroom.
    /// </summary>
    /// <exception cref="InvalidOperationException">PostgreSQL's service role could bypass row-level security.</exception>
    public static async Task<WebApplication> BuildAsync(ServerOptions options, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var store = BookStores.Open(options.Database, options.DatabaseOwner, options.Store);
        if (options.Cluster is not null && store is not PostgresBookStore)
        {
            store.Dispose();
            throw new InvalidOperationException("--cluster needs PostgreSQL (--db with a connection string): the cluster keeps its silo list and each run's chunks there");
        }
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(options.Urls);
        // Kestrel's own answers to requests it cannot parse get problem bodies too.
        builder.WebHost.ConfigureKestrel(k => k.ConfigureEndpointDefaults(listen => listen.UseProblemRejections()));
        builder.Logging.ClearProviders();
        // Our own lines (one per stored book version, plan, stress run, refused key) at Information; the framework's from Warning.
        builder.Logging.SetMinimumLevel(LogLevel.Warning).AddFilter("Quartermaster", LogLevel.Information)
            // Data protection keys are unused (no cookies, no antiforgery); its warning about them is noise.
            .AddFilter("Microsoft.AspNetCore.DataProtection", LogLevel.Error);
        if (options.ConsoleLogging)
        {
            builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
        }
        if (options.LoggerProvider is { } provider)
        {
            builder.Logging.AddProvider(provider);
        }
        var services = builder.Services;
        // Built by a factory so the container owns the store and disposes it with the app.
        services.AddSingleton<IBookStore>(_ => store);
        services.AddSingleton(options);
        if (options.Cluster is { } cluster)
        {
            // This instance is a silo of the cluster; stress runs are coordinated here and computed on every silo.
            builder.UseOrleans(silo => silo.UseQuartermasterCluster(cluster));
            services.AddSingleton(s => new ClusterStressCoordinator(s.GetRequiredService<IGrainFactory>(), store, cluster, options.TimeProvider,
                s.GetRequiredService<ILogger<ClusterStressCoordinator>>()));
        }
        services.AddSingleton(s => new StressJobs(store, options, s.GetRequiredService<ILogger<StressJobs>>(), s.GetService<ClusterStressCoordinator>()));
        services.AddSingleton<TenantReadCache>();
        services.AddSingleton<WhyShortCache>();
        services.AddHostedService(s => s.GetRequiredService<StressJobs>());
        if (options.WarmUpStress)
        {
            services.AddSingleton<StressWarmUp>();
            services.AddHostedService(s => s.GetRequiredService<StressWarmUp>());
        }
        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
            o.SerializerOptions.DictionaryKeyPolicy = null;
            // Enums as their words and months as YYYY-MM, as in every document the CLI prints.
            foreach (var converter in Documents.DocumentJson.Converters())
            {
                o.SerializerOptions.Converters.Add(converter);
            }
        });
        services.AddProblemDetails(o => o.CustomizeProblemDetails = c =>
        {
            c.ProblemDetails.Extensions["trace_id"] = c.HttpContext.TraceIdentifier;
            // Problems the framework writes (status code pages, the exception handler) come without a detail.
            c.ProblemDetails.Detail ??= Problems.DefaultDetail(c.ProblemDetails.Status ?? c.HttpContext.Response.StatusCode);
        });
        services.AddAuthentication(ApiKeyAuthentication.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthentication>(ApiKeyAuthentication.SchemeName, null);
        services.AddAuthorizationBuilder()
            .AddPolicy(Principals.Admin, p => p.RequireRole("admin"))
            .AddPolicy(Principals.Provider, p => p.RequireRole("admin", "analyst"))
            .AddPolicy(Principals.Anyone, p => p.RequireAuthenticatedUser());
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
            {
                if (context.Request.Path.StartsWithSegments("/bench"))
                {
                    return RateLimitPartition.GetNoLimiter("bench");
                }
                return RateLimitPartition.GetTokenBucketLimiter(RateLimitBucket(context), _ => new TokenBucketRateLimiterOptions
                {
                    TokenLimit = options.BurstPerKey,
                    TokensPerPeriod = options.RequestsPerSecondPerKey,
                    ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                    QueueLimit = 0,
                    AutoReplenishment = true,
                });
            });
            o.OnRejected = async (context, token) =>
            {
                if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retry))
                {
                    context.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(retry.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
                }
                await context.HttpContext.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = context.HttpContext,
                    ProblemDetails =
                    {
                        Status = StatusCodes.Status429TooManyRequests, Title = "Too Many Requests",
                        Detail = (context.HttpContext.User.Identity?.IsAuthenticated == true ? "This API key" : "This address")
                            + " made too many requests; wait for the time in Retry-After and try again.",
                    },
                });
            };
        });
        services.AddOpenApi(o => o.AddSchemaTransformer((schema, context, _) =>
        {
            // A month is written as text (YYYY-MM) by its JSON converter, which the schema generator cannot see.
            if (context.JsonTypeInfo.Type == typeof(Month))
            {
                schema.Type = JsonSchemaType.String;
                schema.Pattern = "^[0-9]{4}-(0[1-9]|1[0-2])$";
                schema.Description = "A calendar month, YYYY-MM.";
            }
            return Task.CompletedTask;
        }).AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "Quartermaster API";
            document.Info.Description = "A neutral compute provider's book, plans and stress runs. Every error is RFC 9457 problem details.";
            // The repository carries no licence file: all rights reserved until the project chooses one.
            document.Info.License = new OpenApiLicense { Name = "All rights reserved", Identifier = "LicenseRef-AllRightsReserved" };
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes["bearer"] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                Description = "An API key from `qm keys create`, as `Authorization: Bearer qm_...` (or `X-Api-Key: qm_...`).",
            };
            document.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("bearer", document)] = [] }];
            // Client generators join paths to the server URL: "http://host/" + "/api/v1/..." would double the slash.
            foreach (var server in document.Servers ?? [])
            {
                server.Url = server.Url?.TrimEnd('/');
            }
            document.Tags ??= new HashSet<OpenApiTag>();
            foreach (var (name, description) in TagDescriptions)
            {
                if (document.Tags.FirstOrDefault(t => t.Name == name) is { } tag)
                {
                    tag.Description = description;
                }
                else
                {
                    document.Tags.Add(new OpenApiTag { Name = name, Description = description });
                }
            }
            return Task.CompletedTask;
        }));

        var app = builder.Build();
        int schemaVersion;
        try
        {
            schemaVersion = await PrepareStoreAsync(store, options, app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(QuartermasterServer)), cancel);
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
        if (options.BareBenchmarkBody is { } bare)
        {
            // Through the same pipeline, but anonymous, unlimited and without the database: the ceiling served endpoints are compared to.
            app.MapGet("/bench/bare", () => TypedResults.Bytes(bare, "application/json; charset=utf-8")).ExcludeFromDescription();
        }
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseAuthentication();
        app.UseRateLimiter();
        app.UseAuthorization();

        app.MapGet("/healthz", (IBookStore served, CancellationToken aborted) => Healthz(served, schemaVersion, aborted))
            .WithName("GetHealth").AllowAnonymous().WithTags("Health").WithInputRules()
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType).ProducesProblem(StatusCodes.Status429TooManyRequests)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .WithSummary("Liveness: the service's database pool answers; no key needed.");
        app.MapGet("/readyz", Readyz).WithName("GetReadiness").AllowAnonymous().WithTags("Health").WithInputRules()
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType).ProducesProblem(StatusCodes.Status429TooManyRequests)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .WithSummary("Readiness: as the service role, the schema is at this server's version and row-level security holds; no key needed.");
        app.MapOpenApi().AllowAnonymous();
        app.MapScalarApiReference().AllowAnonymous();
        var api = app.MapGroup("/api/v1").WithInputRules()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        api.MapBooksApi().MapVersionDiffApi().MapQuotesApi().MapTenantDataApi().MapPlansApi().MapStressApi().MapDashboardApi();
        app.MapDashboard();
        return app;
    }

    /// <summary>What each tag of the OpenAPI document groups, as client generators and the reference page show it.</summary>
    private static readonly (string Name, string Description)[] TagDescriptions =
    [
        ("Health", "Liveness (/healthz) and readiness (/readyz) of the service and its database; no key needed."),
        ("Books", "Books and their versions as YAML, sites and investments: provider side."),
        ("Tenant data", "Tenants, contracts, allocations, fill and SLA: every role, each tenant scoped to its own rows."),
        ("Plans", "Plans of a book's latest version under a policy, stored and read back: provider side."),
        ("Stress runs", "Monte Carlo stress runs as background jobs: start, poll, cancel. Provider side."),
        ("Deal desk", "Quotes of proposals against a book: headroom, cost to others, neutrality and risk delta. Provider side."),
        ("Dashboard", "What the dashboard at / draws: the caller's role, a book's overview, public deals."),
    ];

    /// <summary>
    /// The rate-limit bucket of a request. Health checks have a bucket per address of their own, so no other caller
    /// can throttle them; a valid key has its own; a request with a key that failed authentication and a request
    /// without a key each share a bucket per address, kept apart so a burst of bad keys throttles only bad keys.
    /// </summary>
    private static string RateLimitBucket(HttpContext context)
    {
        var address = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        if (context.Request.Path.StartsWithSegments("/healthz") || context.Request.Path.StartsWithSegments("/readyz"))
        {
            return "health:" + address;
        }
        if (context.User.Identity?.IsAuthenticated == true)
        {
            return "key:" + context.User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value;
        }
        return (ApiKeyAuthentication.PresentsKey(context.Request) ? "refused:" : "anonymous:") + address;
    }

    private static async Task<Results<Ok<Health>, ProblemHttpResult>> Healthz(IBookStore store, int schemaVersion, CancellationToken cancel)
    {
        try
        {
            await store.PingAsync(cancel);
        }
        catch (System.Data.Common.DbException e)
        {
            return Problems.ServiceUnavailable("the database does not answer: " + e.Message);
        }
        return TypedResults.Ok(new Health("ok", schemaVersion));
    }

    private static async Task<Results<Ok<Health>, ProblemHttpResult>> Readyz(IBookStore store, HttpContext context, CancellationToken cancel)
    {
        if (context.RequestServices.GetService<StressWarmUp>() is { Done: false })
        {
            return Problems.ServiceUnavailable("not ready: warming up the stress engine");
        }
        IReadOnlyList<string> problems;
        try
        {
            problems = await store.ReadinessProblemsAsync(cancel);
        }
        catch (System.Data.Common.DbException e)
        {
            return Problems.ServiceUnavailable("the database does not answer: " + e.Message);
        }
        return problems.Count > 0
            ? Problems.ServiceUnavailable("not ready: " + string.Join("; ", problems))
            : TypedResults.Ok(new Health("ready", Migration.Latest));
    }

    /// <summary>Migrates the store, checks the service role, imports the seed book; returns the schema version served.</summary>
    private static async Task<int> PrepareStoreAsync(IBookStore store, ServerOptions options, ILogger log, CancellationToken cancel)
    {
        await store.MigrateAsync(null, cancel);
        if (store is PostgresBookStore postgres && options.RequireRowLevelSecurity
            && await postgres.ServiceRoleProblemsAsync(cancel) is { Count: > 0 } problems)
        {
            throw new InvalidOperationException("refusing to serve: " + string.Join("; ", problems));
        }
        var schemaVersion = await store.SchemaVersionAsync(cancel);
        var where = Describe(store);
        LogMessages.Serving(log, where, schemaVersion);
        if (options.SeedBookPath is { } seed && (await store.ListBooksAsync(AccessScope.System, cancel)).Count == 0)
        {
            var read = BookReader.ReadFile(seed);
            if (read.Book is null)
            {
                throw new InvalidOperationException($"the seed book does not read: {read.Errors[0]}");
            }
            var version = (await store.SaveBookAsync(AccessScope.System, read.Book, await File.ReadAllTextAsync(seed, cancel), null, cancel))!;
            LogMessages.BookVersionStored(log, version.BookId, version.Version, version.CreatedBy);
            var planning = options.TimeProvider.GetTimestamp();
            var plan = options.Planner.Plan(read.Book, read.Book.Scenario.Policy);
            var summary = await store.SavePlanAsync(AccessScope.System, version.BookId, version.Version, read.Book.Scenario.Policy.ToName(),
                options.Planner.Name, plan.Fills, plan.Allocations, cancel);
            var milliseconds = (long)options.TimeProvider.GetElapsedTime(planning).TotalMilliseconds;
            LogMessages.PlanStored(log, summary.PlanId, summary.BookId, summary.BookVersion, AccessScope.System.Actor, summary.Policy, summary.Planner, milliseconds);
        }
        return schemaVersion;
    }

    /// <summary>The database as a log line may name it: a SQLite path, or PostgreSQL host, port, database and user (never the password).</summary>
    private static string Describe(IBookStore store) => store switch
    {
        SqliteBookStore sqlite => "SQLite " + sqlite.Path,
        PostgresBookStore postgres => "PostgreSQL " + postgres.Endpoint,
        _ => store.GetType().Name,
    };
}
