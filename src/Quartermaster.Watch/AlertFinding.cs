using Quartermaster.Core;

namespace Quartermaster.Watch;

/// <summary>A rule crossed by one provider or lab, with the deals that crossed it.</summary>
/// <param name="Rule">The rule's name.</param>
/// <param name="Subject">The provider or lab that crossed it.</param>
/// <param name="Value">The measured value, in <paramref name="Unit"/>.</param>
/// <param name="Unit">The unit of <paramref name="Value"/> (GW, dollars, a fraction, a count).</param>
/// <param name="WindowStart">For a windowed rule, the first month of the window that crossed; else null.</param>
/// <param name="WindowEnd">For a windowed rule, the last month of that window; else null.</param>
/// <param name="DealIds">The deals behind the value, in file order.</param>
/// <param name="Message">One line saying what crossed, for people.</param>
public sealed record AlertFinding(
    string Rule,
    string Subject,
    double Value,
    AlertUnit Unit,
    Month? WindowStart,
    Month? WindowEnd,
    IReadOnlyList<string> DealIds,
    string Message);
