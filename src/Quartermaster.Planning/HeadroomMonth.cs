namespace Quartermaster.Planning;

/// <summary>The headroom of a proposed contract in one month of its term.</summary>
/// <param name="Month">The month.</param>
/// <param name="CommittedMw">MW the proposed contract commits that month (above 0).</param>
/// <param name="HeadroomMw">
/// The largest MW it can have that month while every existing contract keeps the MW its plan gives it, at most
/// <paramref name="CommittedMw"/>: exact by max-flow on the month's network.
/// </param>
/// <param name="IsolationApplies">
/// True when a dedicated-hall contract and a rival both take part that month: halls are then placed by an integer
/// program, which a flow network does not capture, so the headroom is an upper bound there.
/// </param>
public sealed record HeadroomMonth(Month Month, double CommittedMw, double HeadroomMw, bool IsolationApplies)
{
    /// <summary>Headroom over commitment, in [0, 1].</summary>
    public double Fraction => CommittedMw > 0 ? Math.Clamp(HeadroomMw / CommittedMw, 0, 1) : 1;

    /// <summary>True when the whole commitment fits.</summary>
    public bool FitsInFull => HeadroomMw >= CommittedMw;
}
