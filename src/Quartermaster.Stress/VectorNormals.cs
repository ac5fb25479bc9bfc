using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Quartermaster.Stress;

/// <summary>
/// Standard normals of one counter-based stream (see <see cref="CounterRandom"/>), whole blocks of 16 at a time, by
/// the Box-Muller transform in vector lanes: no rejection, so every lane does the same work and no draw depends on
/// another. Normals 16b + i and 16b + 8 + i (i = 0..7) come from draws 16b + i (the radius) and 16b + 8 + i (the
/// angle) of the stream, so normal j is a pure function of (seed, path, stream, j). log, sin and cos are built only
/// from correctly rounded operations (add, multiply, divide, square root, bit operations, and fused multiply-adds,
/// which are one rounding in hardware and in the software fallback alike), so the Vector512 and Vector256 paths,
/// and every JIT tier, give bit-identical normals.
/// Hot code: the random-number floor of <c>qm bench stress</c> measures it.
/// </summary>
internal static class VectorNormals
{
    /// <summary>Normals are produced in blocks of this many; a span to fill must be a multiple of it long.</summary>
    public const int Block = 16;

    private const ulong OneBits = 0x3FF0000000000000; // the IEEE bits of 1.0
    private const ulong MantissaMask = 0x000FFFFFFFFFFFFF;
    private const double TwoToThe52PlusBias = 4503599627370496.0 + 1023;
    private const double Sqrt2 = 1.4142135623730951;
    private const double Ln2High = 0.693145751953125; // n * Ln2High is exact for |n| < 2^11
    private const double Ln2Low = 1.42860682030941723212e-6;
    private const double HalfPi = 1.5707963267948966;

    /// <summary>Fills <paramref name="normals"/> (a multiple of <see cref="Block"/> long) with normals 0, 1, ... of stream (seed, path, stream).</summary>
    public static void Fill(ulong seed, long path, ulong stream, Span<double> normals) =>
        Fill(seed, path, stream, normals, Vector512.IsHardwareAccelerated);

    /// <summary>As <see cref="Fill(ulong, long, ulong, Span{double})"/>, choosing the vector width (the tests compare the two).</summary>
    internal static void Fill(ulong seed, long path, ulong stream, Span<double> normals, bool wide) =>
        FillStream(CounterRandom.Key(seed, path, stream), normals, wide);

    /// <summary>As <see cref="Fill(ulong, long, ulong, Span{double})"/> for stream <paramref name="stream"/> of the path whose <see cref="CounterRandom.PathKey"/> is given.</summary>
    internal static void FillOfPath(ulong pathKey, ulong stream, Span<double> normals) =>
        FillStream(CounterRandom.StreamKey(pathKey, stream), normals, Vector512.IsHardwareAccelerated);

    private static void FillStream((ulong Start, ulong Gamma) key, Span<double> normals, bool wide)
    {
        if (normals.Length % Block != 0)
        {
            throw new ArgumentException($"the span must be a multiple of {Block} long", nameof(normals));
        }
        var (start, gamma) = key;
        if (wide)
        {
            FillWide(start, gamma, normals);
        }
        else
        {
            FillNarrow(start, gamma, normals);
        }
    }

