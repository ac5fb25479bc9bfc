namespace Quartermaster.Watch;

/// <summary>What a publicly reported deal commits; written in the deals file as the words in <see cref="DealTerms"/>.</summary>
public enum DealKind
{
    /// <summary><c>compute-supply</c>: capacity (usually stated in GW) supplied to a lab.</summary>
    ComputeSupply,

    /// <summary><c>chip-supply</c>: accelerators or systems sold to a lab, often stated in GW of deployment.</summary>
    ChipSupply,

    /// <summary><c>equity</c>: money invested in the lab for a stake; counts toward dollars, never toward GW.</summary>
    Equity,

    /// <summary><c>cloud-commitment</c>: dollars the lab commits to spend on the provider's cloud.</summary>
    CloudCommitment,

    /// <summary><c>data-centre</c>: data-centre capacity built or leased for the lab.</summary>
    DataCentre,
}
