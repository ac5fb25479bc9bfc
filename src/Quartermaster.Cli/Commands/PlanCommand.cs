using System.CommandLine;
using System.Globalization;
using System.Text;
using Quartermaster.Books;
using Quartermaster.Core;
using Quartermaster.Documents;
using Quartermaster.Planning;
using Spectre.Console;

namespace Quartermaster.Cli.Commands;

/// <summary><c>qm plan BOOK</c>: allocates capacity month by month and shows who gets what.</summary>
internal static class PlanCommand
{
    public static Command Create(CliContext context)
    {
        var book = new Argument<string>("BOOK") { Description = "The book file (YAML)." };
        var policy = PolicyOption.Create();
        var json = new Option<bool>("--json") { Description = "Print the whole plan as JSON on stdout (allocations, fill, idle, shortfalls)." };
        var csv = new Option<string?>("--csv") { Description = "Also write allocations.csv, fill.csv, idle.csv and shortfalls.csv into this folder." };
        var noCounterfactuals = new Option<bool>("--no-counterfactuals")
        {
            Description = "Skip the counterfactuals (the MW at one pool that would fill each shortfall).",
        };
        var counterfactuals = new Option<bool>("--counterfactuals")
        {
            Description = $"Compute the counterfactuals even for more than {ShortfallCounterfactuals.AutomaticLimit:N0} short contract-months (about a dozen month solves each: minutes on large books).",
        };
        var reference = new Option<bool>("--reference") { Description = "Use the LP reference planner (OR-Tools GLOP) instead of the fast max-flow planner; slower, same fill ratios." };
        var command = new Command("plan", """
            Allocate each month's online capacity to contracts, dividing any shortage by the policy.

            Example:  qm plan examples/neutral-cloud-2026.yaml --policy max-min
            Shows, per month and tenant, committed and allocated MW, fill ratio and shortfall; why each
            contract is short (the bottleneck sites: the min cut of the month's flow, and the MW at one
            pool that would fill it); and per site online, allocated and idle MW.
            """)
        { book, policy, json, csv, reference, noCounterfactuals, counterfactuals };
        command.SetAction(parse =>
        {
            var loaded = BookArguments.Load(context, parse.GetValue(book)!);
            if (loaded is null)
            {
                return ExitCodes.BadInput;
            }
            IPlanner planner = parse.GetValue(reference) ? new LpReferencePlanner() : new FlowPlanner();
            Plan plan;
            try
            {
                plan = planner.Allocate(loaded, PolicyOption.Resolve(parse.GetValue(policy), loaded));
                if (parse.GetValue(counterfactuals) || (!parse.GetValue(noCounterfactuals) && plan.Shortfalls.Count <= ShortfallCounterfactuals.AutomaticLimit))
                {
                    plan = ShortfallCounterfactuals.Explain(loaded, plan);
                }
                else if (!parse.GetValue(noCounterfactuals))
                {
                    context.Stderr.WriteLine($"{plan.Shortfalls.Count:N0} short contract-months: counterfactuals skipped (--counterfactuals computes them; slow)");
                }
            }
            catch (PlanningException e)
            {
                context.Stderr.WriteLine($"{parse.GetValue(book)}: {e.Message}");
                return ExitCodes.BadInput;
            }
            if (parse.GetValue(csv) is { } folder)
            {
                WriteCsv(context, plan, folder);
            }
            if (parse.GetValue(json))
            {
                Json.Write(context, PlanDocument.Of(plan));
            }
            else
            {
                WriteTables(context, loaded, plan);
            }
            return ExitCodes.Ok;
        });
        return command;
    }

