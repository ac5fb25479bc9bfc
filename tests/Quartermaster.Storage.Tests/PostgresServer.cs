using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Quartermaster.Storage.Tests;

/// <summary>
/// A real PostgreSQL server for the tests, from Debian's <c>postgresql</c> package: a throwaway cluster in a
/// temporary directory owned by <c>postgres</c> (the server refuses to run as root), on a free loopback
/// port, stopped and deleted at the end. Two roles per the deployment: <c>qm_owner</c> owns the databases
/// and runs migrations; <c>qm_service</c> serves requests, owns nothing and cannot bypass RLS.
/// Missing binaries FAIL the tests with the install command, never skip them.
/// </summary>
public sealed class PostgresServer : IDisposable
{
    private readonly string _directory;
    private readonly string _bin;
    private int _databases;

    public PostgresServer()
    {
        _bin = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin")).FirstOrDefault(b => File.Exists(Path.Combine(b, "initdb"))) ?? ""
            : "";
        if (_bin.Length == 0)
        {
            throw new InvalidOperationException(
                "PostgreSQL is not installed: the PostgreSQL tests need /usr/lib/postgresql/*/bin/initdb. "
                + "Install it with: apt-get update && apt-get install -y postgresql (./test does this).");
        }
        _directory = Path.Combine(Path.GetTempPath(), "qm-pg-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(_directory);
        Port = FreePort();
        AsPostgres("chown", "-R", "postgres:postgres", _directory);
        Run(Path.Combine(_bin, "initdb"), "-D", Data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-sync");
        // fsync off: the tests kill the server, not the machine. Crash safety is tested on SQLite.
        Run(Path.Combine(_bin, "pg_ctl"), "-D", Data, "-l", Path.Combine(_directory, "log"), "-w", "-t", "60", "-o",
            $"-p {Port} -k {_directory} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200", "start");
        using var connection = new NpgsqlConnection(ConnectionString("postgres", "postgres"));
        connection.Open();
        using var command = new NpgsqlCommand(
            "CREATE ROLE qm_owner LOGIN NOSUPERUSER NOBYPASSRLS; CREATE ROLE qm_service LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE", connection);
        command.ExecuteNonQuery();
    }

    public int Port { get; }

    private string Data => Path.Combine(_directory, "data");

    /// <summary>A new empty database owned by qm_owner: the service and owner connection strings.</summary>
    public (string Service, string Owner) CreateDatabase()
    {
        var name = "qm_" + Interlocked.Increment(ref _databases);
        using (var connection = new NpgsqlConnection(ConnectionString("postgres", "postgres")))
        {
            connection.Open();
            using var command = new NpgsqlCommand($"CREATE DATABASE {name} OWNER qm_owner", connection);
            command.ExecuteNonQuery();
        }
        return (ConnectionString("qm_service", name), ConnectionString("qm_owner", name));
    }

    /// <summary>A superuser connection string to <paramref name="database"/>, for tampering in tests.</summary>
    public string Superuser(string database) => ConnectionString("postgres", database);

    public string ConnectionString(string user, string database) =>
        $"Host=127.0.0.1;Port={Port};Username={user};Database={database};Pooling=true;Maximum Pool Size=50;Timeout=30";

    public void Dispose()
    {
        NpgsqlConnection.ClearAllPools();
        try
        {
            Run(Path.Combine(_bin, "pg_ctl"), "-D", Data, "-m", "immediate", "-w", "stop");
        }
        finally
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Runs a PostgreSQL binary as the postgres user when we are root (CI), else as ourselves.</summary>
    private static void Run(string program, params string[] args)
    {
        if (Environment.UserName == "root")
        {
            AsPostgres("runuser", ["-u", "postgres", "--", program, .. args]);
        }
        else
        {
            AsPostgres(program, args);
        }
    }

    private static void AsPostgres(string program, params string[] args)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(90)) || process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', args)} failed: {stdout.Result}{stderr.Result}");
        }
    }
}
