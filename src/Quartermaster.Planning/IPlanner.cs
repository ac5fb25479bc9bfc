namespace Quartermaster.Planning;

/// <summary>An algorithm that turns a book and a policy into a plan.</summary>
public interface IPlanner
{
    /// <summary>Plans every month of <paramref name="book"/>'s horizon under <paramref name="policy"/>.</summary>
    /// <exception cref="PlanningException">The book asks for something the planner does not support.</exception>
    Plan Allocate(Book book, AllocationPolicy policy);
}
