using Quartermaster.Core;
using Quartermaster.Planning;
using Quartermaster.Storage;

namespace Quartermaster.Server;

/// <summary>The production planner (<see cref="FlowPlanner"/>), its plan turned into the rows the store keeps.</summary>
public sealed class FlowBookPlanner : IBookPlanner
{
    /// <inheritdoc/>
    public string Name => "flow (progressive filling by parametric max-flow)";

    /// <inheritdoc/>
    /// <exception cref="PlanningException">The book asks for something the planner does not support.</exception>
    public BookPlan Plan(Book book, AllocationPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(book);
        var plan = new FlowPlanner().Allocate(book, policy);
        return new BookPlan(plan.Fills, plan.Allocations);
    }
}
