using Quartermaster.Core;

namespace Quartermaster.Books.Yaml;

/// <summary>
/// Reads the fields of one YAML mapping of a book: reports unknown keys (with a suggestion),
/// missing required keys, and values of the wrong kind or unit, each at its own line and column.
/// Every accessor returns null when the value is absent or wrong, so reading goes on and all
/// errors of a file are reported together. Watch reads its rivalries and alert rules files through it too.
/// </summary>
public sealed class MappingReader
{
    private readonly YamlMapping _mapping;
    private readonly string _context;
    private readonly BookErrorList _errors;

    /// <summary>
    /// Starts reading <paramref name="node"/> as a mapping with keys among <paramref name="allowedKeys"/>: adds an error
    /// when it is not a mapping (and then reads as if it were empty), and one for each unknown key, with a suggestion.
    /// <paramref name="context"/> names the mapping in messages ("the book", "a rivalry group").
    /// </summary>
    public MappingReader(YamlNode node, string context, BookErrorList errors, params string[] allowedKeys)
    {
        ArgumentNullException.ThrowIfNull(node);
        ArgumentNullException.ThrowIfNull(errors);
        ArgumentNullException.ThrowIfNull(allowedKeys);
        _context = context;
        _errors = errors;
        if (node is not YamlMapping mapping)
        {
            errors.Add(node, $"{context}: expected a mapping with keys {string.Join(", ", allowedKeys)}, got {node.Kind}");
            _mapping = new YamlMapping([], node.Line, node.Column);
            return;
        }
        _mapping = mapping;
        foreach (var (key, _) in mapping.Entries)
        {
            if (!allowedKeys.Contains(key.Value))
            {
                var suggestion = Suggestions.Closest(key.Value, allowedKeys);
                errors.Add(key, $"unknown key '{key.Value}' in {context}" + (suggestion is null ? "" : $" (did you mean '{suggestion}'?)")
                    + $"; expected one of {string.Join(", ", allowedKeys)}");
            }
        }
    }

    /// <summary>Where the mapping starts, for errors about the mapping as a whole.</summary>
    public YamlNode At => _mapping;

    /// <summary>The node under <paramref name="key"/>, or null (with an error when <paramref name="required"/>).</summary>
    public YamlNode? Node(string key, bool required)
    {
        foreach (var (k, value) in _mapping.Entries)
        {
            if (k.Value == key)
            {
                return value;
            }
        }
        if (required)
        {
            _errors.Add(_mapping, $"missing key '{key}' in {_context}");
        }
        return null;
    }

    /// <summary>A non-empty text value.</summary>
    public string? Text(string key, bool required) => Scalar(key, required, "a text value", s => s.Length > 0 ? s : null);

    /// <summary>An id: letters, digits, '.', '_' or '-', starting with a letter or digit, at most 64 characters.</summary>
    public string? Id(string key, bool required) => Scalar(key, required, Ids.Form, s => Ids.IsValid(s) ? s : null);

    /// <summary>A month <c>YYYY-MM</c>.</summary>
    public Month? Month(string key, bool required) =>
        ScalarValue<Month>(key, required, "a month like '2026-06'", s => Core.Month.TryParse(s, out var m) ? m : null);

    /// <summary>A power in MW, within [0, <paramref name="maxMw"/>].</summary>
    public double? Power(string key, bool required, double maxMw) =>
        Bounded(key, required, Quantities.PowerForm, s => Quantities.TryParsePower(s, out var v) ? v : null, 0, maxMw, Quantities.FormatPower);

    /// <summary>Dollars (with rate unit <paramref name="per"/>), within [0, <paramref name="max"/>].</summary>
    public double? Money(string key, bool required, string per, double max) =>
        Bounded(key, required, MoneyForm(per), s => Quantities.TryParseMoney(s, per, out var v) ? v : null, 0, max, v => Quantities.FormatMoney(v, per));

    /// <summary>A percentage as a fraction, within [<paramref name="min"/>, <paramref name="max"/>].</summary>
    public double? Percent(string key, bool required, double min = 0, double max = 1) =>
        Bounded(key, required, Quantities.PercentForm, s => Quantities.TryParsePercent(s, out var v) ? v : null, min, max, Quantities.FormatPercent);

    /// <summary>A rate whose fraction lies within [<paramref name="min"/>, <paramref name="max"/>].</summary>
    public Rate? Rate(string key, bool required, double min, double max)
    {
        var node = Node(key, required);
        if (node is null)
        {
            return null;
        }
        if (node is not YamlScalar scalar || !Quantities.TryParseRate(scalar.Value, out var rate))
        {
            _errors.Add(node, $"'{key}' in {_context}: expected {Quantities.RateForm}, got {node.Kind}");
            return null;
        }
        if (rate.Fraction < min || rate.Fraction > max)
        {
            _errors.Add(node, $"'{key}' in {_context}: {scalar.Value} is out of range; expected between {Quantities.FormatPercent(min)} and {Quantities.FormatPercent(max)}");
            return null;
        }
        return rate;
    }

    /// <summary>A rate whose yearly equivalent lies within <paramref name="bounds"/>, whatever period the book writes it in.</summary>
    public Rate? Rate(string key, bool required, RateBounds bounds)
    {
        ArgumentNullException.ThrowIfNull(bounds);
        var node = Node(key, required);
        if (node is null)
        {
            return null;
        }
        if (node is not YamlScalar scalar || !Quantities.TryParseRate(scalar.Value, out var rate))
        {
            _errors.Add(node, $"'{key}' in {_context}: expected {Quantities.RateForm}, got {node.Kind}");
            return null;
        }
        if (!bounds.Contains(rate))
        {
            var perYear = bounds.Kind == RateKind.Probability || rate.Period == RatePeriod.Year ? ""
                : $" ({Quantities.FormatNumber(Math.Round(bounds.PerYear(rate) * 100, 2))}%/yr)";
            _errors.Add(node, $"'{key}' in {_context}: {scalar.Value}{perYear} is out of range; expected {bounds.Describe(rate.Period)}");
            return null;
        }
        return rate;
    }

