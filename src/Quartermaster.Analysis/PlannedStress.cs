using Quartermaster.Core;
using Quartermaster.Planning;
using Quartermaster.Stress;

namespace Quartermaster.Analysis;

/// <summary>
/// Plan, then stress: the capacity each contract can use in every simulated future is what the production
/// planner allocates it under the policy. The one entry point the CLI, the report and the server share, so
/// the three faces always stress the same plan.
/// </summary>
public static class PlannedStress
{
    /// <summary>Plans <paramref name="book"/> under <paramref name="policy"/> and stresses the plan.</summary>
    /// <exception cref="PlanningException">The planner cannot plan the book (a finding about the book, not bad input).</exception>
    /// <exception cref="OperationCanceledException">The run was cancelled.</exception>
    public static PlannedStressRun Run(
        Book book, AllocationPolicy policy, StressOptions? options = null, IProgress<double>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(book);
        var plan = Plan(book, policy);
        var result = StressEngine.Run(PlannedCapacity.ToStressInput(book, plan), options, progress, cancellationToken);
        return new PlannedStressRun(book, plan, result);
    }

    /// <summary>Plans both books under <paramref name="policy"/> and stresses them on common random numbers.</summary>
    public static StressComparison Compare(
        Book book, Book other, AllocationPolicy policy, StressOptions? options = null, IProgress<double>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(book);
        ArgumentNullException.ThrowIfNull(other);
        var input = PlannedCapacity.ToStressInput(book, Plan(book, policy));
        var otherInput = PlannedCapacity.ToStressInput(other, Plan(other, policy));
        return StressEngine.Compare(input, otherInput, options, progress, cancellationToken);
    }

    /// <summary>
    /// Stresses two books already planned (<paramref name="plan"/> of <paramref name="book"/>, <paramref name="otherPlan"/> of
    /// <paramref name="other"/>) on common random numbers; the difference is other minus book.
    /// </summary>
    public static StressComparison Compare(
        Book book, Plan plan, Book other, Plan otherPlan, StressOptions? options = null, IProgress<double>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(book);
        ArgumentNullException.ThrowIfNull(other);
        return StressEngine.Compare(PlannedCapacity.ToStressInput(book, plan), PlannedCapacity.ToStressInput(other, otherPlan), options, progress, cancellationToken);
    }

    /// <summary>Plans <paramref name="book"/> once and ranks the effect of each key input, by <paramref name="metric"/>, on the planned capacity.</summary>
    public static TornadoChart Tornado(
        Book book, AllocationPolicy policy, TornadoMetric metric = TornadoMetric.Mean, StressOptions? options = null, IProgress<double>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(book);
        var input = PlannedCapacity.ToStressInput(book, Plan(book, policy));
        return StressEngine.Tornado(input, metric: metric, options: options, progress: progress, cancellationToken: cancellationToken);
    }

    private static Plan Plan(Book book, AllocationPolicy policy) => new FlowPlanner().Allocate(book, policy);
}
