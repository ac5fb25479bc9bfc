using System.CommandLine;
using System.Globalization;
using Quartermaster.Analysis;
using Quartermaster.Books;
using Quartermaster.Core;
using Quartermaster.Documents;
using Quartermaster.Planning;
using Quartermaster.Stress;
using Spectre.Console;

namespace Quartermaster.Cli.Commands;

/// <summary><c>qm diff OLD NEW</c>: what changed between two books, and what it does to the plan and, with <c>--stress</c>, to risk.</summary>
internal static class DiffCommand
{
    public static Command Create(CliContext context)
    {
        var oldBook = new Argument<string>("OLD") { Description = "The old book file (YAML)." };
        var newBook = new Argument<string>("NEW") { Description = "The new book file (YAML)." };
        // Both books planned under it when given, else each under its own scenario's policy.
        var policy = PolicyOption.Create();
        var stress = new Option<bool>("--stress") { Description = "Also stress both plans on common random numbers and report the paired change of risk." };
        var paths = TypedOptions.OptionalWholeNumber("--paths", "Futures to simulate with --stress (default: the old book's scenario paths).", 1, BookLimits.MaxPaths);
        var json = new Option<bool>("--json") { Description = "Print the diff as JSON on stdout (docs/schemas/diff.schema.json)." };
        var command = new Command("diff", """
            What changed from one book to another: contracts (ramps, prices, terms, eligibility), sites
            (build-out, chip pools, costs), tenants, investments and scenario settings; and what that does to
            the plan: fill ratios that moved, revenue (price x allocated MW) and idle capacity. With --stress,
            both plans are stressed on the same futures and the change of risk is reported with its CI.

            Example:  qm diff book-v1.yaml book-v2.yaml
                      qm diff book-v1.yaml book-v2.yaml --stress --paths 20000 --json
            """)
        { oldBook, newBook, policy, stress, paths, json };
        command.SetAction((parse, cancel) => Task.FromResult(Run(parse, cancel)));
        return command;

        int Run(ParseResult parse, CancellationToken cancel)
        {
            var (oldPath, newPath) = (parse.GetValue(oldBook)!, parse.GetValue(newBook)!);
            var a = BookArguments.Load(context, oldPath);
            var b = BookArguments.Load(context, newPath);
            if (a is null || b is null)
            {
                return ExitCodes.BadInput;
            }
            AllocationPolicy? chosen = parse.GetValue(policy) is { } name && AllocationPolicyNames.TryParse(name, out var p) ? p : null;
            BookDiff diff;
            try
            {
                if (parse.GetValue(stress))
                {
                    var count = parse.GetValue(paths) ?? a.Scenario.Paths;
                    var options = new StressOptions(count, ChunkPaths: StressCommand.SmoothChunk(count));
                    diff = ProgressDisplay.Run(context, "qm diff", "simulating futures of both books", progress => BookDiff.Of(a, b, chosen, options, progress, cancel));
                }
                else
                {
                    diff = BookDiff.Of(a, b, chosen, cancellationToken: cancel);
                }
            }
            catch (PlanningException e)
            {
                context.Stderr.WriteLine($"qm diff: {e.Message}");
                return ExitCodes.BadInput;
            }
            if (parse.GetValue(json))
            {
                Json.Write(context, DiffDocument.Of(diff, oldPath, newPath));
            }
            else
            {
                WriteTables(context, diff, oldPath, newPath);
            }
            return ExitCodes.Ok;
        }
    }

