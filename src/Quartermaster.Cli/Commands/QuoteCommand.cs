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

/// <summary><c>qm quote BOOK PROPOSAL</c>: can the provider sign this? Headroom, cost to others, neutrality, risk delta, one verdict.</summary>
internal static class QuoteCommand
{
    private const int MaxThreads = 1024;

    public static Command Create(CliContext context)
    {
        var book = new Argument<string>("BOOK") { Description = "The book file (YAML)." };
        var proposal = new Argument<string>("PROPOSAL") { Description = "The proposal file (YAML, the book's format; see below)." };
        var paths = TypedOptions.WholeNumber("--paths",
            $"Futures to simulate for each book (default {QuoteOptions.DefaultPaths:N0}: see below).", 1, BookLimits.MaxPaths, QuoteOptions.DefaultPaths);
        var seed = TypedOptions.OptionalSeed("--seed", "Seed of the random streams (default: the book's scenario seed). Same book, proposal and seed, same result.");
        var threads = TypedOptions.OptionalWholeNumber("--threads", "Worker threads (default: all cores). The result does not depend on it.", 1, MaxThreads);
        var json = new Option<bool>("--json") { Description = "Print the quote as JSON on stdout (docs/schemas/quote.schema.json)." };
        var command = new Command("quote", $"""
            Can we sign this? Quote a proposal against the book, under the book's policy:
              - headroom: for each added contract, the most MW it can have each month without taking MW
                from any existing contract (exact, by the planner's max-flow), and the largest share of its
                ramp that fits in every month;
              - the cost to others if signed in full: each existing contract's fill ratio before and after,
                the MW-months it loses, the months where a new shortfall appears;
              - the neutrality audit of the book with the proposal signed;
              - the change of risk on common random numbers (operating book, stakes, total: mean, P5,
                VaR95, CVaR95, P(loss), each with its paired 95% CI), of revenue concentration, and the
                alert rules newly crossed;
              - one verdict line.
            Example:  qm quote examples/neutral-cloud-2026.yaml examples/proposal-lab-a-gb300.yaml
                      qm quote book.yaml proposal.yaml --paths 20000 --json
            A proposal is a fragment in the book's format: contracts, sites, tenants, rivalry_groups and
            investments with a new id are added, with an id the book has they replace it, and a site item
            with delay_months delays that site's build-out (every step from 'from', or all of them):
              proposal: "Lab A: 900 MW of GB300"
              contracts:
                - id: lab-a-gb300
                  tenant: frontier-lab-a
                  start: 2027-01
                  end: 2031-12
                  price: $715K/MW-month
                  take_or_pay: 80%
                  chips: [gb300]
                  regions: [us-east, us-west]
                  ramp:
                    2027-01: 300 MW
                    2028-01: 600 MW
                    2029-01: 900 MW
              sites:
                - id: madison
                  delay_months: 6
                  from: 2028-01
            Paths: {QuoteOptions.DefaultPaths:N0} by default, because on the example book that answers in about a
            second and, the two books sharing their futures, the paired 95% CI of the change of P(loss) is
            about +/-1.3 points and that of the mean payoff about 1% of the change: narrow enough to act on.
            Use --paths 20000 for a figure to publish. docs/deal-desk.md explains every figure.
            """)
        { book, proposal, paths, seed, threads, json };
        command.SetAction((parse, cancel) => Task.FromResult(Run(parse, cancel)));
        return command;

        int Run(ParseResult parse, CancellationToken cancel)
        {
            var (bookPath, proposalPath) = (parse.GetValue(book)!, parse.GetValue(proposal)!);
            var loaded = BookArguments.Load(context, bookPath);
            if (loaded is null)
            {
                return ExitCodes.BadInput;
            }
            var read = ProposalReader.ReadFile(proposalPath, loaded);
            BookArguments.PrintErrors(context, read.Errors);
            if (read.Proposal is null)
            {
                return ExitCodes.BadInput;
            }
            Quote quote;
            try
            {
                var options = new QuoteOptions(parse.GetValue(paths), parse.GetValue(seed), parse.GetValue(threads));
                quote = ProgressDisplay.Run(context, "qm quote", "planning and simulating futures of both books",
                    progress => DealDesk.Quote(loaded, read.Proposal, options, progress, cancel));
            }
            catch (PlanningException e)
            {
                context.Stderr.WriteLine($"{proposalPath}: {e.Message}");
                return ExitCodes.BadInput;
            }
            if (parse.GetValue(json))
            {
                Json.Write(context, QuoteDocument.Of(quote, bookPath, proposalPath));
            }
            else
            {
                WriteTables(context.Out, quote, loaded, read.Proposal.ApplyTo(loaded));
            }
            return ExitCodes.Ok;
        }
    }