    // One loop per width, each its own method, so the JIT inlines BoxMuller and Mix into it (three call sites in one
    // method would exceed its inlining budget and pass every vector through the stack).
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void FillWide(ulong start, ulong gamma, Span<double> normals)
    {
        ref var output = ref MemoryMarshal.GetReference(normals);
        var a = (Vector512.Create(1UL, 2, 3, 4, 5, 6, 7, 8) * gamma) + Vector512.Create(start);
        var b = a + Vector512.Create(8 * gamma);
        var advance = Vector512.Create(Block * gamma);
        for (nuint j = 0; j < (nuint)normals.Length; j += Block)
        {
            BoxMuller(Mix(a), Mix(b), ref output, j, j + 8);
            a += advance;
            b += advance;
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void FillNarrow(ulong start, ulong gamma, Span<double> normals)
    {
        ref var output = ref MemoryMarshal.GetReference(normals);
        var a0 = (Vector256.Create(1UL, 2, 3, 4) * gamma) + Vector256.Create(start);
        var a1 = a0 + Vector256.Create(4 * gamma);
        var b0 = a0 + Vector256.Create(8 * gamma);
        var b1 = a0 + Vector256.Create(12 * gamma);
        var advance = Vector256.Create(Block * gamma);
        for (nuint j = 0; j < (nuint)normals.Length; j += Block)
        {
            BoxMuller(Mix(a0), Mix(b0), ref output, j, j + 8);
            BoxMuller(Mix(a1), Mix(b1), ref output, j + 4, j + 12);
            a0 += advance;
            a1 += advance;
            b0 += advance;
            b1 += advance;
        }
    }

    // The SplitMix64 finaliser of CounterRandom.Mix, lane by lane.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static Vector512<ulong> Mix(Vector512<ulong> z)
    {
        z = (z ^ Vector512.ShiftRightLogical(z, 30)) * 0xBF58476D1CE4E5B9;
        z = (z ^ Vector512.ShiftRightLogical(z, 27)) * 0x94D049BB133111EB;
        return z ^ Vector512.ShiftRightLogical(z, 31);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<ulong> Mix(Vector256<ulong> z)
    {
        z = (z ^ Vector256.ShiftRightLogical(z, 30)) * 0xBF58476D1CE4E5B9;
        z = (z ^ Vector256.ShiftRightLogical(z, 27)) * 0x94D049BB133111EB;
        return z ^ Vector256.ShiftRightLogical(z, 31);
    }

    // Two normals per lane from 64 random bits for the radius and 64 for the angle. The radius is
    // sqrt(-2 log u) with u in (0, 1] from the top 52 bits; the angle is a quarter turn picked by the 2 low bits
    // of `angle` plus a uniform offset in [-pi/4, pi/4) from its top 52 bits, so sin and cos are only ever
    // evaluated where their Taylor series converge fast, and the quarter turn is exact (swaps and signs).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void BoxMuller(Vector512<ulong> radius, Vector512<ulong> angle, ref double output, nuint first, nuint second)
    {
        var one = Vector512.Create(OneBits);
        var u = Vector512<double>.One + Vector512<double>.One - (Vector512.ShiftRightLogical(radius, 12) | one).AsDouble(); // (0, 1]

        // log u = e log 2 + log m with m in [sqrt(1/2), sqrt(2)), and log m = 2 atanh(s), s = (m - 1) / (m + 1), |s| < 0.172.
        var bits = u.AsUInt64();
        var m = ((bits & Vector512.Create(MantissaMask)) | one).AsDouble();
        var e = (Vector512.ShiftRightLogical(bits, 52) | Vector512.Create(0x4330000000000000UL)).AsDouble() - Vector512.Create(TwoToThe52PlusBias);
        var above = Vector512.GreaterThan(m, Vector512.Create(Sqrt2));
        m = Vector512.ConditionalSelect(above, m * 0.5, m);
        e += above & Vector512<double>.One;
        var f = m - Vector512<double>.One;
        var s = f / (f + Vector512.Create(2.0));
        var s2 = s * s;
        var p = Vector512.Create(2.0 / 21);
        p = Vector512.FusedMultiplyAdd(p, s2, Vector512.Create(2.0 / 19));
        p = Vector512.FusedMultiplyAdd(p, s2, Vector512.Create(2.0 / 17));
        p = Vector512.FusedMultiplyAdd(p, s2, Vector512.Create(2.0 / 15));
        p = Vector512.FusedMultiplyAdd(p, s2, Vector512.Create(2.0 / 13));
        p = Vector512.FusedMultiplyAdd(p, s2, Vector512.Create(2.0 / 11));
        p = Vector512.FusedMultiplyAdd(p, s2, Vector512.Create(2.0 / 9));
        p = Vector512.FusedMultiplyAdd(p, s2, Vector512.Create(2.0 / 7));
        p = Vector512.FusedMultiplyAdd(p, s2, Vector512.Create(2.0 / 5));
        p = Vector512.FusedMultiplyAdd(p, s2, Vector512.Create(2.0 / 3));
        p = Vector512.FusedMultiplyAdd(p, s2, Vector512.Create(2.0));
        var log = Vector512.FusedMultiplyAdd(e, Vector512.Create(Ln2High), Vector512.FusedMultiplyAdd(e, Vector512.Create(Ln2Low), p * s));
        var r = Vector512.Sqrt(log * -2.0);

        var x = ((Vector512.ShiftRightLogical(angle, 12) | one).AsDouble() - Vector512.Create(1.5)) * HalfPi; // [-pi/4, pi/4)
        var x2 = x * x;
        var sin = Vector512.Create(1.0 / 1307674368000);
        sin = Vector512.FusedMultiplyAdd(sin, x2, Vector512.Create(-(1.0 / 6227020800)));
        sin = Vector512.FusedMultiplyAdd(sin, x2, Vector512.Create(1.0 / 39916800));
        sin = Vector512.FusedMultiplyAdd(sin, x2, Vector512.Create(-(1.0 / 362880)));
        sin = Vector512.FusedMultiplyAdd(sin, x2, Vector512.Create(1.0 / 5040));
        sin = Vector512.FusedMultiplyAdd(sin, x2, Vector512.Create(-(1.0 / 120)));
        sin = Vector512.FusedMultiplyAdd(sin, x2, Vector512.Create(1.0 / 6));
        sin = Vector512.FusedMultiplyAdd(-sin, x2 * x, x);
        var cos = Vector512.Create(1.0 / 20922789888000);
        cos = Vector512.FusedMultiplyAdd(cos, x2, Vector512.Create(-(1.0 / 87178291200)));
        cos = Vector512.FusedMultiplyAdd(cos, x2, Vector512.Create(1.0 / 479001600));
        cos = Vector512.FusedMultiplyAdd(cos, x2, Vector512.Create(-(1.0 / 3628800)));
        cos = Vector512.FusedMultiplyAdd(cos, x2, Vector512.Create(1.0 / 40320));
        cos = Vector512.FusedMultiplyAdd(cos, x2, Vector512.Create(-(1.0 / 720)));
        cos = Vector512.FusedMultiplyAdd(cos, x2, Vector512.Create(1.0 / 24));
        cos = Vector512.FusedMultiplyAdd(cos, x2, Vector512.Create(-(0.5)));
        cos = Vector512.FusedMultiplyAdd(cos, x2, Vector512<double>.One);

        // Turning (cos, sin) by q quarter turns: q = 1 gives (-sin, cos), 2 gives (-cos, -sin), 3 gives (sin, -cos).
        var q = angle & Vector512.Create(3UL);
        var swap = Vector512.Equals(q & Vector512<ulong>.One, Vector512<ulong>.One).AsDouble();
        var firstSign = Vector512.ShiftLeft((q ^ Vector512.ShiftRightLogical(q, 1)) & Vector512<ulong>.One, 63);
        var secondSign = Vector512.ShiftLeft(Vector512.ShiftRightLogical(q, 1), 63);
        (r * (Vector512.ConditionalSelect(swap, sin, cos).AsUInt64() ^ firstSign).AsDouble()).StoreUnsafe(ref output, first);
        (r * (Vector512.ConditionalSelect(swap, cos, sin).AsUInt64() ^ secondSign).AsDouble()).StoreUnsafe(ref output, second);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void BoxMuller(Vector256<ulong> radius, Vector256<ulong> angle, ref double output, nuint first, nuint second)
    {
        var one = Vector256.Create(OneBits);
        var u = Vector256<double>.One + Vector256<double>.One - (Vector256.ShiftRightLogical(radius, 12) | one).AsDouble();

        var bits = u.AsUInt64();
        var m = ((bits & Vector256.Create(MantissaMask)) | one).AsDouble();
        var e = (Vector256.ShiftRightLogical(bits, 52) | Vector256.Create(0x4330000000000000UL)).AsDouble() - Vector256.Create(TwoToThe52PlusBias);
        var above = Vector256.GreaterThan(m, Vector256.Create(Sqrt2));
        m = Vector256.ConditionalSelect(above, m * 0.5, m);
        e += above & Vector256<double>.One;
        var f = m - Vector256<double>.One;
        var s = f / (f + Vector256.Create(2.0));
        var s2 = s * s;
        var p = Vector256.Create(2.0 / 21);
        p = Vector256.FusedMultiplyAdd(p, s2, Vector256.Create(2.0 / 19));
        p = Vector256.FusedMultiplyAdd(p, s2, Vector256.Create(2.0 / 17));
        p = Vector256.FusedMultiplyAdd(p, s2, Vector256.Create(2.0 / 15));
        p = Vector256.FusedMultiplyAdd(p, s2, Vector256.Create(2.0 / 13));
        p = Vector256.FusedMultiplyAdd(p, s2, Vector256.Create(2.0 / 11));
        p = Vector256.FusedMultiplyAdd(p, s2, Vector256.Create(2.0 / 9));
        p = Vector256.FusedMultiplyAdd(p, s2, Vector256.Create(2.0 / 7));
        p = Vector256.FusedMultiplyAdd(p, s2, Vector256.Create(2.0 / 5));
        p = Vector256.FusedMultiplyAdd(p, s2, Vector256.Create(2.0 / 3));
        p = Vector256.FusedMultiplyAdd(p, s2, Vector256.Create(2.0));
        var log = Vector256.FusedMultiplyAdd(e, Vector256.Create(Ln2High), Vector256.FusedMultiplyAdd(e, Vector256.Create(Ln2Low), p * s));
        var r = Vector256.Sqrt(log * -2.0);

        var x = ((Vector256.ShiftRightLogical(angle, 12) | one).AsDouble() - Vector256.Create(1.5)) * HalfPi;
        var x2 = x * x;
        var sin = Vector256.Create(1.0 / 1307674368000);
        sin = Vector256.FusedMultiplyAdd(sin, x2, Vector256.Create(-(1.0 / 6227020800)));
        sin = Vector256.FusedMultiplyAdd(sin, x2, Vector256.Create(1.0 / 39916800));
        sin = Vector256.FusedMultiplyAdd(sin, x2, Vector256.Create(-(1.0 / 362880)));
        sin = Vector256.FusedMultiplyAdd(sin, x2, Vector256.Create(1.0 / 5040));
        sin = Vector256.FusedMultiplyAdd(sin, x2, Vector256.Create(-(1.0 / 120)));
        sin = Vector256.FusedMultiplyAdd(sin, x2, Vector256.Create(1.0 / 6));
        sin = Vector256.FusedMultiplyAdd(-sin, x2 * x, x);
        var cos = Vector256.Create(1.0 / 20922789888000);
        cos = Vector256.FusedMultiplyAdd(cos, x2, Vector256.Create(-(1.0 / 87178291200)));
        cos = Vector256.FusedMultiplyAdd(cos, x2, Vector256.Create(1.0 / 479001600));
        cos = Vector256.FusedMultiplyAdd(cos, x2, Vector256.Create(-(1.0 / 3628800)));
        cos = Vector256.FusedMultiplyAdd(cos, x2, Vector256.Create(1.0 / 40320));
        cos = Vector256.FusedMultiplyAdd(cos, x2, Vector256.Create(-(1.0 / 720)));
        cos = Vector256.FusedMultiplyAdd(cos, x2, Vector256.Create(1.0 / 24));
        cos = Vector256.FusedMultiplyAdd(cos, x2, Vector256.Create(-(0.5)));
        cos = Vector256.FusedMultiplyAdd(cos, x2, Vector256<double>.One);

        var q = angle & Vector256.Create(3UL);
        var swap = Vector256.Equals(q & Vector256<ulong>.One, Vector256<ulong>.One).AsDouble();
        var firstSign = Vector256.ShiftLeft((q ^ Vector256.ShiftRightLogical(q, 1)) & Vector256<ulong>.One, 63);
        var secondSign = Vector256.ShiftLeft(Vector256.ShiftRightLogical(q, 1), 63);
        (r * (Vector256.ConditionalSelect(swap, sin, cos).AsUInt64() ^ firstSign).AsDouble()).StoreUnsafe(ref output, first);
        (r * (Vector256.ConditionalSelect(swap, cos, sin).AsUInt64() ^ secondSign).AsDouble()).StoreUnsafe(ref output, second);
    }
}
