namespace Quartermaster.Watch;

/// <summary>The columns of a deals file (docs/deals.md), by the names its header must use.</summary>
public static class DealColumns
{
    /// <summary>Unique id of the deal.</summary>
    public const string Id = "id";

    /// <summary>Announcement date: <c>YYYY-MM-DD</c>, <c>YYYY-MM</c> or <c>YYYY</c>; empty when no source dates it.</summary>
    public const string Announced = "announced";

    /// <summary>The supplying company group.</summary>
    public const string Provider = "provider";

    /// <summary>The lab.</summary>
    public const string Counterparty = "counterparty";

    /// <summary>One of the words of <see cref="DealTerms.KindWords"/>.</summary>
    public const string Kind = "kind";

    /// <summary>Power in GW, a plain number.</summary>
    public const string PowerGw = "power_gw";

    /// <summary>Number of chips, a whole number.</summary>
    public const string ChipCount = "chip_count";

    /// <summary>Chip type, free text.</summary>
    public const string ChipType = "chip_type";

    /// <summary>US dollars, a plain number.</summary>
    public const string AmountUsd = "amount_usd";

    /// <summary>Term in years, a plain number.</summary>
    public const string TermYears = "term_years";

    /// <summary>Exclusivity terms, free text.</summary>
    public const string Exclusivity = "exclusivity";

    /// <summary>Notes, free text.</summary>
    public const string Notes = "notes";

    /// <summary>The source's http(s) address; required.</summary>
    public const string SourceUrl = "source_url";

    /// <summary>The source's headline.</summary>
    public const string SourceTitle = "source_title";

    /// <summary>One of the words of <see cref="DealTerms.ConfidenceWords"/>.</summary>
    public const string Confidence = "confidence";

    /// <summary>Every column, in the order files are written.</summary>
    public static IReadOnlyList<string> All { get; } =
        [Id, Announced, Provider, Counterparty, Kind, PowerGw, ChipCount, ChipType, AmountUsd, TermYears, Exclusivity, Notes, SourceUrl, SourceTitle, Confidence];
}
