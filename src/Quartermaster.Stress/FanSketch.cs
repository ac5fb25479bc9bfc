using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Quartermaster.Stress;

/// <summary>
/// Fixed-memory histograms of revenue, used MW and idle MW in each month, from which the fan charts
/// are read. Bins are log-linear (the top bits of the IEEE double, as in HdrHistogram): 64 per octave,
/// so a percentile is exact to within 1.6% of its value, from 2^-20 to 2^12 times the month's scale.
/// Counts are integers, so merging workers' sketches in any order gives the same result.
/// Hot code: guarded by the stress benchmark (<c>qm bench stress</c>).
/// </summary>
internal sealed partial class FanSketch
{
    public const int Revenue = 0;
    public const int UsedMw = 1;
    public const int IdleMw = 2;
    public const int Series = 3;

    private const int SubBucketBits = 6;
    private const int MantissaShift = 52 - SubBucketBits;
    private const int MinExponent = -20;
    private const int MaxExponent = 12;
    private const int Bins = ((MaxExponent - MinExponent) << SubBucketBits) + 2; // + underflow (incl. 0) and overflow
    private static readonly long FirstBucket = BitConverter.DoubleToInt64Bits(Math.ScaleB(1, MinExponent)) >> MantissaShift;
    private static readonly double MinRelative = Math.ScaleB(1, MinExponent);
    private static readonly double MaxRelative = Math.ScaleB(1, MaxExponent);

    private readonly int _months;
    private readonly double[] _inverseScale;
    private readonly double[] _scale;
    private readonly int[] _counts;
    private long[]? _countIndex; // AddPathWide's scratch: the index into _counts of every month of every series

    /// <summary>Creates empty sketches for months 1..<paramref name="months"/> with <paramref name="scale"/> per (series, month) as laid out by <see cref="StressModel.FanScale"/>.</summary>
    public FanSketch(int months, double[] scale)
    {
        _months = months;
        _scale = scale;
        // Padded by a vector: AddPath reads the scales of eight months at a time, past the last month of the last series.
        _inverseScale = [.. scale.Select(s => s > 0 ? 1 / s : 1), .. new double[Vector512<double>.Count]];
        _counts = new int[Series * (months + 1) * Bins];
    }

    /// <summary>Counts one path's monthly values, laid out as <see cref="PathSimulator.Monthly"/>: series by series, <paramref name="stride"/> apart, month t at offset t.</summary>
    public void AddPath(double[] monthly, int stride)
    {
        if (Vector512.IsHardwareAccelerated)
        {
            AddPathWide(monthly, stride);
            return;
        }
        for (var series = 0; series < Series; series++)
        {
            for (var t = 1; t <= _months; t++)
            {
                var slot = (series * (_months + 1)) + t;
                _counts[(slot * Bins) + Bin(monthly[(series * stride) + t] * _inverseScale[slot])]++;
            }
        }
    }

    // The same counts, the bins of eight months computed at once (exact integer results, so the same bins as Bin).
    // Every count's index is computed first, for all series and months, and only then are the counts incremented:
    // reading a lane of a vector just stored stalls (the store cannot be forwarded to a narrower load), and with the
    // increments right after each vector that stall was paid eight times a vector. Months past the last are binned
    // but never counted.
    private void AddPathWide(double[] monthly, int stride)
    {
        const int lanes = 8;
        var at = _countIndex ??= new long[(Series * _months) + lanes];
        ref var index = ref MemoryMarshal.GetArrayDataReference(at);
        ref var values = ref MemoryMarshal.GetArrayDataReference(monthly);
        ref var inverse = ref MemoryMarshal.GetArrayDataReference(_inverseScale);
        var minRelative = Vector512.Create(MinRelative);
        var maxRelative = Vector512.Create(MaxRelative);
        var offset = Vector512.Create(1 - FirstBucket);
        var top = Vector512.Create((long)(Bins - 1));
        var laneSlot = Vector512.Create(0L, 1, 2, 3, 4, 5, 6, 7) * Bins;
        var n = 0;
        for (var series = 0; series < Series; series++)
        {
            var row = series * stride;
            var first = series * (_months + 1);
            for (var t = 1; t <= _months; t += lanes)
            {
                var slot = first + t;
                // A row is `stride` >= months + 1 long and the rows are contiguous, so reading t..t+7 stays inside
                // the array except at the end of the last row, where the scalar tail below takes over.
                if (row + t + lanes > monthly.Length)
                {
                    for (; t <= _months; t++)
                    {
                        at[n++] = ((first + t) * (long)Bins) + Bin(monthly[row + t] * _inverseScale[first + t]);
                    }
                    break;
                }
                var relative = Vector512.LoadUnsafe(ref values, (nuint)(row + t)) * Vector512.LoadUnsafe(ref inverse, (nuint)slot);
                var bucket = Vector512.ShiftRightArithmetic(relative.AsInt64(), MantissaShift) + offset;
                var bin = Vector512.ConditionalSelect(Vector512.GreaterThanOrEqual(relative, maxRelative).AsInt64(), top, bucket);
                bin = Vector512.GreaterThanOrEqual(relative, minRelative).AsInt64() & bin; // below the range, zeros and NaN: bin 0
                // The array has a vector of room past the last month, so a whole vector is stored; only `count` are kept.
                (bin + laneSlot + Vector512.Create((long)slot * Bins)).StoreUnsafe(ref index, (nuint)n);
                n += Math.Min(lanes, _months + 1 - t);
            }
        }
        // Unchecked: every index is a slot's first bin plus a bin below Bins, within the counts.
        ref var counts = ref MemoryMarshal.GetArrayDataReference(_counts);
        for (var i = 0; i < n; i++)
        {
            Unsafe.Add(ref counts, (nint)Unsafe.Add(ref index, i))++;
        }
    }

    // The bin of a value divided by its month's scale: 0 below the range (zeros included), the last above it.
    private static int Bin(double relative)
    {
        if (!(relative >= MinRelative))
        {
            return 0;
        }
        return relative >= MaxRelative ? Bins - 1 : (int)((BitConverter.DoubleToInt64Bits(relative) >> MantissaShift) - FirstBucket) + 1;
    }

    /// <summary>Adds the counts of <paramref name="other"/> (built for the same model) to these.</summary>
    public void Merge(FanSketch other)
    {
        for (var i = 0; i < _counts.Length; i++)
        {
            _counts[i] += other._counts[i];
        }
    }

    /// <summary>
    /// The <paramref name="q"/>-quantile (0 to 1) of <paramref name="series"/> in month <paramref name="t"/>,
    /// interpolated linearly within its bin; 0 when it falls among values below the smallest bin.
    /// </summary>
    public double Quantile(int series, int t, double q)
    {
        var slot = (series * (_months + 1)) + t;
        var counts = _counts.AsSpan(slot * Bins, Bins);
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
                if (bin == 0)
                {
                    return 0;
                }
                if (bin == Bins - 1)
                {
                    return MaxRelative * _scale[slot];
                }
                var low = BitConverter.Int64BitsToDouble((FirstBucket + bin - 1) << MantissaShift);
                var high = BitConverter.Int64BitsToDouble((FirstBucket + bin) << MantissaShift);
                var within = Math.Clamp((rank - before) / counts[bin], 0, 1);
                return (low + ((high - low) * within)) * _scale[slot];
            }
            before += counts[bin];
        }
        return MaxRelative * _scale[slot];
    }
}
