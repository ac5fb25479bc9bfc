using Quartermaster.Core;
using Quartermaster.Storage;

namespace Quartermaster.Server;

/// <summary>A stored plan with every fill row.</summary>
/// <param name="Plan">The plan's header.</param>
/// <param name="Fills">Committed and allocated MW per contract and month.</param>
public sealed record PlanView(PlanSummary Plan, IReadOnlyList<ContractFill> Fills);
