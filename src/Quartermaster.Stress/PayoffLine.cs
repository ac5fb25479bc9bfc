namespace Quartermaster.Stress;

/// <summary>The lines a payoff is given on: the operating book, the stakes, and the two together.</summary>
public enum PayoffLine
{
    /// <summary>The contracts: NPV of revenue less opex and capex.</summary>
    Operating,

    /// <summary>The equity stakes: discounted value at the horizon less the investments, each discounted from its month.</summary>
    Stakes,

    /// <summary>Operating plus stakes.</summary>
    Total,
}
