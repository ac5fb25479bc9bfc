using Quartermaster.Core;

namespace Quartermaster.Server;

/// <summary>
/// A short deterministic stand-in for the stress engine: contracted revenue per month under full
/// take-up (price x committed MW), summed over the horizon in chunks so progress and cancellation are real.
/// </summary>
/// <param name="delayPerChunk">Pause after each chunk of months, so tests can watch progress and cancel.</param>
public sealed class StandInStressRunner(TimeSpan delayPerChunk) : IStressRunner
{
    /// <summary>A runner with no pause.</summary>
    public StandInStressRunner() : this(TimeSpan.Zero)
    {
    }

    /// <inheritdoc/>
    public async Task<object> RunAsync(Book book, IProgress<double> progress, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(book);
        ArgumentNullException.ThrowIfNull(progress);
        var months = book.Horizon.Months().ToList();
        var revenueByTenant = book.Tenants.ToDictionary(t => t.Id, _ => 0.0);
        const int chunk = 12;
        for (var i = 0; i < months.Count; i += chunk)
        {
            cancel.ThrowIfCancellationRequested();
            foreach (var month in months.Skip(i).Take(chunk))
            {
                foreach (var c in book.Contracts)
                {
                    revenueByTenant[c.Tenant] += c.PricePerMwMonthUsd * c.CommittedMw(month);
                }
            }
            progress.Report(Math.Min(1.0, (i + chunk) / (double)months.Count));
            if (delayPerChunk > TimeSpan.Zero)
            {
                await Task.Delay(delayPerChunk, cancel);
            }
        }
        return new
        {
            Engine = "stand-in (contracted revenue, full take-up)",
            Months = months.Count,
            ContractedRevenueUsd = revenueByTenant.Values.Sum(),
            ContractedRevenueUsdByTenant = revenueByTenant,
        };
    }
}
