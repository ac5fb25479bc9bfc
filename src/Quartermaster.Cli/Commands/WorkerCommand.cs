using System.CommandLine;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Quartermaster.Cluster;
using Quartermaster.Storage;

namespace Quartermaster.Cli.Commands;

/// <summary><c>qm worker</c>: a silo of a cluster with no HTTP endpoint, adding compute for stress runs until Ctrl+C.</summary>
internal static class WorkerCommand
{
    public static Command Create(CliContext context)
    {
        var db = DatabaseOptions.Database();
        var owner = DatabaseOptions.Owner();
        var cluster = new ClusterOptions();
        var command = new Command("worker", """
            Add a compute silo to a cluster of qm serve instances: it runs chunks of stress runs, serves no HTTP.

            Example:  qm worker --db "Host=db;Username=qm_service;Password=..." --db-owner "Host=db;Username=qm_owner;Password=..." --cluster prod --silo-port 11112
            Every instance of a cluster uses the same database and --cluster name; on one machine each needs its own --silo-port.
            """)
        { db, owner };
        foreach (var option in cluster.All)
        {
            command.Options.Add(option);
        }
        command.SetAction(async (parse, cancel) =>
        {
            var (settings, problem) = cluster.Read(parse, parse.GetValue(db));
            if (settings is null)
            {
                context.Stderr.WriteLine("qm worker: " + (problem ?? "--cluster NAME is required"));
                return ExitCodes.BadInput;
            }
            try
            {
                // The worker may be the first instance up: the membership tables come from the service's migrations.
                using (var store = BookStores.Open(parse.GetValue(db), parse.GetValue(owner)))
                {
                    await store.MigrateAsync(null, cancel);
                }
                var builder = Host.CreateApplicationBuilder();
                builder.Logging.ClearProviders();
                builder.Logging.SetMinimumLevel(LogLevel.Warning).AddFilter("Quartermaster", LogLevel.Information);
                builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
                builder.UseOrleans(silo => silo.UseQuartermasterCluster(settings));
                using var host = builder.Build();
                await host.StartAsync(cancel);
                context.Stderr.WriteLine($"qm worker: silo of cluster {settings.Name} ({DatabaseOptions.Describe(parse.GetValue(db))}); Ctrl+C stops");
                await host.WaitForShutdownAsync(cancel);
                return ExitCodes.Ok;
            }
            catch (Exception e) when (e is ArgumentException or InvalidOperationException or System.Data.Common.DbException or OrleansException)
            {
                context.Stderr.WriteLine("qm worker: " + Program.OneLine(e.Message));
                return ExitCodes.BadInput;
            }
        });
        return command;
    }
}
