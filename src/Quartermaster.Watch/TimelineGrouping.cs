namespace Quartermaster.Watch;

/// <summary>What each series of a <see cref="DealTimeline"/> follows.</summary>
public enum TimelineGrouping
{
    /// <summary>One series per provider: what each provider has committed.</summary>
    Provider,

    /// <summary>One series per lab: what each lab has been promised.</summary>
    Lab,
}
