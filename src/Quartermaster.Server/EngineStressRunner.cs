using Quartermaster.Core;
using Quartermaster.Analysis;
using Quartermaster.Documents;
using Quartermaster.Stress;

namespace Quartermaster.Server;

/// <summary>
/// Stresses a book with the real engine on the capacity the production planner gives each contract
/// under the book's policy. The result holds the summary document (as <c>qm stress --json</c> prints it)
/// and the chart data the dashboard draws.
/// </summary>
/// <param name="options">Paths, seed, threads and chunking; unset values come from the book's scenario.</param>
public sealed class EngineStressRunner(StressOptions? options = null) : IStressRunner
{
    /// <inheritdoc/>
    public Task<StressRunResult> RunAsync(Book book, IProgress<double> progress, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(book);
        // A dedicated thread drives the run, so a long run holds at most one of the thread pool's threads
        // (its parallel workers) and the API stays responsive while it goes.
        return Task.Factory.StartNew(() =>
        {
            var result = PlannedStress.Run(book, book.Scenario.Policy, options, progress, cancel).Result;
            return new StressRunResult(StressDocument.Of(result, book), StressChartData.Of(book, result, tornado: null));
        }, cancel, TaskCreationOptions.LongRunning, TaskScheduler.Default);
    }
}
