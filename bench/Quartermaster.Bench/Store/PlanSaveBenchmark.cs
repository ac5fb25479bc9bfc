using System.Diagnostics;
using Quartermaster.Books;
using Quartermaster.Core;
using Quartermaster.Planning;
using Quartermaster.Storage;
using Quartermaster.Testing;

namespace Quartermaster.Bench.Store;

/// <summary>
/// <c>qm bench store</c>: saving one plan (its fill and allocation rows) on PostgreSQL against SQLite, the peer a
/// single-machine user runs, in the same process. PostgreSQL is the test run's cluster (started when absent, as
/// the tests do); each store gets a fresh database. The last line is the ratio of the medians.
/// </summary>
public static class PlanSaveBenchmark
{
    public static int Run(string[] args)
    {
        var repeat = args.Length >= 2 && args[0] == "--repeat" && int.TryParse(args[1], out var r) && r > 0 ? r : 15;
        var root = FindRoot();
        var read = BookReader.ReadFile(Path.Combine(root, "examples", "neutral-cloud-2026.yaml"));
        if (read.Book is not { } book)
        {
            Console.Error.WriteLine("the example book does not read");
            return 2;
        }
        var plan = new FlowPlanner().Allocate(book, book.Scenario.Policy);
        Console.Out.WriteLine($"plan of {book.Id}: {plan.Fills.Count:N0} fill rows, {plan.Allocations.Count:N0} allocation rows; median of {repeat} saves each");

        var directory = Directory.CreateTempSubdirectory("qm-bench-store-");
        try
        {
            using var sqlite = BookStores.Open(Path.Combine(directory.FullName, "bench.db"));
            var sqliteMs = Time(sqlite, book, plan, repeat);
            var postgres = new PostgresServer();
            var database = postgres.CreateDatabase();
            using var pg = BookStores.Open(database.Service, database.Owner);
            var pgMs = Time(pg, book, plan, repeat);
            Console.Out.WriteLine($"SQLite     median {sqliteMs:F1} ms");
            Console.Out.WriteLine($"PostgreSQL median {pgMs:F1} ms");
            Console.Out.WriteLine($"ratio PostgreSQL/SQLite: {pgMs / sqliteMs:F2}");
            return 0;
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    private static double Time(IBookStore store, Book book, Plan plan, int repeat)
    {
        store.MigrateAsync().GetAwaiter().GetResult();
        store.SaveBookAsync(AccessScope.System, book).GetAwaiter().GetResult();
        var times = new List<double>();
        for (var i = 0; i <= repeat; i++)
        {
            var start = Stopwatch.GetTimestamp();
            store.SavePlanAsync(AccessScope.System, book.Id, 1, book.Scenario.Policy.ToName(), "bench", plan.Fills, plan.Allocations).GetAwaiter().GetResult();
            var ms = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            if (i > 0)
            {
                times.Add(ms); // the first save warms connections and the JIT
            }
        }
        times.Sort();
        return times[times.Count / 2];
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Quartermaster.slnx")))
            {
                return dir.FullName;
            }
        }
        return Directory.GetCurrentDirectory();
    }
}
