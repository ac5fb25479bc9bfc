namespace Quartermaster.Analysis;

/// <summary>A provider-level alert rule (DESIGN's Watch rules) evaluated on the book before and after the proposal.</summary>
/// <param name="Rule">The rule as written, such as <c>top tenant share &gt; 50%</c>.</param>
/// <param name="OldValue">The measured value today (a share, or a ratio of MW).</param>
/// <param name="NewValue">The measured value with the proposal signed.</param>
/// <param name="OldCrossed">True when the book crosses the rule today.</param>
/// <param name="NewCrossed">True when it crosses it with the proposal signed.</param>
public sealed record BookAlert(string Rule, double OldValue, double NewValue, bool OldCrossed, bool NewCrossed)
{
    /// <summary>True when the proposal makes the book cross a rule it did not cross.</summary>
    public bool NewlyCrossed => NewCrossed && !OldCrossed;
}
