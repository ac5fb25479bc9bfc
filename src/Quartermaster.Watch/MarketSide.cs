namespace Quartermaster.Watch;

/// <summary>A side of a deal: what a timeline series follows, and what an alert rule is about.</summary>
public enum MarketSide
{
    /// <summary>The provider: the side supplying compute, chips or money.</summary>
    Provider,

    /// <summary>The lab: the counterparty.</summary>
    Lab,
}
