namespace Quartermaster.Watch;

/// <summary>
/// How concentrated one measure (GW or dollars) is across counterparties: the Herfindahl-Hirschman index
/// (sum of squared shares, as a fraction: 1 when one counterparty has everything, 1/n for n equal ones)
/// and the largest counterparty's share. Null figures when the total is 0 (nothing stated).
/// </summary>
/// <param name="Total">The sum of the measure over counterparties.</param>
/// <param name="Hhi">The HHI in (0, 1], or null when <paramref name="Total"/> is 0.</param>
/// <param name="Top">The counterparty with the largest value (the first by name on a tie), or null when the total is 0.</param>
/// <param name="TopShare">The top counterparty's share in (0, 1], or null when the total is 0.</param>
public sealed record Concentration(double Total, double? Hhi, string? Top, double? TopShare)
{
    /// <summary>The concentration of <paramref name="values"/> (name and non-negative value).</summary>
    public static Concentration Of(IEnumerable<(string Name, double Value)> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var list = values.ToList();
        var total = list.Sum(v => v.Value);
        if (total <= 0)
        {
            return new Concentration(0, null, null, null);
        }
        var hhi = list.Sum(v => (v.Value / total) * (v.Value / total));
        var top = list.OrderByDescending(v => v.Value).ThenBy(v => v.Name, StringComparer.Ordinal).First();
        return new Concentration(total, hhi, top.Name, top.Value / total);
    }
}
