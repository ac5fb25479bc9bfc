namespace Quartermaster.Watch;

/// <summary>The words of the deals file for <see cref="DealKind"/> and <see cref="DealConfidence"/>, both ways.</summary>
public static class DealTerms
{
    private static readonly (DealKind Kind, string Word)[] Kinds =
    [
        (DealKind.ComputeSupply, "compute-supply"),
        (DealKind.ChipSupply, "chip-supply"),
        (DealKind.Equity, "equity"),
        (DealKind.CloudCommitment, "cloud-commitment"),
        (DealKind.DataCentre, "data-centre"),
    ];

    private static readonly (DealConfidence Confidence, string Word)[] Confidences =
    [
        (DealConfidence.Announced, "announced"),
        (DealConfidence.Reported, "reported"),
        (DealConfidence.Rumoured, "rumoured"),
    ];

    /// <summary>Every kind word, in file order.</summary>
    public static IReadOnlyList<string> KindWords { get; } = [.. Kinds.Select(k => k.Word)];

    /// <summary>Every confidence word.</summary>
    public static IReadOnlyList<string> ConfidenceWords { get; } = [.. Confidences.Select(c => c.Word)];

    /// <summary>The word for <paramref name="kind"/>, such as <c>compute-supply</c>.</summary>
    public static string Word(this DealKind kind) => Kinds.First(k => k.Kind == kind).Word;

    /// <summary>The word for <paramref name="confidence"/>, such as <c>announced</c>.</summary>
    public static string Word(this DealConfidence confidence) => Confidences.First(c => c.Confidence == confidence).Word;

    /// <summary>Parses a kind word exactly (lower case, hyphenated).</summary>
    public static bool TryParseKind(string word, out DealKind kind)
    {
        foreach (var (k, w) in Kinds)
        {
            if (w == word)
            {
                kind = k;
                return true;
            }
        }
        kind = default;
        return false;
    }

    /// <summary>Parses a confidence word exactly.</summary>
    public static bool TryParseConfidence(string word, out DealConfidence confidence)
    {
        foreach (var (c, w) in Confidences)
        {
            if (w == word)
            {
                confidence = c;
                return true;
            }
        }
        confidence = default;
        return false;
    }
}
