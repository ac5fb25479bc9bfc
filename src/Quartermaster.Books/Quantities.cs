using System.Globalization;
using System.Text.RegularExpressions;
using Quartermaster.Core;

namespace Quartermaster.Books;

/// <summary>
/// Parses and formats the quantities of the book format: <c>500 MW</c>, <c>2 GW</c>, <c>$25B</c>,
/// <c>$1.2M</c>, <c>$3.1M/MW</c>, <c>$45K/MW-month</c>, <c>12%</c>, <c>8%/yr</c>, <c>0.5%/month</c>.
/// Parsing is strict: the unit must be one of those shown, spelled as shown. Formatting is exact:
/// the text written for a value parses back to the identical double, which makes books round-trip.
/// </summary>
public static partial class Quantities
{
    private const string Number = @"(?<num>-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?)";

    [GeneratedRegex("^" + Number + " ?(?<unit>MW|GW)$", RegexOptions.CultureInvariant)]
    private static partial Regex PowerPattern();

    [GeneratedRegex(@"^(?<sign>-?)\$" + @"(?<num>\d+(?:\.\d+)?(?:[eE][-+]?\d+)?)" + "(?<suffix>[KMBT]?)(?<per>(?:/MW(?:-month)?)?)$", RegexOptions.CultureInvariant)]
    private static partial Regex MoneyPattern();

    [GeneratedRegex("^" + Number + "%(?<per>(?:/yr|/month)?)$", RegexOptions.CultureInvariant)]
    private static partial Regex PercentPattern();

    [GeneratedRegex("^" + Number + "$", RegexOptions.CultureInvariant)]
    private static partial Regex NumberPattern();

    /// <summary>Money suffixes and the powers of ten they stand for.</summary>
    private static readonly (string Suffix, int Places)[] MoneySuffixes =
        [("T", 12), ("B", 9), ("M", 6), ("K", 3), ("", 0)];

    /// <summary>What a power looks like, for error messages.</summary>
    public const string PowerForm = "a power like '500 MW' or '2 GW'";

    /// <summary>What an amount of money looks like, for error messages.</summary>
    public const string MoneyForm = "an amount like '$25B', '$1.2M' or '$800K'";

    /// <summary>What a percentage looks like, for error messages.</summary>
    public const string PercentForm = "a percentage like '12%'";

    /// <summary>What a rate looks like, for error messages.</summary>
    public const string RateForm = "a rate like '8%/yr' or '0.5%/month'";

    /// <summary>What a plain number looks like, for error messages.</summary>
    public const string NumberForm = "a number like '1.5'";

    /// <summary>Parses a power into MW. <c>GW</c> multiplies by 1000.</summary>
    public static bool TryParsePower(string text, out double mw)
    {
        mw = 0;
        var match = PowerPattern().Match(text);
        if (!match.Success || !TryParseNumberText(match.Groups["num"].Value, out var value))
        {
            return false;
        }
        mw = match.Groups["unit"].Value == "GW" ? Shifted(match.Groups["num"].Value, 3) : value;
        return true;
    }

    /// <summary>
    /// Parses money in US dollars, with <paramref name="per"/> the required rate unit:
    /// "" for an amount, "/MW" for capital cost, "/MW-month" for prices and opex.
    /// </summary>
    public static bool TryParseMoney(string text, string per, out double usd)
    {
        usd = 0;
        var match = MoneyPattern().Match(text);
        if (!match.Success || match.Groups["per"].Value != per || !TryParseNumberText(match.Groups["num"].Value, out var value))
        {
            return false;
        }
        var places = MoneySuffixes.First(s => s.Suffix == match.Groups["suffix"].Value).Places;
        usd = Shifted(match.Groups["num"].Value, places) * (match.Groups["sign"].Value == "-" ? -1 : 1);
        return true;
    }

    /// <summary>Parses a plain percentage (<c>12%</c>) into a fraction (0.12).</summary>
    public static bool TryParsePercent(string text, out double fraction)
    {
        fraction = 0;
        var match = PercentPattern().Match(text);
        if (!match.Success || match.Groups["per"].Value.Length > 0 || !TryParseNumberText(match.Groups["num"].Value, out var points))
        {
            return false;
        }
        fraction = Shifted(match.Groups["num"].Value, -2);
        return true;
    }

