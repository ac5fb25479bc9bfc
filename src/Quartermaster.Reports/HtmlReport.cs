using System.Globalization;
using System.Net;
using System.Text;
using Quartermaster.Books;
using Quartermaster.Core;
using Quartermaster.Documents;
using Quartermaster.Stress;
using Quartermaster.Watch;

namespace Quartermaster.Reports;

/// <summary>
/// Renders a report as one self-contained HTML file: Apache ECharts and the chart module are inlined,
/// the data travels as JSON inside the page, so it opens offline and can be emailed.
/// </summary>
public static class HtmlReport
{
    /// <summary>The HTML of the report.</summary>
    public static string Render(ReportContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var book = content.Book;
        var data = ReportDocument.Of(book, content.Plan, content.Stress, content.Tornado, content.Deals);
        return ReportAssets.ReportTemplate
            .Replace("{{TITLE}}", Encode($"{book.Provider}: {book.Id}"), StringComparison.Ordinal)
            .Replace("{{SUBTITLE}}", Encode($"Quartermaster report, {book.Horizon.Start} to {book.Horizon.End}, "
                + $"{book.Sites.Count} sites, {book.Tenants.Count} tenants, {book.Contracts.Count} contracts, policy {content.Plan.Policy.ToName()}"), StringComparison.Ordinal)
            .Replace("{{BODY}}", Body(content), StringComparison.Ordinal)
            .Replace("{{ECHARTS}}", ScriptSafe(ReportAssets.ECharts), StringComparison.Ordinal)
            .Replace("{{CHARTS}}", ScriptSafe(ReportAssets.Charts), StringComparison.Ordinal)
            .Replace("{{DATA}}", ScriptSafe(DocumentJson.Serialize(data)), StringComparison.Ordinal);
    }

