using Quartermaster.Core;
using Quartermaster.Documents;

namespace Quartermaster.Server;

/// <summary>
/// The seam to the stress engine: run a book, report progress (0 to 1), honour cancellation, and return
/// the run's summary and chart data. <see cref="EngineStressRunner"/> is the real one.
/// </summary>
public interface IStressRunner
{
    /// <summary>Stresses <paramref name="book"/>; throws <see cref="OperationCanceledException"/> when cancelled.</summary>
    Task<StressRunResult> RunAsync(Book book, IProgress<double> progress, CancellationToken cancel);
}
