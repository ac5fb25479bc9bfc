namespace Quartermaster.Watch;

/// <summary>How much of an announcement date the public record gives.</summary>
public enum DatePrecision
{
    /// <summary>Only the year (<c>2026</c>).</summary>
    Year,

    /// <summary>Year and month (<c>2025-09</c>).</summary>
    Month,

    /// <summary>The full date (<c>2025-09-22</c>).</summary>
    Day,
}
