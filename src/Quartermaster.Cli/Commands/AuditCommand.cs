using System.CommandLine;
using Quartermaster.Books;
using Quartermaster.Core;
using Quartermaster.Documents;
using Quartermaster.Planning;
using Spectre.Console;

namespace Quartermaster.Cli.Commands;

/// <summary><c>qm audit BOOK</c>: proves (or disproves) that a plan treated competing tenants alike.</summary>
internal static class AuditCommand
{
    public static Command Create(CliContext context)
    {
        var book = new Argument<string>("BOOK") { Description = "The book file (YAML)." };
        var policy = PolicyOption.Create();
        var json = new Option<bool>("--json") { Description = "Print the audit as JSON on stdout." };
        var command = new Command("audit", """
            Audit the plan's neutrality: identity blindness (renaming tenants and zeroing every stake
            must not change the plan), fill-ratio spread among identically eligible contracts, and the
            cost of neutrality (revenue per tenant under the policy vs revenue-max).

            Example:  qm audit examples/neutral-cloud-2026.yaml --policy favour-stakes
            Exit code 0 when the audit passes, 1 when it finds a violation, 2 for bad input.
            """)
        { book, policy, json };
        command.SetAction(parse =>
        {
            var loaded = BookArguments.Load(context, parse.GetValue(book)!);
            if (loaded is null)
            {
                return ExitCodes.BadInput;
            }
            AuditReport report;
            try
            {
                report = NeutralityAudit.Run(loaded, PolicyOption.Resolve(parse.GetValue(policy), loaded));
            }
            catch (PlanningException e)
            {
                context.Stderr.WriteLine($"{parse.GetValue(book)}: {e.Message}");
                return ExitCodes.BadInput;
            }
            if (parse.GetValue(json))
            {
                WriteJson(context, report);
            }
            else
            {
                WriteTables(context, loaded, report);
            }
            return report.Passed ? ExitCodes.Ok : ExitCodes.Findings;
        });
        return command;
    }

    private static void WriteJson(CliContext context, AuditReport report) => Json.Write(context, AuditDocument.Of(report));

    private static void WriteTables(CliContext context, Book book, AuditReport report)
    {
        var console = context.Out;
        console.MarkupLine(report.Passed
            ? $"[green]PASS[/]: the {report.Policy.ToName()} plan of {Markup.Escape(book.Id)} treats competing tenants alike."
            : $"[red]FAIL[/]: the {report.Policy.ToName()} plan of {Markup.Escape(book.Id)} is not neutral.");
        var checks = new Table().AddColumns("check", "result", "summary");
        foreach (var check in report.Checks)
        {
            checks.AddRow(check.Name, check.Passed ? "[green]pass[/]" : "[red]fail[/]", Markup.Escape(check.Summary));
        }
        console.Write(checks);
        foreach (var check in report.Checks.Where(c => !c.Passed))
        {
            var findings = new Table().Title($"{check.Name}: first findings").AddColumns("month", "contracts", "detail");
            foreach (var finding in check.Findings.Take(10))
            {
                findings.AddRow(finding.Month.ToString(), Markup.Escape(string.Join(", ", finding.ContractIds)), Markup.Escape(finding.Detail));
            }
            if (check.Findings.Count > 10)
            {
                findings.Caption($"and {check.Findings.Count - 10} more (--json lists all)");
            }
            console.Write(findings);
        }
        var cost = new Table().Title("Cost of neutrality (revenue over the horizon)").AddColumn("tenant")
            .AddColumn(new TableColumn(report.Policy.ToName()).RightAligned()).AddColumn(new TableColumn("revenue-max").RightAligned())
            .AddColumn(new TableColumn("given up").RightAligned());
        foreach (var tenant in report.CostOfNeutrality)
        {
            cost.AddRow(Markup.Escape(tenant.TenantId), Money(tenant.PolicyRevenueUsd), Money(tenant.RevenueMaxRevenueUsd), Money(tenant.CostUsd));
        }
        cost.AddRow("[bold]total[/]", Money(report.CostOfNeutrality.Sum(t => t.PolicyRevenueUsd)),
            Money(report.CostOfNeutrality.Sum(t => t.RevenueMaxRevenueUsd)), Money(report.CostOfNeutralityUsd));
        console.Write(cost);
    }

    private static string Money(double usd) => Quantities.FormatMoneyRounded(usd);
}
