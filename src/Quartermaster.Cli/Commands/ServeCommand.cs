using System.CommandLine;
using Microsoft.Extensions.Hosting;
using Quartermaster.Server;

namespace Quartermaster.Cli.Commands;

/// <summary><c>qm serve</c>: runs the multi-tenant HTTP service until Ctrl+C.</summary>
internal static class ServeCommand
{
    public static Command Create(CliContext context)
    {
        var db = DatabaseOptions.Database();
        var owner = DatabaseOptions.Owner();
        var urls = new Option<string>("--urls") { Description = "Address to listen on.", DefaultValueFactory = _ => "http://127.0.0.1:5080" };
        var seed = new Option<string?>("--seed")
        {
            Description = "Book imported (and planned) when the database holds no book. Default: examples/neutral-cloud-2026.yaml when present.",
        };
        var bare = new Option<string?>("--bench-bare-body") { Description = "Benchmarks: serve this file's bytes at GET /bench/bare.", Hidden = true };
        var noWarmUp = new Option<bool>("--no-warm-up")
        {
            Description = "Answer /readyz at once, without first warming the stress engine (the first stress run is then about 3 times slower than later ones).",
        };
        var noCache = new Option<bool>("--no-read-cache") { Description = "Benchmarks: read tenants' plan rows from the database every time.", Hidden = true };
        var deals = new Option<string?>("--deals") { Description = "Public deals shown on the provider's dashboard. Default: the shipped data/deals.csv, found like the example book." };
        var rivalries = new Option<string?>("--rivalries") { Description = "Rivalry groups of labs for the market map. Default: data/rivalries.yaml when present." };
        // Bursts are twice the rate, so the rate stays well inside an int.
        var cluster = new ClusterOptions();
        var rate = TypedOptions.WholeNumber("--rate-limit", "Requests per second per API key (bursts of twice that).", 1, 1_000_000_000, 100);
        var command = new Command("serve", """
            Serve the HTTP API: books, plans, stress runs; each tenant sees only its own data.

            Example:  qm serve
            With no options: SQLite file quartermaster.db, created and loaded with the example book when
            empty, on http://127.0.0.1:5080. API reference at /scalar, OpenAPI at /openapi/v1.json.
            PostgreSQL:  qm serve --db "Host=db;Username=qm_service;Password=..." --db-owner "Host=db;Username=qm_owner;Password=..."
            Create a key first:  qm keys create --role admin
            Cluster (PostgreSQL):  add --cluster NAME --silo-port PORT to each instance; qm worker adds compute silos.
            """)
        { db, owner, urls, seed, deals, rivalries, rate, noWarmUp, bare, noCache };
        foreach (var option in cluster.All)
        {
            command.Options.Add(option);
        }
        command.SetAction(async (parse, cancel) =>
        {
            var (clusterSettings, clusterProblem) = cluster.Read(parse, parse.GetValue(db));
            if (clusterProblem is not null)
            {
                context.Stderr.WriteLine($"qm serve: {clusterProblem}");
                return ExitCodes.BadInput;
            }
            if (ListenAddresses.Problem(parse.GetValue(urls)!) is { } problem)
            {
                context.Stderr.WriteLine($"qm serve: {problem}");
                return ExitCodes.BadInput;
            }
            // Found like the example book, so a server started outside the checkout still shows the market.
            var dealsPath = parse.GetValue(deals) ?? DatabaseOptions.Shipped(DealsArguments.DefaultDeals);
            var market = DealsArguments.LoadOverview(context, dealsPath, parse.GetValue(rivalries) ?? DatabaseOptions.Shipped(DealsArguments.DefaultRivalries), out var marketOk);
            if (!marketOk)
            {
                return ExitCodes.BadInput;
            }
            if (dealsPath is null)
            {
                context.Stderr.WriteLine($"qm serve: no deals file found ({DealsArguments.DefaultDeals}); the dashboard's market section says so. Give --deals FILE to show one.");
            }
            var options = new ServerOptions
            {
                Database = parse.GetValue(db),
                DatabaseOwner = parse.GetValue(owner),
                Urls = parse.GetValue(urls)!,
                SeedBookPath = parse.GetValue(seed) ?? DatabaseOptions.ExampleBook(),
                RequestsPerSecondPerKey = parse.GetValue(rate),
                BurstPerKey = 2 * parse.GetValue(rate),
                CacheTenantReads = !parse.GetValue(noCache),
                BareBenchmarkBody = parse.GetValue(bare) is { } path ? await File.ReadAllBytesAsync(path, cancel) : null,
                Deals = market,
                Cluster = clusterSettings,
                WarmUpStress = !parse.GetValue(noWarmUp),
            };
            try
            {
                await using var app = await QuartermasterServer.BuildAsync(options, cancel);
                await app.StartAsync(cancel);
                context.Stderr.WriteLine($"qm serve: listening on {string.Join(", ", app.Urls)} ({DatabaseOptions.Describe(options.Database)}); Ctrl+C stops");
                await app.WaitForShutdownAsync(cancel);
                return ExitCodes.Ok;
            }
            catch (InvalidOperationException e)
            {
                context.Stderr.WriteLine("qm serve: " + Program.OneLine(e.Message));
                return ExitCodes.BadInput;
            }
            catch (IOException e)
            {
                // Taken between the check above and the bind.
                context.Stderr.WriteLine("qm serve: cannot listen: " + Program.OneLine(e.Message));
                return ExitCodes.BadInput;
            }
        });
        return command;
    }
}
