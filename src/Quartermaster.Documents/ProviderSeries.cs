namespace Quartermaster.Documents;

/// <summary>One provider's cumulative commitments, one value per month of the timeline.</summary>
/// <param name="Name">The provider.</param>
/// <param name="CumulativeGw">GW committed up to and including each month.</param>
/// <param name="CumulativeUsd">US dollars committed up to and including each month, equity included.</param>
public sealed record ProviderSeries(string Name, IReadOnlyList<double> CumulativeGw, IReadOnlyList<double> CumulativeUsd);
