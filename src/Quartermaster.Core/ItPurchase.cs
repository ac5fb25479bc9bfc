namespace Quartermaster.Core;

/// <summary>When the provider buys the IT equipment (accelerators, servers, network) of its sites.</summary>
public enum ItPurchase
{
    /// <summary>For every MW as it comes online, and again at each refresh (book word <c>with-capacity</c>).</summary>
    WithCapacity,

    /// <summary>
    /// Only for the MW the plan gives contracts, as they ramp, and at each refresh only for what contracts then use
    /// (book word <c>with-contracts</c>); idle shells get no chips.
    /// </summary>
    WithContracts,
}