    /// <summary>Parses a rate (<c>8%/yr</c>, <c>0.5%/month</c>).</summary>
    public static bool TryParseRate(string text, out Rate rate)
    {
        rate = default;
        var match = PercentPattern().Match(text);
        if (!match.Success || match.Groups["per"].Value.Length == 0 || !TryParseNumberText(match.Groups["num"].Value, out var points))
        {
            return false;
        }
        rate = new Rate(Shifted(match.Groups["num"].Value, -2), match.Groups["per"].Value == "/yr" ? RatePeriod.Year : RatePeriod.Month);
        return true;
    }

    /// <summary>Parses a plain, finite decimal number.</summary>
    public static bool TryParseNumber(string text, out double value)
    {
        value = 0;
        return NumberPattern().IsMatch(text) && TryParseNumberText(text, out value);
    }

    private static bool TryParseNumberText(string text, out double value) =>
        double.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out value)
        && double.IsFinite(value);

    /// <summary>Formats MW as <c>N GW</c> from 1 GW up, else <c>N MW</c>.</summary>
    public static string FormatPower(double mw) =>
        Math.Abs(mw) >= 1000 ? Shift(FormatNumber(mw), -3) + " GW" : FormatNumber(mw) + " MW";

    /// <summary>Formats dollars with the largest of T, B, M, K not above the amount, then <paramref name="per"/>.</summary>
    public static string FormatMoney(double usd, string per = "")
    {
        var magnitude = Math.Abs(usd);
        var (suffix, places) = MoneySuffixes.First(s => magnitude >= Math.Pow(10, s.Places) || s.Places == 0);
        return $"{(usd < 0 ? "-" : "")}${Shift(FormatNumber(magnitude), -places)}{suffix}{per}";
    }

    /// <summary>
    /// Formats dollars for people, to three significant figures with the largest fitting suffix
    /// (<c>$1.01T</c>, <c>$58.2B</c>, <c>-$3.6M</c>); not for books, where <see cref="FormatMoney"/> is exact.
    /// </summary>
    public static string FormatMoneyRounded(double usd) => PeopleText.Money(usd);

    /// <summary>Formats a fraction as a percentage (0.12 as <c>12%</c>).</summary>
    public static string FormatPercent(double fraction) => Shift(FormatNumber(fraction), 2) + "%";

    /// <summary>Formats a rate as <c>N%/yr</c> or <c>N%/month</c>.</summary>
    public static string FormatRate(Rate rate) =>
        Shift(FormatNumber(rate.Fraction), 2) + (rate.Period == RatePeriod.Year ? "%/yr" : "%/month");

    /// <summary>
    /// The double nearest to the decimal <paramref name="number"/> times 10^<paramref name="places"/>.
    /// Units are applied by moving the decimal point in the text, then rounding once, so "6.5%" is the
    /// double nearest 0.065 exactly as "0.065" would be; multiplying 6.5 by 0.01 could land an ulp away.
    /// </summary>
    private static double Shifted(string number, int places) => double.Parse(Shift(number, places), CultureInfo.InvariantCulture);

    /// <summary>
    /// Moves the decimal point of a number written in decimal (optionally with an exponent) by
    /// <paramref name="places"/> to the right, exactly, by editing the text. Formatting with the shortest
    /// round-trip text and shifting makes every unit form parse back to the identical double.
    /// </summary>
    internal static string Shift(string number, int places)
    {
        var e = number.IndexOfAny(['e', 'E']);
        if (e >= 0)
        {
            var exponent = int.Parse(number.AsSpan(e + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture) + places;
            return Shift(number[..e], exponent);
        }
        var negative = number.StartsWith('-');
        var unsigned = negative ? number[1..] : number;
        var point = unsigned.IndexOf('.', StringComparison.Ordinal);
        var digits = point < 0 ? unsigned : unsigned.Remove(point, 1);
        var position = (point < 0 ? unsigned.Length : point) + places;
        if (position <= 0)
        {
            digits = new string('0', 1 - position) + digits;
            position = 1;
        }
        else if (position > digits.Length)
        {
            digits += new string('0', position - digits.Length);
        }
        var whole = digits[..position].TrimStart('0');
        var fraction = digits[position..].TrimEnd('0');
        var text = (whole.Length == 0 ? "0" : whole) + (fraction.Length == 0 ? "" : "." + fraction);
        return negative && text != "0" ? "-" + text : text;
    }

    /// <summary>Formats a number in its shortest round-trip form.</summary>
    public static string FormatNumber(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
