namespace Quartermaster.Watch;

/// <summary>The unit of an alert rule's threshold and of the values it reports.</summary>
public enum AlertUnit
{
    /// <summary>Gigawatts.</summary>
    Gw,

    /// <summary>US dollars.</summary>
    Usd,

    /// <summary>A share as a fraction (0.5 is 50%).</summary>
    Fraction,

    /// <summary>A number of companies.</summary>
    Count,
}
