using Quartermaster.Storage;
using Xunit.Abstractions;

namespace Quartermaster.Server.Tests;

/// <summary>The isolation matrix on each database, and once with the application's own filter off.</summary>
public sealed class IsolationMatrixTests(PostgresServer postgres, ITestOutputHelper output) : IClassFixture<PostgresServer>, IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("qm-matrix-").FullName;

    [Fact]
    public async Task No_principal_sees_another_tenants_data_on_sqlite()
    {
        var outcome = await RunAsync(new ServerOptions { Database = Path.Combine(_directory, "a.db") });
        Assert.Empty(outcome.Leaks);
    }

    [Fact]
    public async Task No_principal_sees_another_tenants_data_on_postgresql()
    {
        var (service, owner) = postgres.CreateDatabase();
        var outcome = await RunAsync(new ServerOptions { Database = service, DatabaseOwner = owner });
        Assert.Empty(outcome.Leaks);
    }

    [Fact]
    public async Task Row_level_security_alone_keeps_tenants_apart_on_postgresql_with_the_application_filter_off()
    {
        var (service, owner) = postgres.CreateDatabase();
        var outcome = await RunAsync(new ServerOptions { Database = service, DatabaseOwner = owner, Store = new StoreOptions(ApplyTenantFilter: false) });
        Assert.Empty(outcome.Leaks);
    }

    [Fact]
    public async Task The_matrix_finds_leaks_when_sqlite_runs_without_the_application_filter()
    {
        // Negative control: SQLite has no row-level security, so switching the filter off must show up as leaks.
        var outcome = await RunAsync(new ServerOptions { Database = Path.Combine(_directory, "b.db"), Store = new StoreOptions(ApplyTenantFilter: false) });
        Assert.Contains(outcome.Leaks, l => l.Contains("GET /api/v1/books/{bookId}/contracts/{contractId} as tenant:alpha-lab on beta-lab's resources", StringComparison.Ordinal));
    }

    private async Task<IsolationMatrix.Outcome> RunAsync(ServerOptions options)
    {
        await using var server = await RunningServer.StartAsync(options with { RequestsPerSecondPerKey = 100_000, BurstPerKey = 100_000 });
        var outcome = await IsolationMatrix.RunAsync(server);
        output.WriteLine($"{outcome.Cases} endpoint x principal x resource cases over {outcome.Operations} operations, {outcome.Leaks.Count} leaks");
        foreach (var leak in outcome.Leaks.Take(20))
        {
            output.WriteLine(leak);
        }
        Assert.True(outcome.Operations >= 20, "the OpenAPI document lists too few operations");
        return outcome;
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }
}
