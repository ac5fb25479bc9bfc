namespace Quartermaster.Cli.Tests;

/// <summary>What <c>qm serve</c> prints about its database: never a password.</summary>
public class ServeCommandTests
{
    [Theory]
    [InlineData(null, "quartermaster.db")]
    [InlineData("data/q.db", "data/q.db")]
    [InlineData("Host=db;Port=5433;Username=qm_service;Password=hunter2;Database=qm", "PostgreSQL host=db;port=5433;username=qm_service;database=qm")]
    [InlineData("host=db; user id=qm; pwd=hunter2; SSL Mode=Require", "PostgreSQL host=db;user id=qm")]
    [InlineData("Host=db;Password='a;b=c';Username=qm", "PostgreSQL host=db;username=qm")]
    [InlineData("Host=db;Password=\"unterminated", "PostgreSQL")]
    public void A_database_is_described_without_its_password(string? database, string described)
    {
        Assert.Equal(described, Commands.DatabaseOptions.Describe(database));
    }

    [Fact]
    public void Serve_that_cannot_reach_its_database_says_so_in_one_line_without_the_password()
    {
        var closed = FreePort();

        var outcome = Terminal.Run("serve", "--db", $"Host=127.0.0.1;Port={closed};Username=qm_service;Password=hunter2;Timeout=5",
            "--urls", $"http://127.0.0.1:{FreePort()}");

        Assert.Equal(2, outcome.ExitCode);
        var line = Assert.Single(outcome.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("qm serve: ", line, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", outcome.Stderr + outcome.Stdout, StringComparison.Ordinal);
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
