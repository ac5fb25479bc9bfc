using System.Globalization;

namespace Quartermaster.Core;

/// <summary>
/// Amounts and chances as a board reads them: dollars to three significant figures with the largest fitting
/// suffix (<c>$1.01T</c>, <c>$58.2B</c>), percentages to one decimal: one form for the stress summary, the CLI
/// tables and the report.
/// </summary>
public static class PeopleText
{
    private static readonly (string Suffix, int Places)[] Suffixes = [("T", 12), ("B", 9), ("M", 6), ("K", 3), ("", 0)];

    /// <summary>Dollars to three significant figures, such as <c>$58.2B</c> or <c>-$3.6M</c>.</summary>
    public static string Money(double usd)
    {
        var magnitude = Math.Abs(usd);
        var (suffix, places) = Suffixes.First(s => magnitude >= Math.Pow(10, s.Places) || s.Places == 0);
        var scaled = magnitude / Math.Pow(10, places);
        var digits = scaled >= 100 ? 0 : scaled >= 10 ? 1 : 2;
        var text = Math.Round(scaled, digits).ToString("0.##", CultureInfo.InvariantCulture);
        return $"{(usd < 0 && text != "0" ? "-" : "")}${text}{suffix}";
    }

    /// <summary>The size of an amount without its sign, such as <c>$58.2B</c> for -58.2e9: for sentences that say "loses".</summary>
    public static string Size(double usd) => Money(Math.Abs(usd));

    /// <summary>A fraction as a percentage with one decimal, such as <c>49.1%</c>.</summary>
    public static string Percent(double fraction) => (fraction * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%";

    /// <summary>A yearly rate as a percentage with one decimal and its period, such as <c>12.5%/yr</c>.</summary>
    public static string YearlyRate(double fraction) => (fraction * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%/yr";
}
