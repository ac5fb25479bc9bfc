using Quartermaster.Core;

namespace Quartermaster.Server;

/// <summary>A month in which a contract got less than committed.</summary>
/// <param name="Month">The month.</param>
/// <param name="CommittedMw">MW committed.</param>
/// <param name="AllocatedMw">MW allocated.</param>
/// <param name="ShortfallMw">Committed minus allocated.</param>
/// <param name="Reason">
/// Why, in words that name no other tenant and give no other contract's figure: what the plan's policy does with the
/// capacity the contract may use when there is not enough of it.
/// </param>
public sealed record ShortfallMonth(Month Month, double CommittedMw, double AllocatedMw, double ShortfallMw, string Reason)
{
    /// <summary>
    /// The reason a tenant is told for a short month under <paramref name="policy"/> (a policy name such as <c>max-min</c>).
    /// It says only what the policy does: the bottleneck itself (which sites, whose contracts) is the provider's to see.
    /// </summary>
    public static string ReasonUnder(string policy) => policy switch
    {
        "pro-rata" => "contracts sharing capacity with yours were all held to one common fill ratio under pro-rata",
        "revenue-max" or "favour-stakes" => $"capacity at the sites your contract may use went first to contracts ranked ahead of it under {policy}",
        _ => $"capacity at the sites your contract may use was fully allocated under {policy}",
    };
}
