using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using System.Text;

namespace Quartermaster.Cli.Commands;

/// <summary>
/// Options whose values are numbers or one of a few words. Each parses its own value, so a value that does
/// not parse or is out of range is a usage error naming the option and what it expects
/// (<c>--sites expects a whole number from 1 to 100000; got 'ten'</c>), never an exception.
/// </summary>
internal static class TypedOptions
{
    /// <summary>A whole number from <paramref name="min"/> to <paramref name="max"/>, <paramref name="defaultValue"/> when absent.</summary>
    public static Option<int> WholeNumber(string name, string description, int min, int max, int defaultValue) =>
        new(name) { Description = description, DefaultValueFactory = _ => defaultValue, CustomParser = r => ParseWholeNumber(r, name, min, max) ?? default };

    /// <summary>A whole number from <paramref name="min"/> to <paramref name="max"/>, null when absent.</summary>
    public static Option<int?> OptionalWholeNumber(string name, string description, int min, int max) =>
        new(name) { Description = description, CustomParser = r => ParseWholeNumber(r, name, min, max) };

    /// <summary>A seed: any whole number from 0 to 2^64 - 1, <paramref name="defaultValue"/> when absent.</summary>
    public static Option<ulong> Seed(string name, string description, ulong defaultValue) =>
        new(name) { Description = description, DefaultValueFactory = _ => defaultValue, CustomParser = r => ParseSeed(r, name) ?? default };

    /// <summary>A seed: any whole number from 0 to 2^64 - 1, null when absent.</summary>
    public static Option<ulong?> OptionalSeed(string name, string description) =>
        new(name) { Description = description, CustomParser = r => ParseSeed(r, name) };

    /// <summary>A finite number in (<paramref name="min"/>, <paramref name="max"/>] when <paramref name="aboveMin"/>, else in [min, max].</summary>
    public static Option<double> Number(string name, string description, double defaultValue, double min, double max, bool aboveMin = false) =>
        new(name)
        {
            Description = description,
            DefaultValueFactory = _ => defaultValue,
            CustomParser = r =>
            {
                var token = Token(r);
                if (double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value)
                    && (aboveMin ? value > min : value >= min) && value <= max)
                {
                    return value;
                }
                var range = aboveMin ? $"above {Show(min)} and at most {Show(max)}" : $"from {Show(min)} to {Show(max)}";
                r.AddError($"{name} expects a number {range}; got {Quote(token)}");
                return default;
            },
        };

    /// <summary>One of <paramref name="values"/> (exactly as written), null when absent; a near miss gets a suggestion.</summary>
    public static Option<string?> OneOf(string name, string description, IReadOnlyList<string> values) =>
        WithChoices(new Option<string?>(name) { Description = description, CustomParser = r => ParseChoice(r, name, values) }, values);

    /// <summary>One of <paramref name="values"/> (exactly as written), <paramref name="defaultValue"/> when absent.</summary>
    public static Option<string> OneOf(string name, string description, IReadOnlyList<string> values, string defaultValue) =>
        WithChoices(new Option<string>(name) { Description = description, DefaultValueFactory = _ => defaultValue, CustomParser = r => ParseChoice(r, name, values) ?? defaultValue }, values);

    /// <summary>A value as it may be shown in a one-line message: quoted, control characters escaped, long values cut.</summary>
    public static string Quote(string? value)
    {
        if (value is null)
        {
            return "nothing";
        }
        var shown = new StringBuilder("'");
        foreach (var c in value.Length > 40 ? value[..40] : value)
        {
            shown.Append(char.IsControl(c) ? $"\\u{(int)c:x4}" : c.ToString());
        }
        return shown.Append(value.Length > 40 ? "...'" : "'").ToString();
    }

    private static T WithChoices<T>(T option, IReadOnlyList<string> values) where T : Option
    {
        option.CompletionSources.Add([.. values]);
        option.HelpName = string.Join('|', values);
        return option;
    }

    private static int? ParseWholeNumber(ArgumentResult result, string name, int min, int max)
    {
        var token = Token(result);
        if (int.TryParse(token, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
        {
            return value;
        }
        result.AddError($"{name} expects a whole number from {min} to {max}; got {Quote(token)}");
        return null;
    }

    private static ulong? ParseSeed(ArgumentResult result, string name)
    {
        var token = Token(result);
        if (ulong.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }
        result.AddError($"{name} expects a whole number from 0 to {ulong.MaxValue}; got {Quote(token)}");
        return null;
    }

    private static string? ParseChoice(ArgumentResult result, string name, IReadOnlyList<string> values)
    {
        var token = Token(result);
        if (token is not null && values.Contains(token, StringComparer.Ordinal))
        {
            return token;
        }
        var suggestion = token is null ? null : Books.Suggestions.Closest(token, values);
        result.AddError($"{name} expects one of {string.Join(", ", values)}; got {Quote(token)}" + (suggestion is null ? "" : $" (did you mean '{suggestion}'?)"));
        return null;
    }

    // The parser asks for exactly one token; it reports a missing value itself, naming the option.
    private static string? Token(ArgumentResult result) => result.Tokens.Count == 1 ? result.Tokens[0].Value : null;

    private static string Show(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}
