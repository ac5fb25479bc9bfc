using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Quartermaster.Books;
using Quartermaster.Storage;
using Xunit.Abstractions;

namespace Quartermaster.Server.Tests;

/// <summary>
/// The real <c>qm serve</c> in a child process on a SQLite file, killed with SIGKILL while writers are
/// busy: every write it acknowledged must be there after a restart, and the file must check clean.
/// </summary>
[Collection(CrashTestsRunAlone.Name)]
public sealed partial class CrashTests(ITestOutputHelper output) : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("qm-crash-").FullName;

    [Fact]
    public async Task A_server_killed_during_concurrent_writes_loses_no_acknowledged_write()
    {
        var database = Path.Combine(_directory, "crash.db");
        var seed = Path.Combine(_directory, "seed.yaml");
        await File.WriteAllTextAsync(seed, BookWriter.Write(TestBooks.Small()));
        string key;
        using (var setup = new SqliteBookStore(database))
        {
            await setup.MigrateAsync();
            key = (await setup.CreateKeyAsync(AccessScope.System, Role.Admin, null)).Key;
        }

        var acknowledged = new ConcurrentBag<string>();
        var (serve, address) = await StartServeAsync(database, seed);
        using (serve)
        {
            using var client = Client(address, key);
            using var stop = new CancellationTokenSource();
            var writers = Enumerable.Range(0, 4).Select(w => Task.Run(async () =>
            {
                for (var i = 0; !stop.IsCancellationRequested; i++)
                {
                    var id = $"crash-{w}-{i}";
                    try
                    {
                        var response = await client.PutAsync($"/api/v1/books/small-book/contracts/{id}", ContractBody(), stop.Token);
                        if (response.IsSuccessStatusCode)
                        {
                            acknowledged.Add(id);
                        }
                    }
                    catch (Exception e) when (e is HttpRequestException or OperationCanceledException)
                    {
                        return; // the server is gone: this write was never acknowledged
                    }
                }
            })).ToList();
            // The state the test needs: writes acknowledged and more in flight. The deadline only bounds a hang.
            await Wait.UntilAsync(() => acknowledged.Count >= 30, "30 acknowledged writes before the kill", TimeSpan.FromMinutes(5));
            serve.Kill(); // SIGKILL on Linux: no shutdown hooks, no flush
            await serve.WaitForExitAsync().WaitAsync(Wait.DefaultDeadline);
            await stop.CancelAsync();
            await Task.WhenAll(writers);
        }
        output.WriteLine($"{acknowledged.Count} writes acknowledged before SIGKILL");

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        using (var check = new SqliteBookStore(database))
        {
            Assert.Equal("ok", await check.CheckIntegrityAsync());
            var audit = AuditVerification.Verify(await check.ReadAuditLogAsync());
            Assert.True(audit.IsIntact, audit.Problem);
        }
        var (again, address2) = await StartServeAsync(database, seed);
        using (again)
        {
            using var client = Client(address2, key);
            var stored = JsonNode.Parse(await client.GetStringAsync("/api/v1/books/small-book/contracts"))!.AsArray()
                .Select(c => c!["id"]!.GetValue<string>()).ToHashSet();
            var lost = acknowledged.Where(id => !stored.Contains(id)).ToList();
            Assert.True(lost.Count == 0, "acknowledged but lost: " + string.Join(", ", lost));
            again.Kill();
            await again.WaitForExitAsync().WaitAsync(Wait.DefaultDeadline);
        }
    }

    private static StringContent ContractBody() => new("""
        {"tenant": "gamma-corp", "start": "2026-02", "end": "2026-05", "price_per_mw_month_usd": 250000,
         "take_or_pay_fraction": 0.5, "chips": ["gb300"], "regions": ["us-east"], "isolation": "shared", "weight": 1,
         "ramp": [{"from": "2026-02", "mw": 1}]}
        """, Encoding.UTF8, "application/json");

    private static HttpClient Client(Uri address, string key)
    {
        var client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }

    /// <summary>Starts <c>qm serve</c> on port 0 and reads the bound address from its startup line.</summary>
    private static async Task<(Process Process, Uri Address)> StartServeAsync(string database, string seed)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "qm.dll"), "serve", "--db", database, "--seed", seed, "--urls", "http://127.0.0.1:0", "--rate-limit", "100000", "--no-warm-up" })
        {
            start.ArgumentList.Add(arg);
        }
        var process = Process.Start(start)!;
        _ = process.StandardOutput.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(Wait.DefaultDeadline);
        while (await process.StandardError.ReadLineAsync(timeout.Token) is { } line)
        {
            if (Listening().Match(line) is { Success: true } match)
            {
                _ = process.StandardError.ReadToEndAsync();
                return (process, new Uri(match.Groups[1].Value));
            }
        }
        throw new InvalidOperationException("qm serve exited before saying it was listening");
    }

    [GeneratedRegex(@"listening on (http://127\.0\.0\.1:\d+)")]
    private static partial Regex Listening();

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }
}

/// <summary>
/// The crash test runs alone, after the other test classes: its child server is a separate process, and a
/// stress run or a browser test on the same two cores would slow it to a crawl before it is killed.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class CrashTestsRunAlone
{
    public const string Name = "crash test, alone";
}
