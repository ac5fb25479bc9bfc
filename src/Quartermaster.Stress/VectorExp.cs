using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Quartermaster.Stress;

/// <summary>
/// exp of four (or eight) doubles at once, within about 1 ulp of <see cref="Math.Exp(double)"/>, built only from
/// correctly rounded operations (add, multiply, round, integer shifts, and fused multiply-adds, which are one
/// rounding in hardware and in the software fallback alike). That makes it bit-identical whether the JIT runs it
/// as scalar fallback (tier 0) or as AVX (tier 1), and in Vector256 or Vector512 lanes; <c>Vector256.Exp</c> is
/// not, because it uses fused multiply-adds only where the hardware has them. Guarded by <c>qm bench stress</c>.
/// </summary>
internal static class VectorExp
{
    // ln 2 split so that n * Ln2High is exact for |n| < 2^11 (Cody and Waite).
    private const double Ln2High = 0.693145751953125;
    private const double Ln2Low = 1.42860682030941723212e-6;
    private const double InverseLn2 = 1.4426950408889634;

    // Below -708 the result would be subnormal; clamping keeps the exponent arithmetic in range. The clamp is the plain
    // vmaxpd/vminpd (MaxNative, MinNative): the IEEE Max and Min take three instructions each to order -0 before +0
    // and to pass NaN on; the clamp gives -0 either way, and no NaN reaches exp in the engine.
    private const double Lowest = -708.0;
    private const double Highest = 709.0;

    /// <summary>e^x for each lane; lanes below -708 give about 3e-308 and lanes above 709 give about 8e307 instead of 0 and infinity.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> Exp(Vector256<double> x)
    {
        x = Vector256.MinNative(Vector256.MaxNative(x, Vector256.Create(Lowest)), Vector256.Create(Highest));
        var n = Vector256.Round(x * InverseLn2);
        // r = x - n ln 2, |r| <= ln2 / 2: the Taylor series to r^13 / 13! is exact to below 1e-17 there.
        var r = (x - (n * Ln2High)) - (n * Ln2Low);
        var p = Vector256.Create(1.0 / 6227020800);
        p = Vector256.FusedMultiplyAdd(p, r, Vector256.Create(1.0 / 479001600));
        p = Vector256.FusedMultiplyAdd(p, r, Vector256.Create(1.0 / 39916800));
        p = Vector256.FusedMultiplyAdd(p, r, Vector256.Create(1.0 / 3628800));
        p = Vector256.FusedMultiplyAdd(p, r, Vector256.Create(1.0 / 362880));
        p = Vector256.FusedMultiplyAdd(p, r, Vector256.Create(1.0 / 40320));
        p = Vector256.FusedMultiplyAdd(p, r, Vector256.Create(1.0 / 5040));
        p = Vector256.FusedMultiplyAdd(p, r, Vector256.Create(1.0 / 720));
        p = Vector256.FusedMultiplyAdd(p, r, Vector256.Create(1.0 / 120));
        p = Vector256.FusedMultiplyAdd(p, r, Vector256.Create(1.0 / 24));
        p = Vector256.FusedMultiplyAdd(p, r, Vector256.Create(1.0 / 6));
        p = Vector256.FusedMultiplyAdd(p, r, Vector256.Create(0.5));
        p = Vector256.FusedMultiplyAdd(p, r, Vector256<double>.One);
        p = Vector256.FusedMultiplyAdd(p, r, Vector256<double>.One);
        // 2^n from its IEEE bits: adding 2^52 + 1023 to the integer n puts n + 1023 in the low mantissa
        // bits (exactly), and shifting them up by 52 makes them the exponent over a zero mantissa.
        var biased = n + Vector256.Create(4503599627370496.0 + 1023);
        return p * (biased.AsInt64() << 52).AsDouble();
    }

    /// <summary>As <see cref="Exp(Vector256{double})"/> in eight lanes, with the same operations in the same order, so lane for lane the same bits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<double> Exp(Vector512<double> x)
    {
        x = Vector512.MinNative(Vector512.MaxNative(x, Vector512.Create(Lowest)), Vector512.Create(Highest));
        var n = Vector512.Round(x * InverseLn2);
        var r = (x - (n * Ln2High)) - (n * Ln2Low);
        var p = Vector512.Create(1.0 / 6227020800);
        p = Vector512.FusedMultiplyAdd(p, r, Vector512.Create(1.0 / 479001600));
        p = Vector512.FusedMultiplyAdd(p, r, Vector512.Create(1.0 / 39916800));
        p = Vector512.FusedMultiplyAdd(p, r, Vector512.Create(1.0 / 3628800));
        p = Vector512.FusedMultiplyAdd(p, r, Vector512.Create(1.0 / 362880));
        p = Vector512.FusedMultiplyAdd(p, r, Vector512.Create(1.0 / 40320));
        p = Vector512.FusedMultiplyAdd(p, r, Vector512.Create(1.0 / 5040));
        p = Vector512.FusedMultiplyAdd(p, r, Vector512.Create(1.0 / 720));
        p = Vector512.FusedMultiplyAdd(p, r, Vector512.Create(1.0 / 120));
        p = Vector512.FusedMultiplyAdd(p, r, Vector512.Create(1.0 / 24));
        p = Vector512.FusedMultiplyAdd(p, r, Vector512.Create(1.0 / 6));
        p = Vector512.FusedMultiplyAdd(p, r, Vector512.Create(0.5));
        p = Vector512.FusedMultiplyAdd(p, r, Vector512<double>.One);
        p = Vector512.FusedMultiplyAdd(p, r, Vector512<double>.One);
        var biased = n + Vector512.Create(4503599627370496.0 + 1023);
        return p * (biased.AsInt64() << 52).AsDouble();
    }

    /// <summary>The sum of the four lanes in a fixed order, ((0 + 1) + (2 + 3)), the same in every JIT tier.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Sum(Vector256<double> v) => (v.GetElement(0) + v.GetElement(1)) + (v.GetElement(2) + v.GetElement(3));

    /// <summary>The sum of the eight lanes in a fixed order, the four low lanes as <see cref="Sum(Vector256{double})"/> plus the four high lanes likewise.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Sum(Vector512<double> v) => Sum(v.GetLower()) + Sum(v.GetUpper());
}
