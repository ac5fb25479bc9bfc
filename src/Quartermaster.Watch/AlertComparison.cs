namespace Quartermaster.Watch;

/// <summary>How an alert rule compares a measured value with its threshold.</summary>
public enum AlertComparison
{
    /// <summary><c>&gt;</c></summary>
    Above,

    /// <summary><c>&gt;=</c></summary>
    AtLeast,

    /// <summary><c>&lt;</c></summary>
    Below,

    /// <summary><c>&lt;=</c></summary>
    AtMost,
}
