using System.Text.Json;
using Quartermaster.Storage.Tests;

namespace Quartermaster.Cli.Tests;

/// <summary><c>qm keys</c> and <c>qm audit-log</c> on a real PostgreSQL with a service role and an owner role.</summary>
public sealed class PostgresCommandTests(PostgresServer postgres) : IClassFixture<PostgresServer>
{
    [Fact]
    public void Keys_create_without_the_owner_role_on_a_new_database_is_one_line_asking_for_it()
    {
        var (service, _) = postgres.CreateDatabase();

        var outcome = Terminal.Run("keys", "create", "--role", "admin", "--db", service);

        Assert.Equal(2, outcome.ExitCode);
        Assert.Empty(outcome.Stdout);
        var line = Assert.Single(outcome.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("qm keys create: ", line, StringComparison.Ordinal);
        Assert.EndsWith("; migrations need the owner role: give --db-owner with its connection string", line, StringComparison.Ordinal);
    }

    [Fact]
    public void With_the_owner_role_a_key_is_created_listed_revoked_and_audited()
    {
        var (service, owner) = postgres.CreateDatabase();

        var created = Terminal.Run("keys", "create", "--role", "analyst", "--db", service, "--db-owner", owner);
        Assert.Equal(0, created.ExitCode);
        var keyId = created.Stdout.Trim()[3..15];

        var listed = Terminal.Run("keys", "list", "--db", service, "--db-owner", owner, "--json");
        Assert.Equal(0, listed.ExitCode);
        using (var json = JsonDocument.Parse(listed.Stdout))
        {
            Assert.Equal([(keyId, "analyst")], json.RootElement.EnumerateArray().Select(k => (k.GetProperty("key_id").GetString(), k.GetProperty("role").GetString())));
        }
        // The service role reads keys and the audit log without the owner role too.
        Assert.Equal(0, Terminal.Run("keys", "revoke", keyId, "--db", service).ExitCode);
        var verified = Terminal.Run("audit-log", "verify", "--db", service, "--db-owner", owner);
        Assert.Equal(0, verified.ExitCode);
        Assert.StartsWith("audit log intact: 2 entries", verified.Stdout, StringComparison.Ordinal);
    }
}
