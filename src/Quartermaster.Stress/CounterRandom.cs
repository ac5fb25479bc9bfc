using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Quartermaster.Stress;

/// <summary>
/// A counter-based random stream keyed by (seed, path, stream): draw n of a stream is a pure function
/// of the key and n, so any path can be recomputed alone and results do not depend on threads or chunking.
/// It is SplitMix64 (Steele, Lea and Flood 2014) with the key and the odd increment ("gamma") both
/// derived from the key, so two streams never share a run of outputs; never <see cref="Random"/>,
/// whose seeded sequences are not promised across .NET versions.
/// </summary>
/// <remarks>A mutable struct: keep it in a local or an array element and call it by reference.</remarks>
public struct CounterRandom
{
    private const ulong GoldenGamma = 0x9E3779B97F4A7C15;
    private const double TwoToMinus53 = 1.0 / (1UL << 53);

    private readonly ulong _start;
    private readonly ulong _gamma;
    private ulong _state;

    /// <summary>Creates the stream numbered <paramref name="stream"/> of path <paramref name="path"/> under <paramref name="seed"/>.</summary>
    public CounterRandom(ulong seed, long path, ulong stream)
    {
        (_start, _gamma) = Key(seed, path, stream);
        _state = _start;
    }

    /// <summary>
    /// The start and the odd increment of a stream: draw n (from 0) is <see cref="Mix"/>(start + (n + 1) gamma), mod 2^64.
    /// <see cref="VectorNormals"/> computes the same draws in vector lanes.
    /// </summary>
    internal static (ulong Start, ulong Gamma) Key(ulong seed, long path, ulong stream) => StreamKey(PathKey(seed, path), stream);

    /// <summary>
    /// The part of the key of every stream of one path that depends on the seed and the path only: a simulator draws a
    /// path's many streams from it (<see cref="OfPath"/>) without mixing the seed and path again for each.
    /// </summary>
    internal static ulong PathKey(ulong seed, long path) => Mix(Mix(seed + GoldenGamma) ^ (ulong)path);

    /// <summary>The start and odd increment of stream <paramref name="stream"/> of the path whose <see cref="PathKey"/> is given.</summary>
    internal static (ulong Start, ulong Gamma) StreamKey(ulong pathKey, ulong stream)
    {
        // Three chained SplitMix64 finalisers in all (two in PathKey): every bit of seed, path and stream reaches every bit of the key.
        var key = Mix(pathKey + stream);
        return (Mix(key), MixGamma(key + GoldenGamma));
    }

    /// <summary>The same stream as <c>new CounterRandom(seed, path, stream)</c>, from the path's <see cref="PathKey"/>.</summary>
    internal static CounterRandom OfPath(ulong pathKey, ulong stream) => new(StreamKey(pathKey, stream));

    private CounterRandom((ulong Start, ulong Gamma) key)
    {
        (_start, _gamma) = key;
        _state = _start;
    }

    /// <summary>Number of 64-bit draws taken so far.</summary>
    public readonly ulong Count => (_state - _start) * ModularInverse(_gamma);

    /// <summary>The next 64 uniformly random bits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ulong NextUInt64()
    {
        _state += _gamma;
        return Mix(_state);
    }

    /// <summary>A uniform double in (0, 1]: never 0, so its logarithm is finite.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double NextUniform() => ((NextUInt64() >> 11) + 1) * TwoToMinus53;

    /// <summary>A standard exponential variate (rate 1), by inversion.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double NextExponential() => -Math.Log(NextUniform());

    /// <summary>A standard normal variate, by the ziggurat method (exact in distribution); the next of this stream's 64-bit draws, not <see cref="FillNormals"/>'s sequence.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double NextNormal()
    {
        var bits = NextUInt64();
        var layer = (int)(bits & Ziggurat.LayerMask);
        // The top 53 bits give u in [-1, 1); the low 8 bits pick the layer: disjoint bits, so independent.
        var u = (2 * ((bits >> 11) * TwoToMinus53)) - 1;
        return Math.Abs(u) < Ziggurat.RectangleRatio[layer] ? u * Ziggurat.X[layer] : Ziggurat.Slow(ref this, layer, u);
    }