    /// <summary>Writes the report to <c>report.html</c> in <paramref name="folder"/> and returns its path.</summary>
    public static string WriteTo(ReportContent content, string folder)
    {
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, "report.html");
        File.WriteAllText(path, Render(content), new UTF8Encoding(false));
        return path;
    }

    private static string Body(ReportContent content)
    {
        var html = new StringBuilder(OnePager(content));
        html.Append("<section id=\"summary\"><h2>In short</h2><ul class=\"summary\">");
        foreach (var sentence in ReportSummary.Sentences(content))
        {
            html.Append("<li>").Append(Encode(sentence)).Append("</li>");
        }
        html.Append("</ul></section>");

        html.Append("""
            <section id="book"><h2>The book at a glance</h2>
            <p class="note">Capacity committed to each tenant (stacked) against capacity online (black line), MW.</p>
            <div class="chart tall" data-chart="capacity"></div></section>
            """);
        html.Append($"""
            <section id="plan"><h2>The plan ({Encode(content.Plan.Policy.ToName())})</h2>
            <div class="grid">
              <div><h3>Fill ratio by tenant and month</h3><div class="chart" data-chart="fill-heatmap"></div></div>
              <div><h3>Idle capacity by site</h3><div class="chart" data-chart="idle"></div></div>
            </div>
            """);
        html.Append(WhyShortSection(content)).Append("</section>");
        html.Append(AuditSection(content));
        html.Append(StressSection(content));
        if (content.Deals is not null)
        {
            html.Append(DealsSection(content.Deals));
        }
        return html.ToString();
    }

    /// <summary>
    /// The board's page: the three payoff lines, the verdicts (neutrality, win either way, capacity), the headline risks
    /// and the three largest revenue shares. Printed alone on the first page of the PDF board pack.
    /// </summary>
    private static string OnePager(ReportContent content)
    {
        var (book, plan, audit, stress) = (content.Book, content.Plan, content.Audit, content.Stress);
        var html = new StringBuilder("<section id=\"one-pager\" class=\"one-pager\"><h2>At a glance</h2>");
        html.Append($"<p class=\"note\">{Encode(book.Provider)}, book {Encode(book.Id)}, {book.Horizon.Start} to {book.Horizon.End}: ")
            .Append($"{stress.Paths:N0} simulated futures on the plan under {Encode(plan.Policy.ToName())}, figures discounted to {book.Horizon.Start}.</p>");
        html.Append("<table id=\"glance-payoff\"><tr><th>line</th><th class=\"num\">mean</th><th class=\"num\">P5 (bad case)</th><th class=\"num\">P95 (good case)</th><th class=\"num\">P(loss)</th></tr>");
        foreach (var line in new[] { PayoffLine.Operating, PayoffLine.Stakes, PayoffLine.Total })
        {
            var p = stress.Payoff[line];
            html.Append($"<tr><td>{Encode(StressGlossary.Label(LineKey(line)))}</td><td class=\"num\">{M(p.MeanUsd)}</td><td class=\"num\">{M(p.P5Usd)}</td>")
                .Append($"<td class=\"num\">{M(p.P95Usd)}</td><td class=\"num\">{ReportSummary.Percent(p.ProbabilityOfLoss)}</td></tr>");
        }
        html.Append("</table><h3>Verdicts</h3><ul class=\"summary\" id=\"glance-verdicts\">");
        html.Append(audit.Passed
            ? $"<li><span class=\"pass\">Neutral.</span> The audit passes under {Encode(audit.Policy.ToName())}: competing tenants are treated alike.</li>"
            : $"<li><span class=\"fail\">Not neutral.</span> The audit fails under {Encode(audit.Policy.ToName())}: {Encode(string.Join("; ", audit.Checks.Where(c => !c.Passed).Select(c => c.Name)))}.</li>");
        var threshold = book.Scenario.EitherWayMaxLossProbability;
        var worst = stress.WinEitherWay.Count == 0 ? null : stress.WinEitherWay.MaxBy(r => r.Payoff.Total.ProbabilityOfLoss);
        html.Append(worst is null || worst.Payoff.Total.ProbabilityOfLoss <= threshold
            ? $"<li><span class=\"pass\">Wins either way.</span> In every outcome the whole book loses money in at most {ReportSummary.Percent(threshold)} of futures.</li>"
            : $"<li><span class=\"fail\">Does not win either way.</span> Worst outcome: {Encode(OutcomeText(book, stress, worst))} ({ReportSummary.Percent(worst.ShareOfPaths)} of futures), "
                + $"where the whole book loses money in {ReportSummary.Percent(worst.Payoff.Total.ProbabilityOfLoss)} of them.</li>");
        var shortFills = plan.Fills.Where(f => f.CommittedMw > 0 && f.FillRatio < 1 - 1e-9).ToList();
        html.Append(shortFills.Count == 0
            ? "<li><span class=\"pass\">Every contract is served in full</span> in every month of the plan.</li>"
            : $"<li><span class=\"fail\">{shortFills.Select(f => f.ContractId).Distinct().Count()} contracts are short</span> in some month from {shortFills.Min(f => f.Month)}; "
                + $"the lowest fill ratio is {ReportSummary.Percent(shortFills.Min(f => f.FillRatio))}.</li>");
        html.Append("</ul><h3>Headline risks</h3><ul class=\"summary\" id=\"glance-risks\">");
        var total = stress.Payoff[PayoffLine.Total];
        html.Append($"<li>In the worst 5% of futures the whole book loses {M(total.Cvar95Usd)} on average (CVaR95); it loses more than {M(total.Var95Usd)} in 1 future in 20 (VaR95).</li>");
        if (content.Tornado is { Metric: TornadoMetric.Mean } tornado && tornado.Bars.Count > 0)
        {
            foreach (var bar in tornado.RankedBy(PayoffLine.Total).Take(2))
            {
                var swing = bar.Effect[PayoffLine.Total];
                html.Append($"<li>{Encode(bar.Label)} ({Encode(bar.Step)}) moves the whole book's mean from {M(swing.Low)} to {M(swing.High)}.</li>");
            }
        }
        html.Append("</ul><h3>Concentration</h3><ul class=\"summary\" id=\"glance-concentration\">");
        foreach (var tenant in stress.Tenants.OrderByDescending(t => t.Share).Take(3))
        {
            html.Append($"<li>{Encode(TenantName(book, tenant.TenantId))}: {ReportSummary.Percent(tenant.Share)} of mean revenue ({M(tenant.MeanRevenueUsd)}).</li>");
        }
        html.Append($"<li>Revenue HHI {stress.RevenueHhi.ToString("0.000", CultureInfo.InvariantCulture)} (1 = a single tenant; {(1.0 / Math.Max(1, stress.Tenants.Count)).ToString("0.000", CultureInfo.InvariantCulture)} = evenly spread).</li>");
        return html.Append("</ul></section>").ToString();
    }

    // Leaders are in the order of the result's rivalry groups.
    private static string OutcomeText(Book book, StressResult stress, WinEitherWayRow row) =>
        string.Join(", ", row.Leaders.Select((leader, i) => $"{TenantName(book, leader)} leads {GroupName(book, stress, i)}"))
        + (row.Leaders.Count > 0 ? ", " : "") + (row.Cooled ? "the sector cools" : "the sector keeps booming");

    private static string GroupName(Book book, StressResult stress, int index)
    {
        var id = index < stress.RivalryGroups.Count ? stress.RivalryGroups[index] : null;
        return book.RivalryGroups.FirstOrDefault(g => g.Id == id)?.Name ?? id ?? "its group";
    }

    /// <summary>Most rows of the "why short" table; the rest are counted in a note (the CSV and JSON have them all).</summary>
    private const int WhyShortRows = 60;

    private static string WhyShortSection(ReportContent content)
    {
        var rows = WhyShortRow.Of(content.Plan);
        if (rows.Count == 0)
        {
            return "<h3>Why short</h3><p class=\"note\">No contract is short in any month.</p>";
        }
        var tenants = content.Book.Tenants.ToDictionary(t => t.Id, t => t.Name, StringComparer.Ordinal);
        var html = new StringBuilder("<h3>Why short</h3><p class=\"note\">For each contract and run of months short for the same reason: ")
            .Append("the bottleneck (the full sites that bound it: the min cut of the month's flow) and the MW at one pool that would fill it.</p>")
            .Append("<table id=\"why-short\"><tr><th>contract</th><th>tenant</th><th>months</th><th class=\"num\">MW short</th><th>bottleneck sites</th><th>reason</th><th>counterfactual</th></tr>");
        foreach (var row in rows.Take(WhyShortRows))
        {
            html.Append($"<tr><td>{Encode(row.ContractId)}</td><td>{Encode(tenants.GetValueOrDefault(row.TenantId, row.TenantId))}</td>")
                .Append($"<td>{row.From}{(row.From == row.To ? "" : $" to {row.To}")}</td><td class=\"num\">{Encode(row.ShortMwText)}</td>")
                .Append($"<td>{Encode(row.BottleneckSites.Count == 0 ? "-" : string.Join(", ", row.BottleneckSites))}</td><td>{Encode(row.ReasonText)}</td><td>{Encode(row.Counterfactual)}</td></tr>");
        }
        html.Append("</table>");
        if (rows.Count > WhyShortRows)
        {
            html.Append($"<p class=\"note\">{rows.Count - WhyShortRows} more rows: qm plan --csv lists every short contract-month.</p>");
        }
        return html.ToString();
    }

    private static string AuditSection(ReportContent content)
    {
        var audit = content.Audit;
        var html = new StringBuilder("<section id=\"audit\"><h2>Neutrality audit</h2>");
        html.Append(audit.Passed ? "<p class=\"pass\">PASS</p>" : "<p class=\"fail\">FAIL</p>");
        html.Append("<table><tr><th>check</th><th>result</th><th>evidence</th></tr>");
        foreach (var check in audit.Checks)
        {
            html.Append($"<tr><td>{Encode(check.Name)}</td><td class=\"{(check.Passed ? "pass" : "fail")}\">{(check.Passed ? "pass" : "fail")}</td><td>{Encode(check.Summary)}");
            foreach (var finding in check.Findings.Take(5))
            {
                html.Append($"<br><span class=\"note\">{finding.Month}: {Encode(string.Join(", ", finding.ContractIds))}: {Encode(finding.Detail)}</span>");
            }
            html.Append("</td></tr>");
        }
        html.Append("</table><h3>Cost of neutrality: revenue over the horizon</h3><table><tr><th>tenant</th>")
            .Append($"<th class=\"num\">{Encode(audit.Policy.ToName())}</th><th class=\"num\">revenue-max</th><th class=\"num\">given up</th></tr>");
        foreach (var tenant in audit.CostOfNeutrality)
        {
            html.Append($"<tr><td>{Encode(tenant.TenantId)}</td><td class=\"num\">{M(tenant.PolicyRevenueUsd)}</td><td class=\"num\">{M(tenant.RevenueMaxRevenueUsd)}</td><td class=\"num\">{M(tenant.CostUsd)}</td></tr>");
        }
        return html.Append("</table></section>").ToString();
    }

    private static string StressSection(ReportContent content)
    {
        var (book, stress) = (content.Book, content.Stress);
        var html = new StringBuilder($"<section id=\"stress\"><h2>Stress: {stress.Paths:N0} futures (seed {stress.Seed})</h2>");
        html.Append("<table id=\"payoff\"><tr><th>line</th><th class=\"num\">mean (95% CI)</th><th class=\"num\">P1</th><th class=\"num\">P5</th><th class=\"num\">P50</th><th class=\"num\">P95</th><th class=\"num\">P99</th>")
            .Append("<th class=\"num\">VaR95</th><th class=\"num\">CVaR95</th><th class=\"num\">VaR99</th><th class=\"num\">CVaR99</th><th class=\"num\">P(loss)</th></tr>");
        foreach (var line in new[] { PayoffLine.Operating, PayoffLine.Stakes, PayoffLine.Total })
        {
            var p = stress.Payoff[line];
            html.Append($"<tr data-line=\"{LineKey(line)}\"><td>{Encode(StressGlossary.Label(LineKey(line)))}</td>")
                .Append($"<td class=\"num\">{M(p.MeanUsd)} ({M(p.Ci95LowUsd)} to {M(p.Ci95HighUsd)})</td><td class=\"num\">{M(p.P1Usd)}</td><td class=\"num\">{M(p.P5Usd)}</td>")
                .Append($"<td class=\"num\">{M(p.P50Usd)}</td><td class=\"num\">{M(p.P95Usd)}</td><td class=\"num\">{M(p.P99Usd)}</td><td class=\"num\">{M(p.Var95Usd)}</td>")
                .Append($"<td class=\"num\">{M(p.Cvar95Usd)}</td><td class=\"num\">{M(p.Var99Usd)}</td><td class=\"num\">{M(p.Cvar99Usd)}</td><td class=\"num\">{ReportSummary.Percent(p.ProbabilityOfLoss)}</td></tr>");
        }
        var costs = stress.Costs;
        html.Append($"</table><p class=\"note\">The operating book counts, discounted: facility capex {M(costs.FacilityCapexUsd)}, IT capex {M(costs.ItCapexUsd)}, ")
            .Append($"opex {M(costs.OpexUsd)}, and {M(costs.ResidualValueUsd)} of residual value (book value of sites and equipment at {book.Horizon.End}).</p>");

        html.Append("<h3>Win either way: payoff by how the horizon ends</h3><table id=\"win-either-way\"><tr>");
        foreach (var group in stress.RivalryGroups)
        {
            html.Append($"<th>leader of {Encode(book.RivalryGroups.FirstOrDefault(g => g.Id == group)?.Name ?? group)}</th>");
        }
        html.Append("<th>sector</th><th class=\"num\">share of futures</th><th class=\"num\">operating mean</th><th class=\"num\">operating P(loss)</th>")
            .Append("<th class=\"num\">whole book mean</th><th class=\"num\">whole book P(loss)</th></tr>");
        foreach (var row in stress.WinEitherWay)
        {
            html.Append("<tr>");
            foreach (var leader in row.Leaders)
            {
                html.Append($"<td>{Encode(TenantName(book, leader))}</td>");
            }
            html.Append($"<td>{(row.Cooled ? "cooled" : "booming")}</td><td class=\"num\">{ReportSummary.Percent(row.ShareOfPaths)}</td>")
                .Append($"<td class=\"num\">{M(row.Payoff.Operating.MeanUsd)}</td><td class=\"num\">{ReportSummary.Percent(row.Payoff.Operating.ProbabilityOfLoss)}</td>")
                .Append($"<td class=\"num\">{M(row.Payoff.Total.MeanUsd)}</td><td class=\"num\">{ReportSummary.Percent(row.Payoff.Total.ProbabilityOfLoss)}</td></tr>");
        }
        html.Append("</table>");

        html.Append("<h3>Operating cash by calendar year</h3><div class=\"grid\"><div class=\"chart\" data-chart=\"cash-flow\"></div>")
            .Append($"<div><p id=\"cash-note\">{Encode(CashNote(stress.CashFlow))}</p><p class=\"note\">Cash is undiscounted revenue less opex and capex; ")
            .Append("the residual value at the horizon is not cash, so it is in neither the bars, the payback nor the IRR.</p></div></div>");
        html.Append("""
            <div class="grid">
              <div><h3>Operating book across futures</h3><div class="chart" data-chart="operating-histogram"></div></div>
              <div><h3>Whole book across futures</h3><div class="chart" data-chart="payoff-histogram"></div></div>
              <div><h3>Revenue per month (P5 to P95)</h3><div class="chart" data-chart="fan-revenue"></div></div>
              <div><h3>Capacity used (P5 to P95)</h3><div class="chart" data-chart="fan-used"></div></div>
              <div><h3>Capacity idle (P5 to P95)</h3><div class="chart" data-chart="fan-idle"></div></div>
            </div>
            """);
        html.Append("<h3>Concentration</h3><table><tr><th>tenant</th><th class=\"num\">mean revenue</th><th class=\"num\">share</th></tr>");
        foreach (var tenant in stress.Tenants)
        {
            html.Append($"<tr><td>{Encode(TenantName(book, tenant.TenantId))}</td><td class=\"num\">{M(tenant.MeanRevenueUsd)}</td><td class=\"num\">{ReportSummary.Percent(tenant.Share)}</td></tr>");
        }
        html.Append($"</table><p class=\"note\">Revenue HHI {stress.RevenueHhi.ToString("0.000", CultureInfo.InvariantCulture)}; "
            + $"top tenant {Encode(stress.TopTenantId is { } top ? TenantName(book, top) : "-")} with {ReportSummary.Percent(stress.TopTenantShare)} of revenue; "
            + $"utilisation {ReportSummary.Percent(stress.Utilisation)}; mean idle {stress.MeanIdleGwMonths.ToString("N1", CultureInfo.InvariantCulture)} GW-months.</p>");
        if (content.Tornado is not null)
        {
            html.Append("<h3>Tornado: what moves the mean payoff</h3><div class=\"chart tall\" data-chart=\"tornado\"></div>");
        }
        html.Append("<h3>Glossary of the model's inputs and figures</h3><table id=\"glossary\"><tr><th>term</th><th>key</th><th>meaning</th></tr>");
        foreach (var entry in StressGlossary.Entries)
        {
            html.Append($"<tr><td>{Encode(entry.Label)}</td><td><code>{Encode(entry.Key)}</code></td><td>{Encode(entry.Definition)}</td></tr>");
        }
        return html.Append("</table></section>").ToString();
    }

    // Payback and IRR of the operating cash, in the words of the summary (StressSummary says the same).
    private static string CashNote(OperatingCashFlow cash)
    {
        var payback = cash.Payback;
        var text = payback.P50 is { } median
            ? $"Payback: by {median} in half the futures; {ReportSummary.Percent(payback.ProbabilityWithinHorizon)} of futures pay back within the horizon."
            : $"Payback: {ReportSummary.Percent(payback.ProbabilityWithinHorizon)} of futures pay back within the horizon; the median future does not.";
        var irr = cash.Irr;
        return text + (irr.P50 is { } p50
            ? $" Operating IRR: {Rate(p50)} in the median future (P5 {Rate(irr.P5!.Value)}, P95 {Rate(irr.P95!.Value)}), over the {ReportSummary.Percent(irr.ProbabilityDefined)} of futures that have one."
            : " Operating IRR: none (no year pays cash out).");

        static string Rate(double r) => (r * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%/yr";
    }

    private static string LineKey(PayoffLine line) => line switch
    {
        PayoffLine.Operating => "operating",
        PayoffLine.Stakes => "stakes",
        _ => "total",
    };

    private static string TenantName(Book book, string id) => book.Tenants.FirstOrDefault(t => t.Id == id)?.Name ?? id;

    private static string DealsSection(DealsOverview deals)
    {
        var map = deals.Map;
        var html = new StringBuilder("<section id=\"deals\"><h2>The market: public deals</h2>");
        html.Append($"<p class=\"note\">{deals.Deals.Count} publicly reported deals between {map.Nodes.Count(n => n.IsProvider)} providers and "
            + $"{map.Nodes.Count(n => n.IsLab)} labs. A deal dated by year only counts in December, so every cumulative figure is a lower bound"
            + (deals.Timeline.Undated.Count == 0 ? "." : $"; {deals.Timeline.Undated.Count} undated deals are on the map but not the timeline.") + "</p>");
        html.Append("""
            <h3>Capacity committed over time by provider</h3><div class="chart tall" data-chart="deals-timeline"></div>
            <h3>Who supplies whom</h3>
            <p class="note">Red-orange, name in bold: a provider supplying two or more rival labs. Edge width: GW; dashed: equity only;
            purple and thicker: the provider is paid twice (it supplies the lab and holds equity in it; listed below the map).
            <label>Node size: <select data-size-for="deals-map"><option value="gw">GW of supply deals</option><option value="usd">dollars, equity included</option></select></label></p>
            <div class="chart tall" style="height:620px" data-chart="deals-map" data-size-by="gw"></div>
            """);
        html.Append("<h3>Providers supplying rival labs</h3>").Append(TableOrNone("rival-suppliers",
            "No provider supplies two labs of one rivalry group.",
            "<th>provider</th><th>rivalry group</th><th>rival labs it supplies</th>",
            map.RivalSuppliers.Select(r => $"<td class=\"fail\">{Encode(r.Provider)}</td><td>{Encode(map.Groups.FirstOrDefault(g => g.Id == r.Group)?.Name ?? r.Group)}</td>"
                + $"<td>{Encode(string.Join(", ", r.Labs))}</td>")));
        html.Append("<h3>Paid twice: supplier and shareholder</h3>").Append(TableOrNone("paid-twice",
            "No provider both supplies a lab and holds equity in it.",
            "<th>provider</th><th>lab</th><th class=\"num\">GW</th><th class=\"num\">supply $</th><th class=\"num\">equity $</th><th>deals</th>",
            map.PaidTwice.Select(e => $"<td>{Encode(e.Provider)}</td><td>{Encode(e.Lab)}</td><td class=\"num\">{e.Gw.ToString("#,0.###", CultureInfo.InvariantCulture)}</td>"
                + $"<td class=\"num\">{M(e.SupplyUsd)}</td><td class=\"num\">{M(e.EquityUsd)}</td><td>{Encode(string.Join(", ", e.DealIds))}</td>")));
        return html.Append("</section>").ToString();
    }

    /// <summary>A table of <paramref name="rows"/> (cells already encoded), or a "pass" line saying there is nothing to list.</summary>
    private static string TableOrNone(string id, string none, string header, IEnumerable<string> rows)
    {
        var body = string.Concat(rows.Select(r => $"<tr>{r}</tr>"));
        return body.Length == 0 ? $"<p class=\"pass\">{Encode(none)}</p>" : $"<table id=\"{id}\"><tr>{header}</tr>{body}</table>";
    }

    private static string M(double usd) => Encode(ReportSummary.Money(usd));

    private static string Encode(string text) => WebUtility.HtmlEncode(text);

    /// <summary>Text placed inside a script element must not contain "&lt;/" (it could close the element early).</summary>
    private static string ScriptSafe(string text) => text.Replace("</", "<\\/", StringComparison.Ordinal);
}
