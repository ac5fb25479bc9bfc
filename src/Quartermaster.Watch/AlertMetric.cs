namespace Quartermaster.Watch;

/// <summary>What an alert rule measures (docs/deals.md lists the words of each).</summary>
public enum AlertMetric
{
    /// <summary><c>committed</c>: GW or dollars (by the threshold's unit) of a provider's or lab's deals, optionally within a window of months.</summary>
    Committed,

    /// <summary><c>top-lab share</c>: a provider's largest lab's share of its GW or of its dollars (fires when either crosses).</summary>
    TopLabShare,

    /// <summary><c>top-lab gw share</c>: a provider's largest lab's share of its GW.</summary>
    TopLabGwShare,

    /// <summary><c>top-lab usd share</c>: a provider's largest lab's share of its dollars.</summary>
    TopLabUsdShare,

    /// <summary><c>labs</c>: how many labs a provider has deals with.</summary>
    Labs,

    /// <summary><c>providers</c> or <c>clouds</c>: how many providers supply a lab (supply deals, not equity).</summary>
    Providers,

    /// <summary><c>backers</c>: how many providers hold equity in a lab.</summary>
    Backers,
}
