using Quartermaster.Storage;

namespace Quartermaster.Server;

/// <summary>Everything <see cref="QuartermasterServer.BuildAsync"/> needs to start a server.</summary>
public sealed record ServerOptions
{
    /// <summary>A SQLite file path, or a PostgreSQL connection string for the service role (contains <c>=</c>); <c>quartermaster.db</c> when null.</summary>
    public string? Database { get; init; }

    /// <summary>PostgreSQL only: connection string of the owner role that runs migrations; the service connection when null.</summary>
    public string? DatabaseOwner { get; init; }

    /// <summary>Addresses to listen on; port 0 picks a free port (read it back from <c>app.Urls</c> after start).</summary>
    public string Urls { get; init; } = "http://127.0.0.1:5080";

    /// <summary>A book file imported on start when the database holds no book (the example book for <c>qm serve</c>); none when null.</summary>
    public string? SeedBookPath { get; init; }

    /// <summary>Requests per second each API key (or anonymous client address) may make on average.</summary>
    public int RequestsPerSecondPerKey { get; init; } = 100;

    /// <summary>Requests a key may make in a burst above the average rate.</summary>
    public int BurstPerKey { get; init; } = 200;

    /// <summary>How long an authenticated key is trusted without asking the database again; bounds how late a revocation bites.</summary>
    public TimeSpan KeyCacheLifetime { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Store options; tests switch the application's tenant filter off to prove row-level security alone holds.</summary>
    public StoreOptions Store { get; init; } = StoreOptions.Default;

    /// <summary>The planner behind <c>POST /api/v1/books/{bookId}/plans</c>.</summary>
    public IBookPlanner Planner { get; init; } = new FlowBookPlanner();

    /// <summary>The engine behind background stress runs.</summary>
    public IStressRunner StressRunner { get; init; } = new EngineStressRunner();

    /// <summary>
    /// Warm the stress path before <c>/readyz</c> says ready (a few rounds on a small copy of the seed book, until the
    /// JIT is quiet), so the first stress run is about as fast as later ones. Off by default: tests start many servers.
    /// </summary>
    public bool WarmUpStress { get; init; }

    /// <summary>Refuse to start on PostgreSQL when the service role could bypass row-level security.</summary>
    public bool RequireRowLevelSecurity { get; init; } = true;

    /// <summary>Keep tenants' reads of a stored plan in memory (plans never change); off to measure the database path.</summary>
    public bool CacheTenantReads { get; init; } = true;

    /// <summary>
    /// Benchmarks only: when set, <c>GET /bench/bare</c> answers these bytes as JSON with no key, no database and
    /// no rate limit, so a load test can measure the framework's ceiling next to a real endpoint in the same process.
    /// </summary>
    public byte[]? BareBenchmarkBody { get; init; }

    /// <summary>Log to the console (off in tests): the server's own lines from Information, the framework's from Warning.</summary>
    public bool ConsoleLogging { get; init; } = true;

    /// <summary>
    /// The server's clock: when a running stress run's progress is stored, how long a key and the latest plan are
    /// trusted. Tests pass a fake one to move time on by hand.
    /// </summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>
    /// Without a cluster: how long a stress run's lease lasts unless renewed (a third of it at a time while the run goes).
    /// A run whose instance stopped renewing (it was killed) is run again from the start by an instance sharing the
    /// database, this one after a restart included. With a cluster, <see cref="Cluster.ClusterSettings.LeaseDuration"/> applies.
    /// </summary>
    public TimeSpan StressRunLease { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How often a running stress run's progress is stored for other instances to read.</summary>
    public TimeSpan ProgressSaveInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Another destination for the same log lines (tests collect them there); none when null.</summary>
    public ILoggerProvider? LoggerProvider { get; init; }

    /// <summary>
    /// PostgreSQL only: join (or form) this Orleans cluster and spread stress runs over its silos in chunks; null (the
    /// default) runs each stress run inside the instance that received it, as on SQLite.
    /// </summary>
    public Cluster.ClusterSettings? Cluster { get; init; }

    /// <summary>Public deals across the market, shown on the provider's dashboard (<c>GET /api/v1/deals</c>); null: none.</summary>
    public Watch.DealsOverview? Deals { get; init; }
}
