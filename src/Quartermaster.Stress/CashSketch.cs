namespace Quartermaster.Stress;

/// <summary>
/// Fixed-memory histograms of signed amounts (a year's operating cash, the cumulative cash at its end), one per
/// (series, calendar year), from which their percentiles are read. Magnitudes are binned as in
/// <see cref="FanSketch"/> (64 log-linear bins per octave, from 2^-20 to 2^12 times the year's scale), on each
/// side of zero, so a percentile is exact to within 1.6% of its value; magnitudes below the lowest bin read as 0.
/// Counts are integers, so merging workers' sketches in any order gives the same result.
/// </summary>
internal sealed partial class CashSketch
{
    public const int YearCash = 0;
    public const int Cumulative = 1;
    public const int Series = 2;

    private const int SubBucketBits = 6;
    private const int MantissaShift = 52 - SubBucketBits;
    private const int MinExponent = -20;
    private const int MaxExponent = 12;
    private const int Magnitudes = (MaxExponent - MinExponent) << SubBucketBits; // log bins on each side
    private const int Zero = Magnitudes + 1; // bins: overflow below, negatives by falling magnitude, zero, positives, overflow above
    private const int Bins = (2 * Magnitudes) + 3;
    private static readonly long FirstBucket = BitConverter.DoubleToInt64Bits(Math.ScaleB(1, MinExponent)) >> MantissaShift;
    private static readonly double MinRelative = Math.ScaleB(1, MinExponent);
    private static readonly double MaxRelative = Math.ScaleB(1, MaxExponent);

    private readonly int _years;
    private readonly double[] _scale;
    private readonly double[] _inverseScale;
    private readonly int[] _counts;

    /// <summary>Creates empty sketches for <paramref name="scale"/>.Length years, year y read at <paramref name="scale"/>[y].</summary>
    public CashSketch(double[] scale)
    {
        _years = scale.Length;
        _scale = scale;
        _inverseScale = [.. scale.Select(s => 1 / s)];
        _counts = new int[Series * _years * Bins];
    }

    /// <summary>Counts one path's amounts: <paramref name="yearCash"/>[y] and <paramref name="cumulative"/>[y] for every year.</summary>
    public void AddPath(double[] yearCash, double[] cumulative)
    {
        for (var y = 0; y < _years; y++)
        {
            _counts[(((YearCash * _years) + y) * Bins) + Bin(yearCash[y] * _inverseScale[y])]++;
            _counts[(((Cumulative * _years) + y) * Bins) + Bin(cumulative[y] * _inverseScale[y])]++;
        }
    }

    /// <summary>Adds the counts of <paramref name="other"/> (built for the same model) to these.</summary>
    public void Merge(CashSketch other)
    {
        for (var i = 0; i < _counts.Length; i++)
        {
            _counts[i] += other._counts[i];
        }
    }

    // The bin of an amount divided by its year's scale, in increasing order of amount.
    private static int Bin(double relative)
    {
        var magnitude = Math.Abs(relative);
        if (!(magnitude >= MinRelative))
        {
            return Zero; // NaN never reaches here; it would be counted as zero rather than lost
        }
        var m = magnitude >= MaxRelative ? Magnitudes + 1 : (int)((BitConverter.DoubleToInt64Bits(magnitude) >> MantissaShift) - FirstBucket) + 1;
        return relative < 0 ? Zero - m : Zero + m;
    }

    /// <summary>The <paramref name="q"/>-quantile (0 to 1) of <paramref name="series"/> in year <paramref name="year"/>, interpolated within its bin.</summary>
    public double Quantile(int series, int year, double q)
    {
        var counts = _counts.AsSpan(((series * _years) + year) * Bins, Bins);
        long total = 0;
        foreach (var count in counts)
        {
            total += count;
        }
        if (total == 0)
        {
            return 0;
        }
        var rank = q * total;
        long before = 0;
        for (var bin = 0; bin < Bins; bin++)
        {
            if (counts[bin] > 0 && before + counts[bin] >= rank)
            {
                var within = Math.Clamp((rank - before) / counts[bin], 0, 1);
                return Value(bin, within) * _scale[year];
            }
            before += counts[bin];
        }
        return MaxRelative * _scale[year];
    }

    // The relative amount a fraction `within` of the way through bin `bin`, from its lower to its upper edge.
    private static double Value(int bin, double within)
    {
        if (bin == Zero)
        {
            return 0;
        }
        var m = Math.Abs(bin - Zero);
        if (m == Magnitudes + 1)
        {
            return bin < Zero ? -MaxRelative : MaxRelative;
        }
        var low = BitConverter.Int64BitsToDouble((FirstBucket + m - 1) << MantissaShift);
        var high = BitConverter.Int64BitsToDouble((FirstBucket + m) << MantissaShift);
        return bin < Zero ? -high + ((high - low) * within) : low + ((high - low) * within);
    }
}
