using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Quartermaster.Storage;

namespace Quartermaster.Server.Tests;

/// <summary><c>qm keys</c> and <c>qm audit-log</c> run as a user runs them, on a SQLite file.</summary>
public sealed class CommandLineTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("qm-cli-").FullName;

    private string Database => Path.Combine(_directory, "cli.db");

    [Fact]
    public async Task A_key_printed_by_qm_keys_create_authenticates_as_its_tenant_and_stops_when_revoked()
    {
        var created = Qm("keys", "create", "--role", "tenant", "--tenant", "alpha-lab", "--allow-unknown-tenant", "--db", Database);
        Assert.Equal(0, created.ExitCode);
        var key = created.Stdout.Trim();

        using (var store = new SqliteBookStore(Database))
        {
            var record = await store.AuthenticateAsync(key);
            Assert.Equal(("alpha-lab", Role.Tenant), (record!.TenantId, record.Role));
            // The secret is in neither the database nor its write-ahead log.
            var files = string.Concat(new[] { Database, Database + "-wal" }.Where(File.Exists).Select(File.ReadAllText));
            Assert.Contains(record.KeyId, files);
            Assert.DoesNotContain(key[16..], files);
            Assert.Equal(0, Qm("keys", "revoke", record.KeyId, "--db", Database).ExitCode);
            Assert.Null(await store.AuthenticateAsync(key));
        }
        Assert.Equal(2, Qm("keys", "create", "--role", "tenant", "--db", Database).ExitCode);
    }

    [Fact]
    public async Task Qm_audit_log_verify_passes_an_intact_log_and_names_an_edited_entry()
    {
        using (var store = new SqliteBookStore(Database))
        {
            await store.MigrateAsync();
            for (var i = 0; i < 3; i++)
            {
                await store.CreateKeyAsync(AccessScope.System, Role.Analyst, null);
            }
        }
        var head = Qm("audit-log", "head", "--db", Database).Stdout.Trim();
        Assert.StartsWith("3:", head);
        Assert.Equal(0, Qm("audit-log", "verify", "--db", Database, "--expect-head", head).ExitCode);

        SqliteConnection.ClearAllPools();
        await using (var connection = new SqliteConnection("Data Source=" + Database))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "DROP TRIGGER audit_log_no_update; UPDATE audit_log SET resource = 'elsewhere' WHERE seq = 2";
            await command.ExecuteNonQueryAsync();
        }
        var verify = Qm("audit-log", "verify", "--db", Database);
        Assert.Equal(1, verify.ExitCode);
        Assert.Contains("entry 2 was edited", verify.Stdout);
    }

    private static (int ExitCode, string Stdout, string Stderr) Qm(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "qm.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(Wait.DefaultDeadline))
        {
            process.Kill(entireProcessTree: true);
            throw new Xunit.Sdk.XunitException($"waited {Wait.DefaultDeadline.TotalSeconds:F0} s for qm {string.Join(' ', args)} to exit");
        }
        return (process.ExitCode, stdout.Result, stderr.Result);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }
}
