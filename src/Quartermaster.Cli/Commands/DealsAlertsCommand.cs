using System.CommandLine;
using Quartermaster.Documents;
using Quartermaster.Watch;
using Spectre.Console;

namespace Quartermaster.Cli.Commands;

/// <summary><c>qm deals alerts --rules RULES.yaml</c>: reports the rules the market crosses, with the deals that crossed them.</summary>
internal static class DealsAlertsCommand
{
    public static Command Create(CliContext context)
    {
        var file = DealsArguments.DealsFile();
        var rules = new Option<string>("--rules") { Description = "The alert rules file (YAML, docs/deals.md).", Required = true };
        var json = DealsArguments.Json();
        var command = new Command("alerts", """
            Check alert rules against the deals; report every rule crossed and the deals behind it.

            Example:  qm deals alerts --rules data/deal-alerts.yaml
            Rules read like 'top-lab share > 50%', 'provider committed > 10 GW in 12 months' or
            'lab providers < 2' (grammar in docs/deals.md).
            Exit code 0 when no rule fires, 1 when any fires, 2 for a bad deals or rules file.
            """)
        { file, rules, json };
        command.SetAction(parse =>
        {
            var deals = DealsArguments.Load(context, parse.GetValue(file)!);
            var (ruleList, errors) = AlertRulesReader.ReadFile(parse.GetValue(rules)!);
            BookArguments.PrintErrors(context, errors);
            if (deals is null || errors.Count > 0)
            {
                return ExitCodes.BadInput;
            }
            var findings = ruleList.SelectMany(r => r.Evaluate(deals)).ToList();
            if (parse.GetValue(json))
            {
                Json.Write(context, DealsAlertsDocument.Of(ruleList, findings));
            }
            else
            {
                WriteTable(context, ruleList, findings);
            }
            return findings.Count > 0 ? ExitCodes.Findings : ExitCodes.Ok;
        });
        return command;
    }

    private static void WriteTable(CliContext context, IReadOnlyList<AlertRule> rules, List<AlertFinding> findings)
    {
        var console = context.Out;
        if (findings.Count == 0)
        {
            console.MarkupLine($"[green]No alert fired[/] ({rules.Count} rules checked).");
            return;
        }
        var table = new Table().Title($"{findings.Count} alerts fired ({rules.Count} rules checked)").AddColumns("rule", "who", "what", "deals");
        foreach (var f in findings)
        {
            var what = f.Message[(f.Subject.Length + 2)..f.Message.LastIndexOf("; rule", StringComparison.Ordinal)];
            table.AddRow(Markup.Escape(f.Rule), Markup.Escape(f.Subject), Markup.Escape(what), Markup.Escape(string.Join(", ", f.DealIds)));
        }
        console.Write(table);
    }
}
