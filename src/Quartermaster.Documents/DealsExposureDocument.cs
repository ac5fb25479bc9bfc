using System.Text.Json.Serialization;
using Quartermaster.Watch;

namespace Quartermaster.Documents;

/// <summary>
/// <c>qm deals exposure --json</c>: for each provider its shares of GW and dollars by lab, for each lab its shares by
/// provider, its clouds and its backers. GW count supply deals; dollars count every deal, equity included.
/// </summary>
/// <param name="Providers">Per provider, by name.</param>
/// <param name="Labs">Per lab, by name.</param>
public sealed record DealsExposureDocument(IReadOnlyList<ProviderExposure> Providers, IReadOnlyList<LabExposure> Labs) : IDocument
{
    /// <summary>The current shape's version.</summary>
    public const int Version = 1;

    /// <inheritdoc/>
    [JsonPropertyOrder(-1)]
    public int SchemaVersion => Version;

    /// <summary>The document of <paramref name="exposure"/>.</summary>
    public static DealsExposureDocument Of(MarketExposure exposure)
    {
        ArgumentNullException.ThrowIfNull(exposure);
        return new(exposure.Providers, exposure.Labs);
    }
}