    /// <summary>A plain number within [<paramref name="min"/>, <paramref name="max"/>].</summary>
    public double? Number(string key, bool required, double min, double max) =>
        Bounded(key, required, Quantities.NumberForm, s => Quantities.TryParseNumber(s, out var v) ? v : null, min, max, Quantities.FormatNumber);

    /// <summary>A whole number within [<paramref name="min"/>, <paramref name="max"/>].</summary>
    public long? WholeNumber(string key, bool required, long min, long max)
    {
        var value = Scalar(key, required, "a whole number", s => long.TryParse(s, System.Globalization.NumberStyles.AllowLeadingSign, null, out var v) ? s : null);
        if (value is null)
        {
            return null;
        }
        var number = long.Parse(value, System.Globalization.CultureInfo.InvariantCulture);
        if (number < min || number > max)
        {
            _errors.Add(Node(key, false)!, $"'{key}' in {_context}: {number} is out of range; expected {min} to {max}");
            return null;
        }
        return number;
    }

    /// <summary>A whole number from 0 to 2^64 - 1, such as a seed.</summary>
    public ulong? Seed(string key, bool required) =>
        ScalarValue<ulong>(key, required, "a whole number from 0 to 18446744073709551615",
            s => ulong.TryParse(s, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var v) ? v : null);

    /// <summary>One of the words in <paramref name="choices"/>.</summary>
    public string? Choice(string key, bool required, params string[] choices) =>
        Scalar(key, required, "one of " + string.Join(", ", choices), s => choices.Contains(s) ? s : null);

    /// <summary>A list of ids (<c>[a, b]</c>), non-empty, without repeats.</summary>
    public IReadOnlyList<string>? IdList(string key, bool required) =>
        Texts(key, required, "a non-empty list of ids like [a, b]", 1, Ids.Form, Ids.IsValid, StringComparer.Ordinal);

    /// <summary>
    /// A list of at least <paramref name="minCount"/> non-empty text values (<c>[a b, c]</c>) with no two equal under
    /// <paramref name="comparer"/>; null with an error at the offending item otherwise.
    /// </summary>
    public IReadOnlyList<string>? TextList(string key, bool required, StringComparer comparer, int minCount = 1) =>
        Texts(key, required, $"a list of at least {Math.Max(1, minCount)} text values like [a, b]", Math.Max(1, minCount), "a text value", s => s.Length > 0, comparer);

    /// <summary>A non-empty list (its items unread), or null with an error when it is absent but required, empty or not a list.</summary>
    public YamlSequence? List(string key, bool required) => Sequence(key, required, "a non-empty list (items starting with '- ')", 1);

    private YamlSequence? Sequence(string key, bool required, string form, int minCount)
    {
        var node = Node(key, required);
        if (node is null)
        {
            return null;
        }
        if (node is not YamlSequence list || list.Items.Count < minCount)
        {
            _errors.Add(node, $"'{key}' in {_context}: expected {form}, got {node.Kind}");
            return null;
        }
        return list;
    }

    private List<string>? Texts(string key, bool required, string form, int minCount, string itemForm, Func<string, bool> valid, StringComparer comparer)
    {
        ArgumentNullException.ThrowIfNull(comparer);
        if (Sequence(key, required, form, minCount) is not { } list)
        {
            return null;
        }
        var texts = new List<string>();
        foreach (var item in list.Items)
        {
            if (item is not YamlScalar s || !valid(s.Value))
            {
                _errors.Add(item, $"'{key}' in {_context}: expected {itemForm}, got {item.Kind}");
            }
            else if (texts.Contains(s.Value, comparer))
            {
                _errors.Add(item, $"'{key}' in {_context}: '{s.Value}' is listed twice");
            }
            else
            {
                texts.Add(s.Value);
            }
        }
        return texts.Count == list.Items.Count ? texts : null;
    }

    private static string MoneyForm(string per) => per switch
    {
        "" => Quantities.MoneyForm,
        "/MW" => "a cost per MW like '$11M/MW'",
        _ => "a price per MW-month like '$1.5M/MW-month' or '$40K/MW-month'",
    };

    private double? Bounded(string key, bool required, string form, Func<string, double?> parse, double min, double max, Func<double, string> format)
    {
        var node = Node(key, required);
        var value = ScalarValue(key, required, form, parse);
        if (value is null || node is null)
        {
            return null;
        }
        if (value < min)
        {
            _errors.Add(node, $"'{key}' in {_context}: {((YamlScalar)node).Value} must not be {(min == 0 ? "negative" : "below " + format(min))}");
            return null;
        }
        if (value > max)
        {
            _errors.Add(node, $"'{key}' in {_context}: {((YamlScalar)node).Value} is implausibly large; expected at most {format(max)}");
            return null;
        }
        return value;
    }

    private T? ScalarValue<T>(string key, bool required, string form, Func<string, T?> parse)
        where T : struct
    {
        T? value = null;
        Scalar(key, required, form, s => (value = parse(s)) is null ? null : s);
        return value;
    }

    private string? Scalar(string key, bool required, string form, Func<string, string?> parse)
    {
        var node = Node(key, required);
        if (node is null)
        {
            return null;
        }
        var value = node is YamlScalar scalar ? parse(scalar.Value) : null;
        if (value is null)
        {
            _errors.Add(node, $"'{key}' in {_context}: expected {form}, got {node.Kind}");
        }
        return value;
    }
}
