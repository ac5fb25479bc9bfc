namespace Quartermaster.Core;

/// <summary>Why a contract-month is served below its commitment.</summary>
public enum ShortfallReason
{
    /// <summary>
    /// A min cut binds it (<c>capacity</c>): every pool of <see cref="Shortfall.SaturatedPools"/> is full, and those
    /// pools serve only contracts that may not use any other capacity with room, so no contract can get more there
    /// without another one getting less.
    /// </summary>
    Capacity,

    /// <summary>
    /// A min cut binds it, and part of the capacity in the cut went first to contracts of a higher priority tier
    /// (<c>lower-tier</c>: <c>revenue-max</c> or <c>favour-stakes</c>).
    /// </summary>
    LowerTier,

    /// <summary>
    /// Capacity it may use has room, but <c>pro-rata</c> holds it to the common fill ratio of its eligibility component
    /// (<c>common-ratio</c>); <see cref="Shortfall.SaturatedPools"/> are then the full pools of the component, which set
    /// that ratio, not a cut.
    /// </summary>
    CommonRatio,

    /// <summary>
    /// Capacity it may use has room, but only in halls that dedicated-hall isolation keeps apart from it
    /// (<c>hall-isolation</c>); <see cref="Shortfall.SaturatedPools"/> are the full pools it may use.
    /// </summary>
    HallIsolation,

    /// <summary>No chip pool the contract may use has capacity online that month (<c>no-eligible-capacity</c>).</summary>
    NoEligibleCapacity,
}
