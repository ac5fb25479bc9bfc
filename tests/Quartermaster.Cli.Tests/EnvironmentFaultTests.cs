using System.Net;
using System.Net.Sockets;

namespace Quartermaster.Cli.Tests;

/// <summary>
/// Faults of the environment (a port in use, no database where one is expected, a folder that does not exist)
/// are one line on stderr and exit 2, never a stack trace; no verb creates a database it was only asked to read.
/// </summary>
public sealed class EnvironmentFaultTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("qm-faults-");

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _dir.Delete(recursive: true);
    }

    [Fact]
    public void Serve_on_a_port_in_use_says_so_in_one_line_before_touching_any_database()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var url = $"http://127.0.0.1:{((IPEndPoint)taken.LocalEndpoint).Port}";
        var database = Path.Combine(_dir.FullName, "serve.db");

        var outcome = Terminal.Run("serve", "--db", database, "--urls", url, "--seed", Qm.Example);

        Assert.Equal(2, outcome.ExitCode);
        Assert.Equal($"qm serve: cannot listen on {url}: address already in use (is another qm serve running? choose another port with --urls)\n", outcome.Stderr);
        Assert.False(File.Exists(database), "qm serve created a database although it could not listen");
    }

    [Theory]
    [InlineData("audit-log verify")]
    [InlineData("audit-log head")]
    [InlineData("keys list")]
    [InlineData("keys revoke 0123456789ab")]
    public void Verbs_that_read_a_database_name_the_missing_file_and_create_nothing(string args)
    {
        var database = Path.Combine(_dir.FullName, "quartermaster.db");
        var verb = args.Split(' ');

        var outcome = Terminal.Run([.. verb, "--db", database]);

        Assert.Equal(2, outcome.ExitCode);
        Assert.Equal($"qm {verb[0]} {verb[1]}: no database at {database}; run it in the folder where qm serve keeps its database, or give --db\n", outcome.Stderr);
        Assert.Empty(_dir.GetFileSystemInfos());
    }

    [Fact]
    public void An_empty_file_or_a_database_without_the_schema_is_not_read_as_an_audit_log()
    {
        var empty = Path.Combine(_dir.FullName, "empty.db");
        File.WriteAllBytes(empty, []);
        var other = Path.Combine(_dir.FullName, "other.db");
        using (var connection = new Microsoft.Data.Sqlite.SqliteConnection("Data Source=" + other))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "CREATE TABLE unrelated (x INTEGER)";
            command.ExecuteNonQuery();
        }

        var onEmpty = Terminal.Run("audit-log", "verify", "--db", empty);
        var onOther = Terminal.Run("audit-log", "verify", "--db", other);

        Assert.Equal((2, $"qm audit-log verify: {empty} is empty, not a Quartermaster database\n"), (onEmpty.ExitCode, onEmpty.Stderr));
        Assert.Equal((2, $"qm audit-log verify: {other} holds no Quartermaster data (no schema); give the database qm serve uses\n"), (onOther.ExitCode, onOther.Stderr));
        Assert.Equal(0, new FileInfo(empty).Length);
    }

    [Fact]
    public void Audit_log_verify_outside_a_server_folder_exits_two_and_leaves_the_folder_empty()
    {
        var outcome = Qm.RunIn(_dir.FullName, "audit-log", "verify");

        Assert.Equal(2, outcome.ExitCode);
        Assert.Single(outcome.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("qm audit-log verify: no database at ", outcome.Stderr, StringComparison.Ordinal);
        Assert.Empty(_dir.GetFileSystemInfos());
    }

    [Theory]
    [InlineData("keys list")]
    [InlineData("keys revoke")]
    [InlineData("audit-log verify")]
    [InlineData("audit-log head")]
    public void Verbs_on_the_database_take_the_same_database_options_as_keys_create(string args)
    {
        var verb = args.Split(' ');
        var root = Program.CreateRoot(new CliContext(new Spectre.Console.Testing.TestConsole(), new Spectre.Console.Testing.TestConsole(), TimeProvider.System));
        var create = root.Subcommands.Single(c => c.Name == "keys").Subcommands.Single(c => c.Name == "create");
        var command = root.Subcommands.Single(c => c.Name == verb[0]).Subcommands.Single(c => c.Name == verb[1]);
        var databaseOptions = create.Options.Select(o => o.Name).Where(n => n.StartsWith("--db", StringComparison.Ordinal)).ToList();

        Assert.Equal(["--db", "--db-owner"], databaseOptions);
        Assert.Superset(databaseOptions.ToHashSet(), command.Options.Select(o => o.Name).ToHashSet());
    }

    [Fact]
    public void A_file_that_cannot_be_written_is_one_line_and_exit_two()
    {
        var output = Path.Combine(_dir.FullName, "no-such-folder", "book.yaml");

        var outcome = Terminal.Run("gen", "--sites", "3", "--out", output);

        Assert.Equal(2, outcome.ExitCode);
        Assert.Single(outcome.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("qm gen: Could not find a part of the path", outcome.Stderr, StringComparison.Ordinal);
    }
}
