namespace Quartermaster.Watch;

/// <summary>How firm the public record of a deal is.</summary>
public enum DealConfidence
{
    /// <summary><c>announced</c>: stated by at least one of the parties.</summary>
    Announced,

    /// <summary><c>reported</c>: reported by the press from sources, not confirmed by the parties.</summary>
    Reported,

    /// <summary><c>rumoured</c>: talks or unconfirmed figures.</summary>
    Rumoured,
}
