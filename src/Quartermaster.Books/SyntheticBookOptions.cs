namespace Quartermaster.Books;

/// <summary>The size and shape of a synthetic book from <see cref="SyntheticBooks"/>.</summary>
/// <param name="Sites">Number of sites (at least 1).</param>
/// <param name="Tenants">Number of tenants (at least 1).</param>
/// <param name="Contracts">Number of contracts (at least 1).</param>
/// <param name="Months">Months in the horizon, starting 2026-01 (at least 1).</param>
/// <param name="Seed">Seed; the same options always give the same book.</param>
/// <param name="Shortage">Committed / online, in MW-months summed over the horizon: 1.3 means 30% more is promised than built. (A contract is capped at <see cref="BookLimits.MaxMw"/>, so a tiny book asked for a huge shortage gets less.)</param>
/// <param name="DedicatedHallShare">Fraction of contracts that require a dedicated hall (0 to 1). None by default here, so books
/// built in code keep their meaning; <c>qm gen</c> defaults to 0.1.</param>
/// <param name="RandomStressSettings">When true, every stress setting (scenario, tenant risks, IT capex, stakes) is drawn at random
/// over its whole valid range, its edges included, for property tests of the stress engine; when false, the defaults.</param>
public sealed record SyntheticBookOptions(int Sites, int Tenants, int Contracts, int Months, ulong Seed = 1, double Shortage = 1.3, double DedicatedHallShare = 0,
    bool RandomStressSettings = false);
