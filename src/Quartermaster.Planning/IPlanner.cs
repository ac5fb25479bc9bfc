namespace Quartermaster.Planning;

/// <summary>An algorithm that turns a book and a policy into a plan.</summary>
/// <remarks>
/// <para>The policies, per month, with fill ratio = allocated / committed:</para>
/// <list type="bullet">
/// <item><c>max-min</c>: lexicographic max-min fairness of fill ratios (progressive filling): all rise together; a
/// contract stops only when every pool it may use is full and shared only with contracts at its level or below.</item>
/// <item><c>pro-rata</c>: one common fill ratio for every contract of an eligibility component (contracts linked by
/// chip pools they may both use): the highest ratio every member can get. Identically eligible contracts are always
/// in one component. Capacity that only part of a component could use beyond that ratio stays idle.</item>
/// <item><c>weighted</c>: max-min fairness of fill ratio / weight, each fill ratio capped at 1.</item>
/// <item><c>revenue-max</c>: maximum revenue (price times MW), by filling contracts in descending order of price;
/// equal prices share by max-min. Not neutral.</item>
/// <item><c>favour-stakes</c>: contracts of tenants with a stake (an investment with a positive amount or ownership)
/// first, then the rest; max-min within each. A what-if for the audit to catch.</item>
/// </list>
/// <para>
/// Hard constraints: commitments, chip pool capacity (hence site capacity), eligibility (region and chip), and
/// dedicated-hall isolation. A month where isolation would change the fair shares is planned to the lexicographic
/// optimum under isolation, hall by hall (see <see cref="Plan.HallAllocations"/>).
/// </para>
/// </remarks>
public interface IPlanner
{
    /// <summary>Plans every month of <paramref name="book"/>'s horizon under <paramref name="policy"/>.</summary>
    /// <exception cref="PlanningException">Under <c>weighted</c>, a contract's weight is not positive.</exception>
    Plan Allocate(Book book, AllocationPolicy policy);
}
