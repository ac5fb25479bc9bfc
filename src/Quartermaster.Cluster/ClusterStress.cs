using Quartermaster.Books;
using Quartermaster.Core;
using Quartermaster.Planning;
using Quartermaster.Stress;

namespace Quartermaster.Cluster;

/// <summary>What the coordinator and the silos share: reading a run's book and its planned capacity the same way everywhere.</summary>
internal static class ClusterStress
{
    /// <summary>The book a run stresses, read from its YAML text exactly as <c>qm stress</c> reads a file.</summary>
    public static Book Read(string yaml, string runId)
    {
        var read = BookReader.ReadText(yaml, $"stress-runs/{runId}");
        return read.Book ?? throw new InvalidDataException($"the book of run {runId} does not read: {read.Errors[0]}");
    }

    /// <summary>The stress input of a run on a silo: its book and the allocation the coordinator planned.</summary>
    public static StressInput Input(string yaml, double[][] allocatedMw, string runId) => new(Read(yaml, runId), allocatedMw);

    /// <summary>Plans the book under its policy, as <c>PlannedStress.Run</c> does.</summary>
    public static StressInput Plan(Book book) => PlannedCapacity.ToStressInput(book, new FlowPlanner().Allocate(book, book.Scenario.Policy));
}
