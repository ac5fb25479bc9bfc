using Quartermaster.Core;
using Quartermaster.Planning;
using Quartermaster.Stress;

namespace Quartermaster.Analysis;

/// <summary>
/// What changed from one book to another (a version to the next, or a proposal to the book): the changes entity by
/// entity, their effect on the plan, and, when asked, the paired change of risk on common random numbers.
/// </summary>
/// <param name="Changes">Entities added, removed or changed, with the fields that differ.</param>
/// <param name="Effect">Revenue, idle capacity and fill ratios of the two plans compared.</param>
/// <param name="Risk">Both books stressed on common random numbers (new minus old), or null when not asked.</param>
public sealed record BookDiff(IReadOnlyList<EntityChange> Changes, PlanEffect Effect, StressComparison? Risk)
{
    /// <summary>
    /// Compares <paramref name="oldBook"/> with <paramref name="newBook"/>, each planned under <paramref name="policy"/>, or
    /// under its own scenario's policy when null. With <paramref name="stress"/>, both plans are stressed on common random numbers.
    /// </summary>
    /// <exception cref="PlanningException">A book cannot be planned.</exception>
    /// <exception cref="OperationCanceledException">The stress run was cancelled.</exception>
    public static BookDiff Of(
        Book oldBook, Book newBook, AllocationPolicy? policy = null, StressOptions? stress = null, IProgress<double>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(oldBook);
        ArgumentNullException.ThrowIfNull(newBook);
        var planner = new FlowPlanner();
        var oldPlan = planner.Allocate(oldBook, policy ?? oldBook.Scenario.Policy);
        var newPlan = planner.Allocate(newBook, policy ?? newBook.Scenario.Policy);
        var risk = stress is null ? null : PlannedStress.Compare(oldBook, oldPlan, newBook, newPlan, stress, progress, cancellationToken);
        return new BookDiff(BookChanges.Of(oldBook, newBook), PlanEffect.Of(oldBook, oldPlan, newBook, newPlan), risk);
    }
}