    private static void WriteTables(IAnsiConsole console, Quote quote, Book book, Book signed)
    {
        var label = quote.Proposal is null ? "the proposal" : $"\"{quote.Proposal}\"";
        console.MarkupLine($"Quote of {Markup.Escape(label)} against [bold]{Markup.Escape(book.Id)}[/] under {quote.Policy.ToName()}: "
            + $"{Count(quote.Added.Count, "contract")} added, {Count(quote.Changed.Count, "contract")} changed.");
        console.MarkupLine($"[bold]{Markup.Escape(quote.Verdict)}[/]");
        foreach (var headroom in quote.Headroom)
        {
            var table = new Table().Title($"Headroom of {Markup.Escape(headroom.ContractId)} ({Markup.Escape(Name(signed, headroom.TenantId))}): "
                + $"{PeopleText.Percent(headroom.UniformFraction)} of its ramp fits in every month")
                .AddColumns("from", "to", "committed MW", "headroom MW", "fits");
            foreach (var run in Runs(headroom.Months))
            {
                var fits = run.First.FitsInFull ? "in full" : $"{PeopleText.Percent(run.First.Fraction)}";
                table.AddRow(run.First.Month.ToString(), run.Last.ToString(), Mw(run.First.CommittedMw), Mw(run.First.HeadroomMw),
                    fits + (run.First.IsolationApplies ? " (hall isolation: an upper bound)" : ""));
            }
            console.Write(table);
        }
        if (quote.Costs.Count == 0)
        {
            console.MarkupLine("Signed in full, no existing contract's fill ratio changes.");
        }
        else
        {
            var costs = new Table().Title($"Cost to existing contracts if signed in full ({Mw(quote.MwMonthsLost)} MW-months lost in all)")
                .AddColumns("contract", "tenant", "months changed", "from", "to", "MW-months lost", "lowest fill after", "new short months");
            foreach (var c in quote.Costs)
            {
                costs.AddRow(Markup.Escape(c.ContractId), Markup.Escape(c.TenantName), c.Months.Count.ToString(CultureInfo.InvariantCulture), c.Months[0].Month.ToString(),
                    c.Months[^1].Month.ToString(), Mw(c.MwMonthsLost), PeopleText.Percent(c.LowestNewFillRatio), c.NewShortMonths.Count.ToString(CultureInfo.InvariantCulture));
            }
            console.Write(costs);
        }
        console.MarkupLine($"Neutrality ({quote.Policy.ToName()}): the audit {quote.Neutrality.Summary}"
            + (quote.Neutrality.NewPassed ? "." : ": " + Markup.Escape(string.Join("; ", quote.Neutrality.Checks.Where(c => !c.Passed).Select(c => c.Summary)))));
        WriteRisk(console, quote);
        var concentration = new Table().Title("Concentration of expected revenue").AddColumns("measure", "today", "signed");
        var k = quote.Concentration;
        concentration.AddRow("revenue HHI", k.OldHhi.ToString("0.000", CultureInfo.InvariantCulture), k.NewHhi.ToString("0.000", CultureInfo.InvariantCulture));
        concentration.AddRow("top tenant", Markup.Escape(k.OldTopTenant ?? "-"), Markup.Escape(k.NewTopTenant ?? "-"));
        concentration.AddRow("top tenant share", PeopleText.Percent(k.OldTopTenantShare), PeopleText.Percent(k.NewTopTenantShare));
        console.Write(concentration);
        var alerts = new Table().Title("Alert rules").AddColumns("rule", "today", "signed", "");
        foreach (var a in quote.Alerts)
        {
            var value = a.Rule.StartsWith("top", StringComparison.Ordinal) ? (Func<double, string>)PeopleText.Percent : r => r.ToString("0.00", CultureInfo.InvariantCulture) + "x";
            alerts.AddRow(Markup.Escape(a.Rule), value(a.OldValue), value(a.NewValue), a.NewlyCrossed ? "[red]newly crossed[/]" : a.NewCrossed ? "still crossed" : "not crossed");
        }
        console.Write(alerts);
        console.MarkupLine($"Planned {quote.MonthsPlanned} months; {quote.MonthsReused} the proposal does not change were reused, not re-planned.");
    }

