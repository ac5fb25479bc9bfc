namespace Quartermaster.Stress;

/// <summary>The raw counts of a fan sketch, so a chunk of a run computed elsewhere can carry them and be merged.</summary>
internal sealed partial class FanSketch
{
    /// <summary>The counts, laid out (series, month, bin); read-only by convention.</summary>
    public ReadOnlySpan<int> Counts => _counts;

    /// <summary>Adds counts taken from <see cref="Counts"/> of a sketch of the same model.</summary>
    /// <exception cref="ArgumentException">The counts are not laid out for this model.</exception>
    public void AddCounts(ReadOnlySpan<int> counts)
    {
        if (counts.Length != _counts.Length)
        {
            throw new ArgumentException($"{counts.Length} fan counts for a sketch of {_counts.Length}", nameof(counts));
        }
        for (var i = 0; i < _counts.Length; i++)
        {
            _counts[i] += counts[i];
        }
    }
}
