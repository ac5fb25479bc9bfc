using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Quartermaster.Testing;

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
            Assert.Equal([(keyId, "analyst")], json.RootElement.GetProperty("keys").EnumerateArray().Select(k => (k.GetProperty("key_id").GetString(), k.GetProperty("role").GetString())));
        }
        // The service role reads keys and the audit log without the owner role too.
        Assert.Equal(0, Terminal.Run("keys", "revoke", keyId, "--db", service).ExitCode);
        var verified = Terminal.Run("audit-log", "verify", "--db", service, "--db-owner", owner);
        Assert.Equal(0, verified.ExitCode);
        Assert.StartsWith("audit log intact: 2 entries", verified.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serve_names_the_database_it_serves_without_any_password()
    {
        var (service, owner) = postgres.CreateDatabase();
        var port = FreePort();
        var terminal = new Terminal();
        using var stop = new CancellationTokenSource();

        var serving = terminal.StartAsync(
            ["serve", "--db", service + ";Password=service-secret-1", "--db-owner", owner + ";Password=owner-secret-2",
             "--urls", $"http://127.0.0.1:{port}", "--seed", Qm.Example],
            stop.Token);
        await WaitUntilHealthyAsync(port, serving);
        await stop.CancelAsync();
        var outcome = await serving;

        Assert.Equal(0, outcome.ExitCode);
        var database = service.Split(';').Single(p => p.StartsWith("Database=", StringComparison.Ordinal))["Database=".Length..];
        Assert.Contains($"qm serve: listening on http://127.0.0.1:{port} (PostgreSQL host=127.0.0.1;port={postgres.Port};username=qm_service;database={database})",
            outcome.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", outcome.Stderr + outcome.Stdout, StringComparison.Ordinal);
    }

    private static async Task WaitUntilHealthyAsync(int port, Task serving)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(2);
        while (true)
        {
            Assert.False(serving.IsCompleted, "qm serve stopped before it answered /healthz");
            try
            {
                if ((await http.GetAsync(new Uri($"http://127.0.0.1:{port}/healthz"))).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            Assert.True(DateTime.UtcNow < deadline, "qm serve did not answer /healthz within 2 minutes");
            await Task.Delay(200);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
