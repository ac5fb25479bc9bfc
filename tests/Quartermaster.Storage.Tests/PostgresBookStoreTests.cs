using System.Collections.Concurrent;
using System.Diagnostics;
using Npgsql;

namespace Quartermaster.Storage.Tests;

/// <summary>The store contract on a real PostgreSQL server, plus what only PostgreSQL has: row-level security and grants.</summary>
public sealed class PostgresBookStoreTests(PostgresServer server) : BookStoreTests, IClassFixture<PostgresServer>
{
    private readonly ConcurrentDictionary<IBookStore, (string Service, string Owner)> _connections = new();

    protected override IBookStore CreateStore(StoreOptions? options = null)
    {
        var database = server.CreateDatabase();
        var store = new PostgresBookStore(database.Service, database.Owner, options);
        _connections[store] = database;
        return store;
    }

    protected override async Task ExecuteAsOwnerAsync(IBookStore store, string sql)
    {
        await using var connection = new NpgsqlConnection(_connections[store].Owner);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    protected override string CloseAuditLogSql => "REVOKE INSERT ON audit_log FROM qm_service";

    [Fact]
    public async Task The_service_role_owns_nothing_and_cannot_bypass_row_level_security()
    {
        var store = (PostgresBookStore)await NewStoreAsync();

        Assert.Empty(await store.ServiceRoleProblemsAsync());
    }

    [Fact]
    public async Task A_service_role_that_owns_the_tables_is_reported()
    {
        var database = server.CreateDatabase();
        using var store = new PostgresBookStore(database.Owner);
        await store.MigrateAsync();

        Assert.Equal(["the service role owns tables; give migrations a separate owner role (--db-owner)"], await store.ServiceRoleProblemsAsync());
    }

    [Fact]
    public async Task With_the_application_filter_off_row_level_security_alone_hides_rival_rows()
    {
        var store = await NewStoreAsync(new StoreOptions(ApplyTenantFilter: false));
        var book = TestBooks.Small();
        await store.SaveBookAsync(Admin, book);
        var plan = await store.SavePlanAsync(Admin, book.Id, 1, "max-min", "test", TestBooks.Fills(book), TestBooks.Allocations(book));

        Assert.Equal(["alpha-lab"], (await store.ListTenantsAsync(Alpha, book.Id, 1)).Select(t => t.Id));
        Assert.Equal(["alpha-deal"], (await store.ListContractsAsync(Alpha, book.Id, 1)).Select(c => c.Id));
        Assert.Null(await store.GetContractAsync(Alpha, book.Id, 1, "beta-deal"));
        Assert.Equal(["alpha-lab"], (await store.ListFillsAsync(Alpha, plan.PlanId, null)).Select(f => f.TenantId).Distinct());
        Assert.Equal(["alpha-lab"], (await store.ListAllocationsAsync(Alpha, plan.PlanId, null)).Select(f => f.TenantId).Distinct());
        Assert.Null(await store.GetBookAsync(Alpha, book.Id));
        Assert.Equal(3, (await store.ListContractsAsync(Analyst, book.Id, 1)).Count);
    }

    [Fact]
    public async Task Saving_a_plan_sends_each_tables_rows_in_one_statement_however_many_rows_it_has()
    {
        var store = await NewStoreAsync();
        var book = TestBooks.Small();
        await store.SaveBookAsync(Admin, book);
        var database = new NpgsqlConnectionStringBuilder(_connections[store].Service).Database!;
        var statements = new ConcurrentQueue<string>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "Npgsql",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                // Other tests of this process use other databases: count only this one's statements.
                if (Equals(activity.GetTagItem("db.namespace") ?? activity.GetTagItem("db.name"), database))
                {
                    statements.Enqueue((activity.GetTagItem("db.statement") ?? activity.GetTagItem("db.query.text"))?.ToString() ?? "");
                }
            },
        };
        ActivitySource.AddActivityListener(listener);

        var fills = TestBooks.Fills(book);
        var allocations = TestBooks.Allocations(book);
        var plan = await store.SavePlanAsync(Admin, book.Id, 1, "max-min", "test", fills, allocations);

        // Each a row per contract and month (3 x 6 = 18): one statement each, not 18 round trips each.
        Assert.Equal(18, fills.Count);
        Assert.Single(statements, s => s.Contains("INSERT INTO fills", StringComparison.Ordinal));
        Assert.Single(statements, s => s.Contains("INSERT INTO allocations", StringComparison.Ordinal));
        Assert.True(statements.Count <= 12, $"{statements.Count} statements to save a plan: {string.Join(" | ", statements)}");
        Assert.Equal(fills.OrderBy(f => (f.Month, f.ContractId)), await store.ListFillsAsync(Admin, plan.PlanId, null));
        Assert.Equal(allocations.OrderBy(a => (a.Month, a.ContractId)), await store.ListAllocationsAsync(Admin, plan.PlanId, null));
    }

    [Fact]
    public async Task A_service_connection_without_a_scope_sees_no_tenant_rows()
    {
        var store = await NewStoreAsync();
        await store.SaveBookAsync(Admin, TestBooks.Small());
        await using var connection = new NpgsqlConnection(_connections[store].Service);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT (SELECT count(*) FROM contracts) + (SELECT count(*) FROM tenants) + (SELECT count(*) FROM book_texts)", connection);

        Assert.Equal(0L, await command.ExecuteScalarAsync());
    }

    [Fact]
    public async Task The_service_role_cannot_change_or_delete_audit_entries()
    {
        var store = await NewStoreAsync();
        await AuditedReadsAsync(store, 1);
        await using var connection = new NpgsqlConnection(_connections[store].Service);
        await connection.OpenAsync();
        foreach (var sql in new[] { "UPDATE audit_log SET actor = 'x'", "DELETE FROM audit_log" })
        {
            await using var command = new NpgsqlCommand(sql, connection);
            var error = await Assert.ThrowsAsync<PostgresException>(() => command.ExecuteNonQueryAsync());
            Assert.Equal("42501", error.SqlState); // insufficient_privilege
        }
    }
}
