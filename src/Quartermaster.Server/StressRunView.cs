using Quartermaster.Documents;
using Quartermaster.Storage;

namespace Quartermaster.Server;

/// <summary>A stress run as the API shows it.</summary>
/// <param name="RunId">Run id.</param>
/// <param name="BookId">The book stressed.</param>
/// <param name="BookVersion">The version stressed.</param>
/// <param name="Status"><c>queued</c>, <c>running</c>, <c>succeeded</c>, <c>failed</c> or <c>cancelled</c>.</param>
/// <param name="Progress">Fraction done, 0 to 1.</param>
/// <param name="Result">The run's summary and chart data once succeeded; null before.</param>
/// <param name="Error">The error once failed, or why a stored result can no longer be read.</param>
/// <param name="CreatedAt">When it was started.</param>
public sealed record StressRunView(string RunId, string BookId, int BookVersion, string Status, double Progress,
    StressRunResult? Result, string? Error, DateTimeOffset CreatedAt)
{
    /// <summary>The view of <paramref name="run"/>, with live progress when given.</summary>
    public static StressRunView Of(StressRunRecord run, double? liveProgress = null)
    {
        ArgumentNullException.ThrowIfNull(run);
        var (result, error) = (default(StressRunResult), run.Error);
        if (run.ResultJson is not null)
        {
            try
            {
                result = DocumentJson.Deserialize<StressRunResult>(run.ResultJson);
            }
            catch (System.Text.Json.JsonException)
            {
                // A result stored by an earlier version, in another shape: say so rather than serve it half empty.
                error = "the result was stored by an earlier version of Quartermaster in another shape; start the run again";
            }
        }
        return new(run.RunId, run.BookId, run.BookVersion, run.Status.ToString().ToLowerInvariant(), liveProgress ?? run.Progress, result, error, run.CreatedAt);
    }
}
