namespace Quartermaster.Books;

/// <summary>
/// Bounds beyond which a quantity in a book is taken for a typo (a missing unit, an extra zero) rather
/// than a plan. They are generous: the largest announced campuses are a few GW, the largest deals $300B.
/// </summary>
public static class BookLimits
{
    /// <summary>Largest capacity of one site, or commitment of one contract: 100 GW.</summary>
    public const double MaxMw = 100_000;

    /// <summary>Largest capital cost: $1B per MW.</summary>
    public const double MaxCapexPerMwUsd = 1e9;

    /// <summary>Largest price or opex: $100M per MW-month.</summary>
    public const double MaxPerMwMonthUsd = 1e8;

    /// <summary>Largest amount invested: $10T.</summary>
    public const double MaxAmountUsd = 1e13;

    /// <summary>Largest valuation: $100T.</summary>
    public const double MaxValuationUsd = 1e14;

    /// <summary>Fewest years between IT refreshes.</summary>
    public const double MinRefreshYears = 1;

    /// <summary>Most years between IT refreshes.</summary>
    public const double MaxRefreshYears = 30;

    /// <summary>Shortest depreciable life of a facility.</summary>
    public const double MinFacilityLifeYears = 1;

    /// <summary>Longest depreciable life of a facility: 60 years, beyond the longest building life operators state.</summary>
    public const double MaxFacilityLifeYears = 60;

    /// <summary>Lowest sector ceiling: 1, today's demand (the sector cannot grow at all).</summary>
    public const double MinSectorCeiling = 1;

    /// <summary>Highest sector ceiling: 1000 times today's demand.</summary>
    public const double MaxSectorCeiling = 1000;

    /// <summary>Smallest non-zero initial share of a rivalry group: 0.01% (a share below it is a typo for 0% or a larger figure).</summary>
    public const double MinInitialShare = 1e-4;

    /// <summary>Most halls in one site.</summary>
    public const int MaxHalls = 10_000;

    /// <summary>Longest horizon: 100 years of months.</summary>
    public const int MaxHorizonMonths = 1200;

    /// <summary>
    /// How far a contract's term may reach outside the horizon: 50 years (600 months) before its start or after
    /// its end. Generous for any real lease; a term like 0001-01 to 9999-12 is a typo, refused.
    /// </summary>
    public const int MaxMonthsOutsideHorizon = 600;

    /// <summary>Most stress paths in one run.</summary>
    public const int MaxPaths = 100_000_000;

    /// <summary>Largest book file read: 64 MiB.</summary>
    public const long MaxFileBytes = 64L << 20;
}
