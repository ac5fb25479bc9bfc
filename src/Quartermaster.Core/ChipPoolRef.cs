namespace Quartermaster.Core;

/// <summary>Names one chip pool: the share of a site's capacity fitted with one chip type.</summary>
/// <param name="SiteId">Id of the site.</param>
/// <param name="Chip">Chip type of the pool.</param>
public sealed record ChipPoolRef(string SiteId, string Chip)
{
    /// <summary>Formats as <c>site/chip</c>.</summary>
    public override string ToString() => $"{SiteId}/{Chip}";
}
