using Quartermaster.Core;

namespace Quartermaster.Stress;

/// <summary>
/// One row of the win-either-way table: the paths that end the horizon with the same leader in every
/// rivalry group and the same sector state, and how the provider fares on them, line by line.
/// </summary>
/// <param name="Leaders">For each group of <see cref="StressResult.RivalryGroups"/>, the id of the tenant with the largest share w at the horizon's end.</param>
/// <param name="Cooled">True when the sector is in the cooling regime in the last month.</param>
/// <param name="Paths">Number of paths with this outcome.</param>
/// <param name="ShareOfPaths">Paths divided by all paths.</param>
/// <param name="Payoff">Mean payoff and chance of loss over these paths, for the operating book, the stakes and the total.</param>
public sealed record WinEitherWayRow(
    ValueList<string> Leaders,
    bool Cooled,
    int Paths,
    double ShareOfPaths,
    PayoffLines<OutcomePayoff> Payoff);
