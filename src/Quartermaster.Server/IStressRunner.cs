using Quartermaster.Core;

namespace Quartermaster.Server;

/// <summary>
/// The seam to the stress engine: run a book, report progress (0 to 1), honour cancellation, and return
/// a result that <c>System.Text.Json</c> can serialise. <see cref="EngineStressRunner"/> is the real one.
/// </summary>
public interface IStressRunner
{
    /// <summary>Stresses <paramref name="book"/>; throws <see cref="OperationCanceledException"/> when cancelled.</summary>
    Task<object> RunAsync(Book book, IProgress<double> progress, CancellationToken cancel);
}
