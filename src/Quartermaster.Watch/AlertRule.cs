using System.Globalization;
using System.Text.RegularExpressions;
using Quartermaster.Books;
using Quartermaster.Core;

namespace Quartermaster.Watch;

/// <summary>
/// A condition on the market that is reported when crossed, written in a small grammar:
/// <c>[provider|lab] METRIC OP VALUE [in N months]</c>, for example <c>top-lab share &gt; 50%</c>,
/// <c>provider committed &gt; 10 GW in 12 months</c> or <c>lab providers &lt; 2</c> (docs/deals.md).
/// </summary>
/// <param name="Name">The rule's name in reports (its text when the file gives none).</param>
/// <param name="Text">The condition as written.</param>
/// <param name="Side">Whether it is evaluated per provider or per lab.</param>
/// <param name="Metric">What it measures.</param>
/// <param name="Comparison">How the measured value is compared with <paramref name="Threshold"/>.</param>
/// <param name="Threshold">The threshold, in <paramref name="Unit"/>.</param>
/// <param name="Unit">GW or dollars for <see cref="AlertMetric.Committed"/>, a fraction for shares, a count otherwise.</param>
/// <param name="WindowMonths">For <see cref="AlertMetric.Committed"/>, the window length in months (dated deals only), or null for all deals.</param>
public sealed partial record AlertRule(
    string Name,
    string Text,
    MarketSide Side,
    AlertMetric Metric,
    AlertComparison Comparison,
    double Threshold,
    AlertUnit Unit,
    int? WindowMonths)
{
    /// <summary>The grammar, for error messages.</summary>
    public const string Form = "a rule like 'top-lab share > 50%', 'provider committed > 10 GW in 12 months', 'provider committed >= $50B' or 'lab providers < 2'";

    /// <summary>The longest window a rule may use, in months.</summary>
    public const int MaxWindowMonths = 600;

    [GeneratedRegex(@"^(?:(?<side>provider|lab) )?(?<metric>committed|top-lab share|top-lab gw share|top-lab usd share|labs|providers|clouds|backers) ?(?<op>>=|<=|>|<) ?(?<value>.+?)(?: in (?<window>\d+) months?)?$", RegexOptions.CultureInvariant)]
    private static partial Regex Grammar();

    [GeneratedRegex(@"\s+", RegexOptions.CultureInvariant)]
    private static partial Regex Spaces();

    /// <summary>Parses <paramref name="text"/>; on failure <paramref name="error"/> says what was expected.</summary>
    public static bool TryParse(string text, string? name, out AlertRule? rule, out string? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        rule = null;
        var normal = Spaces().Replace(text.Trim(), " ");
        var match = Grammar().Match(normal);
        if (!match.Success)
        {
            error = $"'{text}' is not a rule; expected {Form}";
            return false;
        }
        var metric = match.Groups["metric"].Value switch
        {
            "committed" => AlertMetric.Committed,
            "top-lab share" => AlertMetric.TopLabShare,
            "top-lab gw share" => AlertMetric.TopLabGwShare,
            "top-lab usd share" => AlertMetric.TopLabUsdShare,
            "labs" => AlertMetric.Labs,
            "backers" => AlertMetric.Backers,
            _ => AlertMetric.Providers,
        };
        var natural = metric is AlertMetric.Providers or AlertMetric.Backers ? MarketSide.Lab : MarketSide.Provider;
        var side = match.Groups["side"].Value switch { "provider" => MarketSide.Provider, "lab" => MarketSide.Lab, _ => natural };
        if (metric != AlertMetric.Committed && side != natural)
        {
            error = $"'{match.Groups["metric"].Value}' is measured per {natural.ToString().ToLowerInvariant()}, not per {side.ToString().ToLowerInvariant()}";
            return false;
        }
        var comparison = match.Groups["op"].Value switch
        {
            ">" => AlertComparison.Above,
            ">=" => AlertComparison.AtLeast,
            "<" => AlertComparison.Below,
            _ => AlertComparison.AtMost,
        };
        var value = match.Groups["value"].Value;
        double threshold;
        AlertUnit unit;
        switch (metric)
        {
            case AlertMetric.Committed when Quantities.TryParsePower(value, out var mw):
                (threshold, unit) = (mw / 1000, AlertUnit.Gw);
                break;
            case AlertMetric.Committed when Quantities.TryParseMoney(value, "", out var usd) && usd >= 0:
                (threshold, unit) = (usd, AlertUnit.Usd);
                break;
            case AlertMetric.Committed:
                error = $"'{value}' is not a threshold for 'committed'; expected {Quantities.PowerForm} or {Quantities.MoneyForm}";
                return false;
            case AlertMetric.TopLabShare or AlertMetric.TopLabGwShare or AlertMetric.TopLabUsdShare:
                if (!Quantities.TryParsePercent(value, out var fraction) || fraction is < 0 or > 1)
                {
                    error = $"'{value}' is not a threshold for a share; expected a percentage from 0% to 100% like '50%'";
                    return false;
                }
                (threshold, unit) = (fraction, AlertUnit.Fraction);
                break;
            default:
                if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var count))
                {
                    error = $"'{value}' is not a threshold for a count; expected a whole number like 2";
                    return false;
                }
                (threshold, unit) = (count, AlertUnit.Count);
                break;
        }
        int? window = null;
        if (match.Groups["window"].Success)
        {
            if (metric != AlertMetric.Committed)
            {
                error = "only 'committed' takes a window ('in N months')";
                return false;
            }
            if (!int.TryParse(match.Groups["window"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var months) || months is < 1 or > MaxWindowMonths)
            {
                error = $"the window must be from 1 to {MaxWindowMonths} months";
                return false;
            }
            window = months;
        }
        error = null;
        rule = new AlertRule(string.IsNullOrWhiteSpace(name) ? normal : name.Trim(), normal, side, metric, comparison, threshold, unit, window);
        return true;
    }

    /// <summary>True when <paramref name="value"/> crosses the threshold.</summary>
    public bool Crosses(double value) => Comparison switch
    {
        AlertComparison.Above => value > Threshold,
        AlertComparison.AtLeast => value >= Threshold,
        AlertComparison.Below => value < Threshold,
        _ => value <= Threshold,
    };

    /// <summary>Every provider or lab in <paramref name="deals"/> that crosses this rule, by name, with the deals behind each value.</summary>
    public IReadOnlyList<AlertFinding> Evaluate(IReadOnlyList<Deal> deals)
    {
        ArgumentNullException.ThrowIfNull(deals);
        var findings = new List<AlertFinding>();
        foreach (var subject in deals.GroupBy(d => Side == MarketSide.Provider ? d.Provider : d.Lab, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            findings.AddRange(Metric switch
            {
                AlertMetric.Committed => Committed(subject.Key, [.. subject]),
                AlertMetric.TopLabShare or AlertMetric.TopLabGwShare or AlertMetric.TopLabUsdShare => TopLab(subject.Key, [.. subject]),
                _ => Counted(subject.Key, [.. subject]),
            });
        }
        return findings;
    }

    private IEnumerable<AlertFinding> Committed(string subject, List<Deal> deals)
    {
        Func<Deal, double> measure = Unit == AlertUnit.Gw ? d => d.CommittedGw : d => d.CommittedUsd;
        if (WindowMonths is not { } window)
        {
            var total = deals.Sum(measure);
            if (Crosses(total))
            {
                yield return Finding(subject, total, null, null, deals.Where(d => measure(d) > 0), $"committed {Format(total)}");
            }
            yield break;
        }
        // The window [end - N + 1, end] that holds the most, over every month a dated deal ends a window in (earliest on a tie).
        var dated = deals.Where(d => d.Announced is not null).ToList();
        (double Value, Month End)? best = null;
        foreach (var end in dated.Select(d => d.Announced!.Value.TimelineMonth).Distinct().Order())
        {
            var value = dated.Where(d => InWindow(d, end, window)).Sum(measure);
            if (best is null || value > best.Value.Value)
            {
                best = (value, end);
            }
        }
        if (best is { } b && Crosses(b.Value))
        {
            var start = b.End.Plus(1 - window);
            yield return Finding(subject, b.Value, start, b.End, dated.Where(d => InWindow(d, b.End, window) && measure(d) > 0),
                $"committed {Format(b.Value)} in {window} months ({start} to {b.End})");
        }
    }

    private static bool InWindow(Deal deal, Month end, int window)
    {
        var month = deal.Announced!.Value.TimelineMonth;
        return month <= end && month.MonthsSince(end) > -window;
    }

    private IEnumerable<AlertFinding> TopLab(string provider, List<Deal> deals)
    {
        var exposure = MarketExposure.Of(deals).Providers.Single();
        var measures = new List<(string Label, Concentration Concentration, Func<Deal, double> Measure)>();
        if (Metric != AlertMetric.TopLabUsdShare)
        {
            measures.Add(("GW", exposure.Gw, d => d.CommittedGw));
        }
        if (Metric != AlertMetric.TopLabGwShare)
        {
            measures.Add(("dollars", exposure.Usd, d => d.CommittedUsd));
        }
        foreach (var (label, concentration, measure) in measures)
        {
            if (concentration is { TopShare: { } share, Top: { } top } && Crosses(share))
            {
                yield return Finding(provider, share, null, null, deals.Where(d => d.Lab == top && measure(d) > 0),
                    $"{top} holds {Format(share)} of its {label}");
            }
        }
    }

    private IEnumerable<AlertFinding> Counted(string subject, List<Deal> deals)
    {
        var relevant = Metric switch
        {
            AlertMetric.Labs => deals,
            AlertMetric.Backers => [.. deals.Where(d => d.Kind == DealKind.Equity)],
            _ => [.. deals.Where(d => d.IsSupply)],
        };
        var count = relevant.Select(d => Metric == AlertMetric.Labs ? d.Lab : d.Provider).Distinct(StringComparer.Ordinal).Count();
        var noun = Metric switch { AlertMetric.Labs => "labs", AlertMetric.Backers => "backers", _ => "providers supplying it" };
        if (Crosses(count))
        {
            yield return Finding(subject, count, null, null, relevant, $"{count} {noun}");
        }
    }

    private AlertFinding Finding(string subject, double value, Month? start, Month? end, IEnumerable<Deal> deals, string what) =>
        new(Name, subject, value, Unit, start, end, [.. deals.Select(d => d.Id)], $"{subject}: {what}; rule '{Text}'");

    private string Format(double value) => Unit switch
    {
        AlertUnit.Gw => Quantities.FormatPower(Math.Round(value * 1000, 6)),
        AlertUnit.Usd => Quantities.FormatMoney(value),
        AlertUnit.Fraction => value.ToString("0.#%", CultureInfo.InvariantCulture),
        _ => value.ToString(CultureInfo.InvariantCulture),
    };
}
