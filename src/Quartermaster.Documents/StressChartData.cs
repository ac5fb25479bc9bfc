using Quartermaster.Core;
using Quartermaster.Stress;

namespace Quartermaster.Documents;

/// <summary>A stress run as the report and the dashboard draw it: the payoff histograms, monthly fans, cash by year and the tornado.</summary>
/// <param name="Paths">Number of simulated futures.</param>
/// <param name="Seed">Seed of the random streams.</param>
/// <param name="Histogram">The whole book's payoff distribution binned: edges in US dollars, paths per bin.</param>
/// <param name="OperatingHistogram">The operating book's payoff distribution binned.</param>
/// <param name="Fans">Monthly percentile bands of revenue, used MW and idle MW.</param>
/// <param name="CashFlow">The operating book's cash by calendar year, payback and IRR.</param>
/// <param name="Tornado">The tornado chart, or null when not computed (the dashboard's runs).</param>
public sealed record StressChartData(int Paths, ulong Seed, PayoffBins Histogram, PayoffBins OperatingHistogram, StressFans Fans, CashFlowDocument CashFlow, TornadoDocument? Tornado)
{
    /// <summary>The chart data of <paramref name="stress"/>, a run of <paramref name="book"/>.</summary>
    public static StressChartData Of(Book book, StressResult stress, TornadoChart? tornado)
    {
        ArgumentNullException.ThrowIfNull(book);
        ArgumentNullException.ThrowIfNull(stress);
        var months = book.Horizon.Months().ToList();
        return new(stress.Paths, stress.Seed, PayoffBins.Of(stress.PayoffHistogram.Total), PayoffBins.Of(stress.PayoffHistogram.Operating),
            new StressFans(FanChart.Of(months, stress.Revenue), FanChart.Of(months, stress.UsedMw), FanChart.Of(months, stress.IdleMw)),
            CashFlowDocument.Of(stress.CashFlow),
            tornado is null ? null : TornadoDocument.Of(tornado));
    }
}
