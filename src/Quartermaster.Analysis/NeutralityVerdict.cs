using Quartermaster.Core;
using Quartermaster.Planning;

namespace Quartermaster.Analysis;

/// <summary>The neutrality audit's checks (identity blindness and spread) of the book before and after the proposal, under the book's policy.</summary>
/// <param name="OldPassed">True when the book passes today.</param>
/// <param name="NewPassed">True when the book with the proposal signed passes.</param>
/// <param name="Checks">The checks of the book with the proposal signed.</param>
public sealed record NeutralityVerdict(bool OldPassed, bool NewPassed, ValueList<AuditCheck> Checks)
{
    /// <summary>"still passes", "now passes", "now fails" or "still fails".</summary>
    public string Summary => (OldPassed, NewPassed) switch
    {
        (true, true) => "still passes",
        (false, true) => "now passes",
        (true, false) => "now fails",
        _ => "still fails",
    };
}