    private static void WriteTables(CliContext context, Book book, Plan plan)
    {
        var console = context.Out;
        var shortMonths = plan.Shortfalls.Select(s => s.Month).Distinct().Order().ToList();
        console.MarkupLine($"[bold]{Markup.Escape(book.Id)}[/] planned under [bold]{plan.Policy.ToName()}[/]: {plan.Months.Count} months, "
            + (shortMonths.Count == 0 ? "no shortfall." : $"shortfall in {shortMonths.Count} months ({shortMonths[0]} to {shortMonths[^1]})."));
        console.WriteLine();

        var tenants = book.Tenants.Select(t => t.Id).ToList();
        var byMonthTenant = plan.Fills.GroupBy(f => (f.Month, f.TenantId))
            .ToDictionary(g => g.Key, g => (Committed: g.Sum(f => f.CommittedMw), Allocated: g.Sum(f => f.AllocatedMw)));
        var table = new Table().Title("Fill ratio by tenant (allocated / committed MW)").AddColumn("month");
        foreach (var tenant in tenants)
        {
            table.AddColumn(new TableColumn(Markup.Escape(tenant)).RightAligned());
        }
        table.AddColumn(new TableColumn("shortfall MW").RightAligned()).AddColumn("bottleneck sites");
        var shown = plan.Months.Where((m, i) => i % 12 == 0 || shortMonths.Contains(m)).ToList();
        foreach (var month in shown)
        {
            var row = new List<string> { month.ToString() };
            foreach (var tenant in tenants)
            {
                row.Add(byMonthTenant.TryGetValue((month, tenant), out var v) && v.Committed > 0
                    ? FillCell(v.Allocated / v.Committed, v.Allocated, v.Committed)
                    : "-");
            }
            var shortfalls = plan.Shortfalls.Where(s => s.Month == month).ToList();
            row.Add(Mw(shortfalls.Sum(s => s.ShortMw)));
            row.Add(Markup.Escape(string.Join(", ", shortfalls.SelectMany(s => s.SaturatedSites).Distinct().Order(StringComparer.Ordinal))));
            table.AddRow(row.ToArray());
        }
        table.Caption("shown: every month with a shortfall, and January of each year (--json or --csv for all)");
        console.Write(table);
        console.WriteLine();

        if (plan.Shortfalls.Count > 0)
        {
            var why = new Table().Title("Why short").AddColumn("contract").AddColumn("months")
                .AddColumn(new TableColumn("MW short").RightAligned()).AddColumn("bottleneck sites").AddColumn("reason").AddColumn("counterfactual");
            foreach (var row in WhyShortRow.Of(plan))
            {
                why.AddRow(Markup.Escape(row.ContractId), row.From == row.To ? row.From.ToString() : $"{row.From} to {row.To}", row.ShortMwText,
                    Markup.Escape(row.BottleneckSites.Count == 0 ? "-" : string.Join(", ", row.BottleneckSites)), Markup.Escape(row.ReasonText),
                    Markup.Escape(row.Counterfactual));
            }
            why.Caption("bottleneck: the full pools that bound the contract (the min cut of the month's flow); counterfactual: MW added at one pool that month that fills it");
            console.Write(why);
            console.WriteLine();
        }

        var sites = new Table().Title("Sites over the horizon").AddColumns("site")
            .AddColumn(new TableColumn("avg online MW").RightAligned()).AddColumn(new TableColumn("avg allocated MW").RightAligned())
            .AddColumn(new TableColumn("avg idle MW").RightAligned()).AddColumn(new TableColumn("utilisation").RightAligned());
        foreach (var site in plan.Idle.GroupBy(i => i.SiteId))
        {
            var online = site.Average(i => i.OnlineMw);
            var allocated = site.Average(i => i.AllocatedMw);
            sites.AddRow(Markup.Escape(site.Key), Mw(online), Mw(allocated), Mw(online - allocated), online > 0 ? $"{allocated / online:P0}" : "-");
        }
        console.Write(sites);
        console.MarkupLine($"Revenue under this plan: {Quantities.FormatMoneyRounded(plan.RevenueUsd(book))} over the horizon (price x allocated MW).");
    }

    private static string FillCell(double ratio, double allocated, double committed) =>
        ratio < 1 - 1e-9 ? $"[yellow]{ratio:P1}[/] {Mw(allocated)}/{Mw(committed)}" : $"100% {Mw(committed)}";

    private static void WriteCsv(CliContext context, Plan plan, string folder)
    {
        Directory.CreateDirectory(folder);
        Write("allocations.csv", "month,contract,site,chip,mw", plan.Allocations.Select(a => $"{a.Month},{a.ContractId},{a.SiteId},{a.Chip},{R(a.Mw)}"));
        Write("fill.csv", "month,contract,tenant,committed_mw,allocated_mw,fill_ratio",
            plan.Fills.Select(f => $"{f.Month},{f.ContractId},{f.TenantId},{R(f.CommittedMw)},{R(f.AllocatedMw)},{R(f.FillRatio)}"));
        Write("idle.csv", "month,site,online_mw,allocated_mw", plan.Idle.Select(i => $"{i.Month},{i.SiteId},{R(i.OnlineMw)},{R(i.AllocatedMw)}"));
        Write("shortfalls.csv", "month,contract,tenant,short_mw,saturated_pools,reason,counterfactual_pool,counterfactual_add_mw",
            plan.Shortfalls.Select(s => $"{s.Month},{s.ContractId},{s.TenantId},{R(s.ShortMw)},{string.Join(' ', s.SaturatedPools.Select(p => p.SiteId + "/" + p.Chip))},"
                + $"{ReasonName(s.Reason)},{s.Counterfactual?.Pool.ToString()},{(s.Counterfactual is { } c ? R(c.AddMw) : "")}"));
        context.Stderr.WriteLine($"wrote allocations.csv, fill.csv, idle.csv, shortfalls.csv to {folder}");

        void Write(string name, string header, IEnumerable<string> rows)
        {
            var text = new StringBuilder(header).Append('\n');
            foreach (var row in rows)
            {
                text.Append(row).Append('\n');
            }
            File.WriteAllText(Path.Combine(folder, name), text.ToString());
        }

        static string R(double value) => value.ToString("R", CultureInfo.InvariantCulture);

        static string ReasonName(ShortfallReason reason) => System.Text.Json.JsonNamingPolicy.KebabCaseLower.ConvertName(reason.ToString());
    }

    private static string Mw(double mw) => mw.ToString("#,0", CultureInfo.InvariantCulture);
}
