using System.Diagnostics;
using System.Runtime;
using Quartermaster.Books;
using Quartermaster.Core;
using Quartermaster.Documents;

namespace Quartermaster.Server;

/// <summary>
/// Runs the stress path (plan, engine, summary document, chart data, JSON) on a small copy of the seed book
/// before <c>/readyz</c> says ready, until the JIT has had little left to compile for a few rounds in a row, then
/// the same runs through the API of a throwaway server on a temporary SQLite file. Without it a fresh server's
/// first stress run compiles about two thousand methods at tier 0 and runs the engine's loops in that code, and
/// its request path (handlers, store queries, the run's JSON) another six hundred while the caller waits.
/// </summary>
internal sealed class StressWarmUp(ServerOptions options, ILogger<StressWarmUp> log) : BackgroundService
{
    /// <summary>Paths per warm-up round: a few reduction blocks, so every parallel worker and every merge runs.</summary>
    internal const int Paths = 4 * Stress.StressOptions.BlockPaths;

    /// <summary>Fewer methods compiled in a round than this (the runtime's background tier-up included) is a quiet round.</summary>
    private const int QuietMethods = 8;

    /// <summary>
    /// Quiet rounds in a row that mean warm: one is not enough, since the runtime delays tier-up while it keeps
    /// compiling new methods, so a quiet round can come just before a burst of recompilation.
    /// </summary>
    private const int QuietRounds = 3;

    private const int MaxRounds = 60;

    /// <summary>Stress runs started and polled to their result through the throwaway server's API.</summary>
    private const int ApiRuns = 3;

    /// <summary>How long the runs through the API may take in all before the warm-up gives up on them.</summary>
    private static readonly TimeSpan ApiDeadline = TimeSpan.FromSeconds(60);

    private static readonly TimeSpan MaxTime = TimeSpan.FromSeconds(60);

    private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>True once the warm-up ended (warm, out of rounds or time, or failed: a failed warm-up never blocks readiness).</summary>
    public bool Done => _done.Task.IsCompleted;

    protected override Task ExecuteAsync(CancellationToken stoppingToken) => Task.Run(async () =>
    {
        try
        {
            await WarmAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping. (Any other cancellation, the API runs' deadline, is a failed warm-up and logged below.)
        }
#pragma warning disable CA1031 // The warm-up only saves time: any failure leaves a working, colder server.
        catch (Exception e)
#pragma warning restore CA1031
        {
            LogMessages.WarmUpFailed(log, e);
        }
        finally
        {
            _done.TrySetResult();
        }
    }, stoppingToken);

    private async Task WarmAsync(CancellationToken cancel)
    {
        var started = Stopwatch.GetTimestamp();
        var book = WarmUpBook(options.SeedBookPath);
        var methodsAtStart = JitInfo.GetCompiledMethodCount();
        var rounds = 0;
        var quiet = 0;
        do
        {
            var before = JitInfo.GetCompiledMethodCount();
            var result = await options.StressRunner.RunAsync(book, new SynchronousProgress(_ => { }), cancel);
            _ = DocumentJson.Serialize(result);
            quiet = await QuietSinceAsync(before, cancel) ? quiet + 1 : 0;
            rounds++;
        }
        while (quiet < QuietRounds && rounds < MaxRounds && Stopwatch.GetElapsedTime(started) < MaxTime);
        await RunThroughApiAsync(book, cancel);
        // Let the background compiler settle what the API runs made hot before the server says ready.
        for (var settle = 0; settle < QuietRounds * 4; settle++)
        {
            if (await QuietSinceAsync(JitInfo.GetCompiledMethodCount(), cancel))
            {
                break;
            }
        }
        var methods = JitInfo.GetCompiledMethodCount() - methodsAtStart;
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        LogMessages.WarmedUp(log, rounds, ApiRuns, methods, seconds);
    }

    /// <summary>
    /// Whether fewer than <see cref="QuietMethods"/> methods were compiled since the count <paramref name="before"/>, after
    /// a short wait: the runtime recompiles hot methods on a background thread after a delay, so give it time to show.
    /// </summary>
    private static async Task<bool> QuietSinceAsync(long before, CancellationToken cancel)
    {
        await Task.Delay(TimeSpan.FromMilliseconds(150), cancel);
        return JitInfo.GetCompiledMethodCount() - before < QuietMethods;
    }

    /// <summary>
    /// Imports <paramref name="book"/> into a throwaway server (a temporary SQLite file, a loopback port) and starts
    /// and polls <see cref="ApiRuns"/> stress runs through its API, as a client would; deletes it all afterwards.
    /// The served store sees nothing of it: no book, no run, no audit entry.
    /// </summary>
    private async Task RunThroughApiAsync(Book book, CancellationToken stopping)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        deadline.CancelAfter(ApiDeadline);
        var cancel = deadline.Token;
        var folder = Directory.CreateTempSubdirectory("qm-warm-up-");
        try
        {
            await using var app = await QuartermasterServer.BuildAsync(new ServerOptions
            {
                Database = Path.Combine(folder.FullName, "warm-up.db"),
                Urls = "http://127.0.0.1:0",
                Planner = options.Planner,
                StressRunner = options.StressRunner,
                // Its own (system) clock: the warm-up measures real compilation, whatever clock the server is given.
                ConsoleLogging = false,
            }, cancel);
            await app.StartAsync(cancel);
            var key = await app.Services.GetRequiredService<Storage.IBookStore>().CreateKeyAsync(Storage.AccessScope.System, Storage.Role.Admin, null, cancel);
            using var http = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };
            http.DefaultRequestHeaders.Authorization = new("Bearer", key.Key);
            using (var yaml = new StringContent(BookWriter.Write(book), System.Text.Encoding.UTF8, BooksApi.YamlContentType))
            {
                (await http.PostAsync(new Uri("/api/v1/books", UriKind.Relative), yaml, cancel)).EnsureSuccessStatusCode();
            }
            var start = new Uri($"/api/v1/books/{Uri.EscapeDataString(book.Id)}/stress-runs", UriKind.Relative);
            for (var run = 0; run < ApiRuns; run++)
            {
                using var started = await http.PostAsync(start, null, cancel);
                started.EnsureSuccessStatusCode();
                var location = started.Headers.Location ?? throw new InvalidOperationException("a started stress run has no Location");
                string? status;
                while ((status = await RunStatusAsync(http, location, cancel)) is "queued" or "running")
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(20), cancel);
                }
                if (status != "succeeded")
                {
                    throw new InvalidOperationException($"a warm-up stress run through the API ended {status}");
                }
            }
            await app.StopAsync(cancel);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static async Task<string?> RunStatusAsync(HttpClient http, Uri location, CancellationToken cancel)
    {
        await using var body = await http.GetStreamAsync(location, cancel);
        using var run = await System.Text.Json.JsonDocument.ParseAsync(body, cancellationToken: cancel);
        return run.RootElement.GetProperty("status").GetString();
    }

    /// <summary>The seed book (the books a server is started with look like it), else a small synthetic one; always <see cref="Paths"/> paths.</summary>
    private static Book WarmUpBook(string? seedPath)
    {
        var book = seedPath is not null && BookReader.ReadFile(seedPath).Book is { } seed
            ? seed
            : SyntheticBooks.Generate(new SyntheticBookOptions(Sites: 8, Tenants: 4, Contracts: 8, Months: 36));
        return book with { Scenario = book.Scenario with { Paths = Paths } };
    }
}