    private static void WriteTables(CliContext context, BookDiff diff, string oldLabel, string newLabel)
    {
        var console = context.Out;
        if (diff.Changes.Count == 0)
        {
            console.MarkupLine($"No change from [bold]{Markup.Escape(oldLabel)}[/] to [bold]{Markup.Escape(newLabel)}[/].");
        }
        else
        {
            var summary = diff.Changes.GroupBy(c => c.Entity).Select(g =>
                $"{g.Key}: " + string.Join(", ", g.GroupBy(c => c.Kind).Select(k => $"{k.Count()} {k.Key.ToString().ToLowerInvariant()}")));
            console.MarkupLine($"From [bold]{Markup.Escape(oldLabel)}[/] to [bold]{Markup.Escape(newLabel)}[/]: {Markup.Escape(string.Join("; ", summary))}.");
            var changes = new Table().Title("Changes").AddColumns("entity", "id", "change", "field", "old", "new");
            foreach (var change in diff.Changes)
            {
                foreach (var field in change.Fields)
                {
                    changes.AddRow(change.Entity, Markup.Escape(change.Id), change.Kind.ToString().ToLowerInvariant(), field.Field,
                        Markup.Escape(field.Old ?? "-"), Markup.Escape(field.New ?? "-"));
                }
            }
            console.Write(changes);
        }
        var e = diff.Effect;
        var effect = new Table().Title($"Effect on the plan ({e.OldPolicy.ToName()}" + (e.NewPolicy != e.OldPolicy ? $" then {e.NewPolicy.ToName()})" : ")"))
            .AddColumns("measure", "old", "new", "change");
        effect.AddRow("revenue (price x allocated MW)", Money(e.OldRevenueUsd), Money(e.NewRevenueUsd), Signed(Money(e.RevenueDeltaUsd), e.RevenueDeltaUsd));
        effect.AddRow("idle capacity (MW-months)", Mw(e.OldIdleMwMonths), Mw(e.NewIdleMwMonths), Signed(Mw(e.IdleDeltaMwMonths), e.IdleDeltaMwMonths));
        effect.AddRow("committed (MW-months)", Mw(e.OldCommittedMwMonths), Mw(e.NewCommittedMwMonths), Signed(Mw(e.NewCommittedMwMonths - e.OldCommittedMwMonths), e.NewCommittedMwMonths - e.OldCommittedMwMonths));
        effect.AddRow("online (MW-months)", Mw(e.OldOnlineMwMonths), Mw(e.NewOnlineMwMonths), Signed(Mw(e.NewOnlineMwMonths - e.OldOnlineMwMonths), e.NewOnlineMwMonths - e.OldOnlineMwMonths));
        console.Write(effect);
        if (e.Contracts.Count == 0)
        {
            console.MarkupLine("No fill ratio moved in the months both plans share.");
        }
        else
        {
            var fills = new Table().Title($"Fill ratios that moved ({e.FillMoves.Count} contract-months)")
                .AddColumns("contract", "tenant", "months moved", "from", "to", "mean fill old", "mean fill new", "largest drop", "largest rise");
            foreach (var c in e.Contracts)
            {
                fills.AddRow(Markup.Escape(c.ContractId), Markup.Escape(c.TenantId), c.MonthsMoved.ToString(CultureInfo.InvariantCulture), c.FirstMonth.ToString(), c.LastMonth.ToString(),
                    Pct(c.OldMeanFillRatio), Pct(c.NewMeanFillRatio), Pct(c.LargestDrop), Pct(c.LargestRise));
            }
            console.Write(fills);
        }
        var tenants = e.Tenants.Where(t => t.DeltaUsd != 0).ToList();
        if (tenants.Count > 0)
        {
            var revenue = new Table().Title("Planned revenue by tenant").AddColumns("tenant", "old", "new", "change");
            tenants.ForEach(t => revenue.AddRow(Markup.Escape(t.TenantId), Money(t.OldUsd), Money(t.NewUsd), Signed(Money(t.DeltaUsd), t.DeltaUsd)));
            console.Write(revenue);
        }
        var sites = e.Sites.Where(s => Math.Abs(s.DeltaMwMonths) > 1e-6).ToList();
        if (sites.Count > 0)
        {
            var idle = new Table().Title("Idle capacity by site (MW-months)").AddColumns("site", "old", "new", "change");
            sites.ForEach(s => idle.AddRow(Markup.Escape(s.SiteId), Mw(s.OldMwMonths), Mw(s.NewMwMonths), Signed(Mw(s.DeltaMwMonths), s.DeltaMwMonths)));
            console.Write(idle);
        }
        if (diff.Risk is { } risk)
        {
            WriteRisk(console, risk);
        }
    }

    /// <summary>The risk tables: each line's statistics in both books, then the paired change of each line's mean.</summary>
    private static void WriteRisk(IAnsiConsole console, StressComparison risk)
    {
        var lines = new[] { (PayoffLine.Operating, "operating book"), (PayoffLine.Stakes, "stakes"), (PayoffLine.Total, "total") };
        var table = new Table().Title($"Risk on common random numbers ({risk.A.Paths:N0} futures, seed {risk.A.Seed})")
            .AddColumns("line", "measure", "old", "new", "change");
        foreach (var (line, name) in lines)
        {
            var (a, b) = (risk.A.Payoff[line], risk.B.Payoff[line]);
            table.AddRow(name, "mean payoff (NPV)", Money(a.MeanUsd), Money(b.MeanUsd), Signed(Money(b.MeanUsd - a.MeanUsd), b.MeanUsd - a.MeanUsd));
            table.AddRow("", "P5 payoff", Money(a.P5Usd), Money(b.P5Usd), Signed(Money(b.P5Usd - a.P5Usd), b.P5Usd - a.P5Usd));
            table.AddRow("", "VaR 95% (loss)", Money(a.Var95Usd), Money(b.Var95Usd), Signed(Money(b.Var95Usd - a.Var95Usd), b.Var95Usd - a.Var95Usd));
            table.AddRow("", "P(loss)", Pct(a.ProbabilityOfLoss), Pct(b.ProbabilityOfLoss),
                ((b.ProbabilityOfLoss - a.ProbabilityOfLoss) * 100).ToString("+0.0;-0.0;0.0", CultureInfo.InvariantCulture) + " pp");
        }
        console.Write(table);
        foreach (var (line, name) in lines)
        {
            var d = risk.Difference[line];
            console.MarkupLine($"Paired change of mean payoff, {name}: {Money(d.MeanUsd)} (95% CI {Money(d.Ci95LowUsd)} to {Money(d.Ci95HighUsd)}); "
                + $"the new book does better in {Pct(d.ProbabilityBBetter)} of futures.");
        }
    }

    private static string Money(double usd) => Quantities.FormatMoneyRounded(usd);

    private static string Mw(double mw) => mw.ToString("#,0", CultureInfo.InvariantCulture);

    // "12.5%", not the invariant culture's "12.5 %".
    private static string Pct(double fraction) => (fraction * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%";

    private static string Signed(string text, double value) => value > 0 && !text.StartsWith('-') ? "+" + text : text;
}
