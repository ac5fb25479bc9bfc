using Quartermaster.Core;
using Quartermaster.Stress;

namespace Quartermaster.Documents;

/// <summary>The operating book's cash across paths: by calendar year, when it pays back, and its internal rate of return.</summary>
/// <param name="Years">One row per calendar year of the horizon, in order (the first and last may be partial).</param>
/// <param name="Payback">The month from which cumulative operating cash stays at or above 0 to the horizon's end.</param>
/// <param name="Irr">The operating book's yearly internal rate of return across paths.</param>
public sealed record CashFlowDocument(IReadOnlyList<CashYear> Years, PaybackMonths Payback, IrrPercentiles Irr)
{
    /// <summary>The document of <paramref name="cashFlow"/>.</summary>
    public static CashFlowDocument Of(OperatingCashFlow cashFlow)
    {
        ArgumentNullException.ThrowIfNull(cashFlow);
        return new(
            [.. cashFlow.Years.Select(y => new CashYear(y.Year, y.Months, CashPercentiles.Of(y.Cash), CashPercentiles.Of(y.Cumulative)))],
            new PaybackMonths(cashFlow.Payback.ProbabilityWithinHorizon, cashFlow.Payback.P5, cashFlow.Payback.P50, cashFlow.Payback.P95),
            new IrrPercentiles(cashFlow.Irr.ProbabilityDefined, cashFlow.Irr.P5, cashFlow.Irr.P50, cashFlow.Irr.P95));
    }
}

/// <summary>One calendar year of operating cash, undiscounted, across paths.</summary>
/// <param name="Year">The calendar year.</param>
/// <param name="Months">How many of its months lie in the horizon (1 to 12).</param>
/// <param name="Cash">Operating cash that year (revenue minus opex and capex), US dollars.</param>
/// <param name="Cumulative">Operating cash from the horizon's start to that year's end, US dollars.</param>
public sealed record CashYear(int Year, int Months, CashPercentiles Cash, CashPercentiles Cumulative);

/// <summary>A cash figure across paths, US dollars; negative: cash out.</summary>
/// <param name="Mean">Mean over paths.</param>
/// <param name="P5">5th percentile.</param>
/// <param name="P50">Median.</param>
/// <param name="P95">95th percentile.</param>
public sealed record CashPercentiles(double Mean, double P5, double P50, double P95)
{
    /// <summary>The percentiles of <paramref name="band"/>.</summary>
    public static CashPercentiles Of(CashBand band)
    {
        ArgumentNullException.ThrowIfNull(band);
        return new(band.MeanUsd, band.P5Usd, band.P50Usd, band.P95Usd);
    }
}

/// <summary>When the operating book pays back; a percentile is null when it lies beyond the horizon.</summary>
/// <param name="PWithinHorizon">Fraction of paths that pay back before the horizon ends.</param>
/// <param name="P5">Payback month of the 5th percentile, or null.</param>
/// <param name="P50">Median payback month, or null.</param>
/// <param name="P95">Payback month of the 95th percentile, or null.</param>
public sealed record PaybackMonths(
    [property: System.Text.Json.Serialization.JsonPropertyName("p_within_horizon")] double PWithinHorizon,
    Month? P5,
    Month? P50,
    Month? P95);

/// <summary>The operating IRR across paths, a yearly rate as a fraction (0.12 = 12%/yr); percentiles are null when it is defined on no path.</summary>
/// <param name="PDefined">Fraction of paths with an IRR (undefined where no year pays cash out).</param>
/// <param name="P5">5th percentile, or null.</param>
/// <param name="P50">Median, or null.</param>
/// <param name="P95">95th percentile, or null.</param>
public sealed record IrrPercentiles(
    [property: System.Text.Json.Serialization.JsonPropertyName("p_defined")] double PDefined,
    double? P5,
    double? P50,
    double? P95);

/// <summary>One investment's outcome at the horizon.</summary>
/// <param name="InvestmentId">The investment's id in the book.</param>
/// <param name="TenantId">The tenant invested in.</param>
/// <param name="Date">The month the investment is paid, or null when the book gives none (then the horizon's start).</param>
/// <param name="Amount">The amount invested, US dollars.</param>
/// <param name="ValuationCap">The largest value the stake may reach at the horizon (the book's valuation cap times the stake), US dollars.</param>
/// <param name="ValueMean">Mean value of the stake at the horizon, undiscounted, US dollars.</param>
/// <param name="PCapBinds">Fraction of paths where the valuation cap limits the stake's value.</param>
public sealed record StakeOutcomeRow(
    string InvestmentId,
    string TenantId,
    Month? Date,
    double Amount,
    double ValuationCap,
    double ValueMean,
    [property: System.Text.Json.Serialization.JsonPropertyName("p_cap_binds")] double PCapBinds)
{
    /// <summary>The row of <paramref name="stake"/>.</summary>
    public static StakeOutcomeRow Of(StakeOutcome stake)
    {
        ArgumentNullException.ThrowIfNull(stake);
        return new(stake.InvestmentId, stake.TenantId, stake.Date, stake.AmountUsd, stake.ValuationCapUsd, stake.MeanValueUsd, stake.ProbabilityCapBinds);
    }
}

/// <summary>The operating book's costs over the horizon and its residual value at the end, present values in US dollars.</summary>
/// <param name="FacilityCapex">Building the sites' capacity (shell, power, cooling).</param>
/// <param name="ItCapex">IT equipment the provider buys (0 when tenants bring their own chips).</param>
/// <param name="Opex">Running the sites, power included.</param>
/// <param name="ResidualValue">
/// Book value of facility and IT equipment at the horizon's last month (straight-line depreciation), discounted from then:
/// counted in the operating payoff, not in the cash flow.
/// </param>
public sealed record CostsDocument(double FacilityCapex, double ItCapex, double Opex, double ResidualValue);

/// <summary>A figure whose Monte Carlo error is large for its use.</summary>
/// <param name="Figure">The figure, such as <c>stakes P99</c>.</param>
/// <param name="Message">What is wrong and what to do, in a sentence.</param>
public sealed record StressWarning(string Figure, string Message);