    private static void WriteRisk(IAnsiConsole console, Quote quote)
    {
        var table = new Table().Title($"Change of risk if signed, on common random numbers ({quote.Paths:N0} futures, seed {quote.Seed})")
            .AddColumns("line", "measure", "today", "signed", "change", "95% CI");
        foreach (var (line, name) in new[] { (PayoffLine.Operating, "operating book"), (PayoffLine.Stakes, "stakes"), (PayoffLine.Total, "total") })
        {
            var (a, b, d) = (quote.Old[line], quote.New[line], quote.Risk[line]);
            table.AddRow(name, "mean payoff (NPV)", PeopleText.Money(a.MeanUsd), PeopleText.Money(b.MeanUsd), QuoteVerdict.WithSign(d.Mean.Change), Ci(d.Mean, QuoteVerdict.WithSign));
            table.AddRow("", "P5 payoff", PeopleText.Money(a.P5Usd), PeopleText.Money(b.P5Usd), QuoteVerdict.WithSign(d.P5.Change), Ci(d.P5, QuoteVerdict.WithSign));
            table.AddRow("", "VaR 95% (loss)", PeopleText.Money(a.Var95Usd), PeopleText.Money(b.Var95Usd), QuoteVerdict.WithSign(d.Var95.Change), Ci(d.Var95, QuoteVerdict.WithSign));
            table.AddRow("", "CVaR 95% (loss)", PeopleText.Money(a.Cvar95Usd), PeopleText.Money(b.Cvar95Usd), QuoteVerdict.WithSign(d.Cvar95.Change), Ci(d.Cvar95, QuoteVerdict.WithSign));
            table.AddRow("", "P(loss)", PeopleText.Percent(a.ProbabilityOfLoss), PeopleText.Percent(b.ProbabilityOfLoss), QuoteVerdict.Points(d.ProbabilityOfLoss.Change),
                Ci(d.ProbabilityOfLoss, QuoteVerdict.Points));
        }
        console.Write(table);
    }

    /// <summary>Consecutive months with the same commitment, headroom and isolation, as (first row, last month).</summary>
    private static List<(HeadroomMonth First, Month Last)> Runs(IReadOnlyList<HeadroomMonth> months)
    {
        var runs = new List<(HeadroomMonth First, Month Last)>();
        foreach (var m in months)
        {
            if (runs.Count > 0 && runs[^1].Last.Plus(1) == m.Month && runs[^1].First.CommittedMw == m.CommittedMw
                && runs[^1].First.HeadroomMw == m.HeadroomMw && runs[^1].First.IsolationApplies == m.IsolationApplies)
            {
                runs[^1] = (runs[^1].First, m.Month);
            }
            else
            {
                runs.Add((m, m.Month));
            }
        }
        return runs;
    }

    private static string Ci(PairedEstimate estimate, Func<double, string> format) => $"{format(estimate.Ci95Low)} to {format(estimate.Ci95High)}";

    private static string Name(Book book, string tenantId) => book.Tenants.FirstOrDefault(t => t.Id == tenantId)?.Name ?? tenantId;

    private static string Count(int n, string noun) => n == 1 ? $"1 {noun}" : $"{n} {noun}s";

    private static string Mw(double mw) => mw.ToString("#,0", CultureInfo.InvariantCulture);
}
