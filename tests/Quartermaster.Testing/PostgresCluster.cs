using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Quartermaster.Testing;

/// <summary>
/// One throwaway PostgreSQL cluster per test run, shared by the test assemblies that <c>dotnet test</c> runs side
/// by side in separate processes. It lives in a well-known directory (<c>$TMPDIR/qm-test-postgres-USER</c>); each
/// process registers its id in <c>users/</c> under an exclusive lock on <c>cluster.lock</c>. The first process of a
/// run (no other live user) starts a fresh cluster; the last one to leave stops it and deletes its data. A user
/// that died is ignored, so a killed run never blocks the next. Under <c>./test</c> the script itself is a user
/// (<c>QM_TEST_RUN_PID</c>), so assemblies that run one after the other share the cluster too, and the script
/// stops it at the end: xunit 2 has no hook that spans assemblies. As root (CI) the server runs as <c>postgres</c>,
/// which it requires; as anyone else it runs as that user.
/// </summary>
public sealed class PostgresCluster
{
    private static readonly TimeSpan LockDeadline = TimeSpan.FromMinutes(3);
    private static readonly Lazy<PostgresCluster> Shared = new(Start, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly string _directory;
    private readonly string _bin;
    private int _databases;

    private PostgresCluster(string directory, string bin, int port)
    {
        _directory = directory;
        _bin = bin;
        Port = port;
    }

    /// <summary>The loopback port the cluster listens on.</summary>
    public int Port { get; }

    /// <summary>The cluster of this run, started (or joined) on first use and released when this process exits.</summary>
    public static PostgresCluster Acquire() => Shared.Value;

    /// <summary>A database name no other process of the run uses.</summary>
    public string NewDatabaseName() =>
        string.Create(CultureInfo.InvariantCulture, $"qm_{Environment.ProcessId}_{Interlocked.Increment(ref _databases)}");

    private static string Directory => Path.Combine(Path.GetTempPath(), "qm-test-postgres-" + Environment.UserName);

    private static bool IsRoot => Environment.UserName == "root";

    private static PostgresCluster Start()
    {
        var bin = FindBinaries();
        System.IO.Directory.CreateDirectory(Directory);
        PostgresCluster cluster;
        using (Lock())
        {
            System.IO.Directory.CreateDirectory(Path.Combine(Directory, "users"));
            var portFile = Path.Combine(Directory, "port");
            if (LiveUsers().Count > 0 && File.Exists(portFile) && IsRunning(bin))
            {
                cluster = new PostgresCluster(Directory, bin, int.Parse(File.ReadAllText(portFile), CultureInfo.InvariantCulture));
            }
            else
            {
                // Nobody is using what is there: it was left by a run that died. Start clean.
                StopAndDelete(bin);
                cluster = new PostgresCluster(Directory, bin, FreePort());
                cluster.Initialise();
                File.WriteAllText(portFile, cluster.Port.ToString(CultureInfo.InvariantCulture));
            }
            File.WriteAllText(UserFile(Environment.ProcessId), "");
            // ./test runs every assembly under one shell and registers it too, so the cluster outlives an assembly
            // that finishes before the next starts: one cluster per run, stopped by ./test at the end.
            if (int.TryParse(Environment.GetEnvironmentVariable("QM_TEST_RUN_PID"), CultureInfo.InvariantCulture, out var run) && IsAlive(run))
            {
                File.WriteAllText(UserFile(run), "");
            }
        }
        AppDomain.CurrentDomain.ProcessExit += (_, _) => cluster.Release();
        return cluster;
    }

    private void Initialise()
    {
        var data = Path.Combine(_directory, "data");
        System.IO.Directory.CreateDirectory(data);
        if (IsRoot)
        {
            Run("chown", "-R", "postgres:postgres", _directory);
        }
        RunTool("initdb", "-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-sync");
        // fsync off: the tests kill the server, not the machine. Crash safety is tested on SQLite.
        RunTool("pg_ctl", "-D", data, "-l", Path.Combine(_directory, "log"), "-w", "-t", "60", "-o",
            $"-p {Port} -k {_directory} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=300", "start");
        using var connection = new NpgsqlConnection($"Host=127.0.0.1;Port={Port};Username=postgres;Database=postgres;Timeout=30");
        connection.Open();
        using var command = new NpgsqlCommand(
            "CREATE ROLE qm_owner LOGIN NOSUPERUSER NOBYPASSRLS; CREATE ROLE qm_service LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE", connection);
        command.ExecuteNonQuery();
    }

    /// <summary>Leaves the run: the last live user stops the cluster and deletes it.</summary>
    private void Release()
    {
        NpgsqlConnection.ClearAllPools();
        using (Lock())
        {
            File.Delete(UserFile(Environment.ProcessId));
            if (LiveUsers().Count == 0)
            {
                StopAndDelete(_bin);
            }
        }
    }

    private static void StopAndDelete(string bin)
    {
        var data = Path.Combine(Directory, "data");
        if (File.Exists(Path.Combine(data, "postmaster.pid")))
        {
            try
            {
                RunServerTool(bin, "pg_ctl", "-D", data, "-m", "immediate", "-w", "-t", "60", "stop");
            }
            catch (InvalidOperationException)
            {
                // Not running (a stale pid file): nothing to stop.
            }
        }
        // The users folder stays: it says who else is in the run.
        foreach (var name in new[] { "data", "port", "log" })
        {
            var path = Path.Combine(Directory, name);
            if (System.IO.Directory.Exists(path))
            {
                System.IO.Directory.Delete(path, recursive: true);
            }
            File.Delete(path);
        }
    }

    private static bool IsRunning(string bin)
    {
        try
        {
            RunServerTool(bin, "pg_ctl", "-D", Path.Combine(Directory, "data"), "status");
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    /// <summary>Ids of the other processes registered in the run that are still alive.</summary>
    private static List<int> LiveUsers() =>
        [.. System.IO.Directory.EnumerateFiles(Path.Combine(Directory, "users"))
            .Select(f => int.Parse(Path.GetFileName(f), CultureInfo.InvariantCulture))
            .Where(id => id != Environment.ProcessId && IsAlive(id))];

    private static bool IsAlive(int processId)
    {
        try
        {
            using var process = Process.GetProcessById(processId);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static string UserFile(int processId) => Path.Combine(Directory, "users", processId.ToString(CultureInfo.InvariantCulture));

    /// <summary>An exclusive lock on <c>cluster.lock</c> across processes (flock), waited for with a deadline.</summary>
    private static FileStream Lock()
    {
        var path = Path.Combine(Directory, "cluster.lock");
        var clock = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (clock.Elapsed < LockDeadline)
            {
                Thread.Sleep(50);
            }
            catch (IOException e)
            {
                throw new InvalidOperationException($"waited {LockDeadline.TotalMinutes} min for the test PostgreSQL lock {path}", e);
            }
        }
    }

    private static string FindBinaries()
    {
        var bin = System.IO.Directory.Exists("/usr/lib/postgresql")
            ? System.IO.Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin")).FirstOrDefault(b => File.Exists(Path.Combine(b, "initdb")))
            : null;
        return bin ?? throw new InvalidOperationException(
            "PostgreSQL is not installed: the PostgreSQL tests need /usr/lib/postgresql/*/bin/initdb. "
            + "Install it with: apt-get update && apt-get install -y postgresql (./test does this).");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private void RunTool(string tool, params string[] args) => RunServerTool(_bin, tool, args);

    /// <summary>Runs a PostgreSQL program as <c>postgres</c> when we are root (it refuses root), else as ourselves.</summary>
    private static void RunServerTool(string bin, string tool, params string[] args)
    {
        var program = Path.Combine(bin, tool);
        if (IsRoot)
        {
            Run("runuser", ["-u", "postgres", "--", program, .. args]);
        }
        else
        {
            Run(program, args);
        }
    }

    private static void Run(string program, params string[] args)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(90)))
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"{program} {string.Join(' ', args)} did not finish in 90 s");
        }
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', args)} failed: {stdout.Result}{stderr.Result}");
        }
    }
}
