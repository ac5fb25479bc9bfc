namespace Quartermaster.Planning;

/// <summary>
/// The production planner: per month, progressive filling by parametric max-flow on pool classes
/// (<see cref="ProgressiveFilling"/>), then routing onto classes and pools that keeps contracts where they
/// were last month and prefers lower opex. It remembers its last plan month by month, so re-planning a
/// changed book recomputes only what the change reaches.
/// </summary>
/// <remarks>
/// A month's fair MW are reused when its fairness inputs are equal (contracts, commitments, eligibility,
/// weights, tiers, class capacities). Its rows are reused when, in addition, the layout of contracts and
/// sites, the pool capacities and last month's placement are equal, since placement follows last month.
/// Months where a dedicated-hall contract and a rival both get MW are placed hall by hall by an exact second stage
/// (<see cref="HallIsolation"/>); where isolation would change the fair shares, that month alone is planned by
/// progressive filling over isolated placements (mixed-integer programs), the others stay on the flow planner.
/// Not thread-safe: one instance per caller. Months are solved in parallel internally.
/// </remarks>
public sealed class FlowPlanner : IPlanner
{
    private Memory? _memory;

    /// <summary>Months of the last <see cref="Allocate"/> whose fair MW were reused from the plan before.</summary>
    public int MonthsReused { get; private set; }

    /// <summary>Months of the last <see cref="Allocate"/> whose rows (placement included) were reused from the plan before.</summary>
    public int MonthsReusedWhole { get; private set; }

    /// <inheritdoc/>
    public Plan Allocate(Book book, AllocationPolicy policy)
    {
        var model = PlanningModel.Compile(book, policy);
        var months = book.Horizon.Months().ToArray();
        var before = _memory;
        var sameLayout = before is not null && before.Policy == policy && before.Layout == model.Layout;
        var capacities = new double[months.Length][];
        var problems = new FillProblem[months.Length];
        var fair = new double[months.Length][];
        var reused = 0;
        Parallel.For(0, months.Length, t =>
        {
            capacities[t] = new double[model.Pools.Length];
            for (var p = 0; p < model.Pools.Length; p++)
            {
                capacities[t][p] = model.PoolCapacityMw(p, months[t]);
            }
            problems[t] = FillProblem.Of(model, months[t], capacities[t]);
            if (before is not null && before.Months.TryGetValue(months[t], out var old) && old.Problem.SameInputs(problems[t]))
            {
                fair[t] = old.Fair;
                Interlocked.Increment(ref reused);
            }
            else
            {
                fair[t] = ProgressiveFilling.Solve(problems[t]);
            }
        });

        var poolRefs = PlanBuilder.PoolRefs(model);
        var memory = new Memory(policy, model.Layout);
        var allocations = new MonthAllocation[months.Length];
        var rows = new MonthRows?[months.Length];
        var previous = LastMonth.None(model.Contracts.Length);
        // Whether last month's placement equals the remembered one (at the start: whether both lack a month before).
        var previousSame = sameLayout && !before!.Months.ContainsKey(months[0].Plus(-1));
        var whole = 0;
        for (var t = 0; t < months.Length; t++)
        {
            // Placement chains month to month (stay where you were), so this loop is sequential.
            MonthMemory? old = null;
            var canReuse = sameLayout && previousSame && before!.Months.TryGetValue(months[t], out old)
                && ReferenceEquals(old.Fair, fair[t]) && old.Allocation.PoolCapacity.AsSpan().SequenceEqual(capacities[t]);
            if (canReuse)
            {
                allocations[t] = old!.Allocation;
                rows[t] = old.Rows;
                whole++;
            }
            else
            {
                allocations[t] = Place(model, problems[t], fair[t], capacities[t], months[t], previous);
                old = null;
                previousSame = sameLayout && before!.Months.TryGetValue(months[t], out old) && old.Allocation.Pools.SequenceEqual(allocations[t].Pools);
            }
            previous = new LastMonth(allocations[t], model.Contracts.Length);
        }
        // Rows depend only on their month's placement, so they are built in parallel.
        Parallel.For(0, months.Length, t => rows[t] ??= PlanBuilder.BuildMonth(model, allocations[t], poolRefs));
        for (var t = 0; t < months.Length; t++)
        {
            memory.Months[months[t]] = new MonthMemory(problems[t], fair[t], allocations[t], rows[t]!);
        }
        _memory = memory;
        MonthsReused = reused;
        MonthsReusedWhole = whole;
        return PlanBuilder.Assemble(policy, rows!);
    }

    private static MonthAllocation Place(PlanningModel model, FillProblem problem, double[] fair, double[] capacity, Month month, LastMonth previous)
    {
        if (HallIsolation.Applies(model, problem, fair))
        {
            return HallIsolation.PlanMonth(model, problem, fair, capacity, month, rest => FlowPlacement.Place(model, problem, rest, capacity, month, previous));
        }
        return FlowPlacement.Place(model, problem, fair, capacity, month, previous);
    }

    private sealed record Memory(AllocationPolicy Policy, string Layout)
    {
        public Dictionary<Month, MonthMemory> Months { get; } = [];
    }

    private sealed record MonthMemory(FillProblem Problem, double[] Fair, MonthAllocation Allocation, MonthRows Rows);
}
