using Microsoft.Data.Sqlite;
using Quartermaster.Books;
using Quartermaster.Storage;

namespace Quartermaster.Cli.Tests;

/// <summary><c>qm keys create</c> on a SQLite file: a tenant key names a tenant of a stored book.</summary>
public sealed class KeysCommandTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("qm-keys-");

    private string Database => Path.Combine(_dir.FullName, "keys.db");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _dir.Delete(recursive: true);
    }

    [Fact]
    public async Task An_unknown_tenant_is_refused_naming_the_known_ones_and_no_key_is_stored()
    {
        await StoreExampleBookAsync();

        var outcome = Terminal.Run("keys", "create", "--role", "tenant", "--tenant", "frontier-lab-c", "--db", Database);

        Assert.Equal(2, outcome.ExitCode);
        Assert.Empty(outcome.Stdout);
        Assert.Equal("qm keys create: no tenant 'frontier-lab-c' in the stored books (known: enterprise-copilots, eu-sovereign-ai, "
            + "frontier-lab-a, frontier-lab-b, open-model-lab); did you mean 'frontier-lab-a'?; pass --allow-unknown-tenant for a tenant a later book version adds\n",
            outcome.Stderr);
        using var store = new SqliteBookStore(Database);
        Assert.Empty(await store.ListKeysAsync());
    }

    [Fact]
    public async Task A_tenant_of_a_stored_book_gets_a_key_and_an_unknown_one_only_when_allowed()
    {
        await StoreExampleBookAsync();

        var known = Terminal.Run("keys", "create", "--role", "tenant", "--tenant", "frontier-lab-a", "--db", Database);
        var later = Terminal.Run("keys", "create", "--role", "tenant", "--tenant", "next-year-lab", "--allow-unknown-tenant", "--db", Database);

        Assert.Equal((0, 0), (known.ExitCode, later.ExitCode));
        using var store = new SqliteBookStore(Database);
        Assert.Equal(["frontier-lab-a", "next-year-lab"], (await store.ListKeysAsync()).Select(k => k.TenantId));
        Assert.Equal("frontier-lab-a", (await store.AuthenticateAsync(known.Stdout.Trim()))!.TenantId);
    }

    [Fact]
    public void A_tenant_key_for_a_database_that_does_not_exist_is_refused_without_creating_it()
    {
        var outcome = Terminal.Run("keys", "create", "--role", "tenant", "--tenant", "frontier-lab-a", "--db", Database);

        Assert.Equal(2, outcome.ExitCode);
        Assert.StartsWith("qm keys create: no book is stored yet, so no tenant is known;", outcome.Stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(Database));
    }

    private async Task StoreExampleBookAsync()
    {
        using var store = new SqliteBookStore(Database);
        await store.MigrateAsync();
        await store.SaveBookAsync(new AccessScope("test", Role.Admin, null), BookReader.ReadFile(Qm.Example).Book!);
    }
}