    /// <summary>
    /// The first uniform of stream <c>streams[i]</c> of the path keyed <paramref name="pathKey"/>, for every i: the same
    /// bits as <c>OfPath(pathKey, streams[i]).NextUniform()</c>, eight streams at a time where the hardware has
    /// AVX-512 (integer arithmetic, and a conversion exact below 2^53, so nothing rounds differently). The simulator
    /// draws every tenant's first event clock this way, so the stream keys no longer wait on the tenant loop's branches.
    /// </summary>
    internal static void FirstUniforms(ulong pathKey, ReadOnlySpan<ulong> streams, Span<double> uniforms)
    {
        var i = 0;
        if (Vector512.IsHardwareAccelerated)
        {
            for (; i + Vector512<ulong>.Count <= streams.Length; i += Vector512<ulong>.Count)
            {
                var key = VectorNormals.Mix(Vector512.Create(pathKey) + Vector512.Create(streams[i..]));
                var state = VectorNormals.Mix(key) + MixGammaLanes(key + Vector512.Create(GoldenGamma));
                var bits = Vector512.ShiftRightLogical(VectorNormals.Mix(state), 11) + Vector512<ulong>.One;
                (Vector512.ConvertToDouble(bits) * TwoToMinus53).CopyTo(uniforms[i..]);
            }
        }
        for (; i < streams.Length; i++)
        {
            uniforms[i] = OfPath(pathKey, streams[i]).NextUniform();
        }
    }

    // MixGamma lane by lane; the population count is the classic one in 64-bit lanes (no AVX-512 POPCNT needed).
    private static Vector512<ulong> MixGammaLanes(Vector512<ulong> z)
    {
        z = (z ^ Vector512.ShiftRightLogical(z, 33)) * 0xFF51AFD7ED558CCD;
        z = (z ^ Vector512.ShiftRightLogical(z, 33)) * 0xC4CEB9FE1A85EC53;
        z = (z ^ Vector512.ShiftRightLogical(z, 33)) | Vector512<ulong>.One;
        var x = z ^ Vector512.ShiftRightLogical(z, 1);
        x -= Vector512.ShiftRightLogical(x, 1) & Vector512.Create(0x5555555555555555UL);
        x = (x & Vector512.Create(0x3333333333333333UL)) + (Vector512.ShiftRightLogical(x, 2) & Vector512.Create(0x3333333333333333UL));
        x = (x + Vector512.ShiftRightLogical(x, 4)) & Vector512.Create(0x0F0F0F0F0F0F0F0FUL);
        var count = Vector512.ShiftRightLogical(x * 0x0101010101010101UL, 56);
        return Vector512.ConditionalSelect(Vector512.LessThan(count, Vector512.Create(24UL)), z ^ Vector512.Create(0xAAAAAAAAAAAAAAAAUL), z);
    }

    /// <summary>
    /// Fills <paramref name="normals"/> (a multiple of 16 long) with standard normals 0, 1, ... of stream (seed, path, stream), as the
    /// stress engine draws the sector's and the rivals' shocks: Box-Muller on this generator's draws, many at once in vector lanes.
    /// Normal j is a pure function of the key and j; the scalar <see cref="NextNormal"/> is another sequence.
    /// </summary>
    /// <exception cref="ArgumentException">The length is not a multiple of 16.</exception>
    public static void FillNormals(ulong seed, long path, ulong stream, Span<double> normals) => VectorNormals.Fill(seed, path, stream, normals);

    /// <summary>The SplitMix64 finaliser (variant 13 of Stafford's mixers).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EB;
        return z ^ (z >> 31);
    }

    // SplitMix64's gamma: odd, with enough bit transitions that consecutive states differ in many bits.
    private static ulong MixGamma(ulong z)
    {
        z = (z ^ (z >> 33)) * 0xFF51AFD7ED558CCD;
        z = (z ^ (z >> 33)) * 0xC4CEB9FE1A85EC53;
        z = (z ^ (z >> 33)) | 1;
        return BitOperations.PopCount(z ^ (z >> 1)) < 24 ? z ^ 0xAAAAAAAAAAAAAAAA : z;
    }

    // Inverse of an odd number modulo 2^64 by Newton's iteration (each step doubles the correct bits).
    private static ulong ModularInverse(ulong odd)
    {
        var x = odd;
        for (var i = 0; i < 6; i++)
        {
            x *= 2 - (odd * x);
        }
        return x;
    }
}
