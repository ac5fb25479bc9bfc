using Microsoft.Data.Sqlite;

namespace Quartermaster.Storage.Tests;

/// <summary>The store contract on a SQLite file in a temporary directory.</summary>
public sealed class SqliteBookStoreTests : BookStoreTests
{
    private readonly string _directory = Directory.CreateTempSubdirectory("qm-sqlite-").FullName;

    protected override IBookStore CreateStore(StoreOptions? options = null) =>
        new SqliteBookStore(Path.Combine(_directory, Guid.NewGuid().ToString("N") + ".db"), options);

    protected override async Task ExecuteAsOwnerAsync(IBookStore store, string sql)
    {
        await using var connection = new SqliteConnection("Data Source=" + ((SqliteBookStore)store).Path);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        // The append-only triggers stop the application, not someone with the file: drop them to tamper.
        command.CommandText = "DROP TRIGGER IF EXISTS audit_log_no_update; DROP TRIGGER IF EXISTS audit_log_no_delete; " + sql;
        await command.ExecuteNonQueryAsync();
    }

    protected override string CloseAuditLogSql =>
        "CREATE TRIGGER audit_log_closed BEFORE INSERT ON audit_log BEGIN SELECT RAISE(ABORT, 'the audit log is closed'); END";

    [Fact]
    public async Task The_audit_log_refuses_updates_and_deletes_through_the_database()
    {
        var store = await NewStoreAsync();
        await AuditedReadsAsync(store, 1);
        await using var connection = new SqliteConnection("Data Source=" + ((SqliteBookStore)store).Path);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM audit_log";
        var error = await Assert.ThrowsAsync<SqliteException>(() => command.ExecuteNonQueryAsync());
        Assert.Contains("append-only", error.Message);
    }

    [Fact]
    public async Task A_fresh_file_is_in_wal_mode_and_checks_clean()
    {
        var store = (SqliteBookStore)await NewStoreAsync();
        await store.SaveBookAsync(Admin, TestBooks.Small());
        await using var connection = new SqliteConnection("Data Source=" + store.Path);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";
        Assert.Equal("wal", await command.ExecuteScalarAsync());
        Assert.Equal("ok", await store.CheckIntegrityAsync());
    }

    [Fact]
    public async Task Without_the_application_filter_sqlite_has_nothing_else_and_a_tenant_sees_rivals()
    {
        // The negative control for the PostgreSQL test below it: same calls, no row-level security, a leak.
        var store = await NewStoreAsync(new StoreOptions(ApplyTenantFilter: false));
        await store.SaveBookAsync(Admin, TestBooks.Small());

        Assert.Equal(3, (await store.ListContractsAsync(Alpha, "small-book", 1)).Count);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }
}
