using System.IO.Compression;
using System.Runtime.InteropServices;

namespace Quartermaster.Stress;

/// <summary>
/// The raw output of simulating paths [<see cref="FirstPath"/>, <see cref="FirstPath"/> + <see cref="PathCount"/>) of a
/// run: what <see cref="StressEngine.Merge"/> needs to give the same result as one <see cref="StressEngine.Run"/>, bit
/// for bit. A chunk starts on a whole reduction block (<see cref="StressOptions.BlockPaths"/>), so its block sums are
/// exactly the run's sums for those blocks. <see cref="ToBytes"/> and <see cref="FromBytes"/> carry it between processes.
/// </summary>
public sealed class StressChunk
{
    private const int Magic = 0x4B43_4D51; // "QMCK"
    private const int FormatVersion = 1;

    internal StressChunk(ulong seed, int firstPath, int pathCount, double[] operating, double[] stakes, int[] outcomes, int[] payback,
        double[] irr, double[] blockSums, int[] fanCounts, int[] cashCounts)
    {
        Seed = seed;
        FirstPath = firstPath;
        PathCount = pathCount;
        Operating = operating;
        Stakes = stakes;
        Outcomes = outcomes;
        Payback = payback;
        Irr = irr;
        BlockSums = blockSums;
        FanCounts = fanCounts;
        CashCounts = cashCounts;
    }

    /// <summary>Seed of the random streams the paths were drawn from.</summary>
    public ulong Seed { get; }

    /// <summary>The first path of the chunk, a multiple of <see cref="StressOptions.BlockPaths"/>.</summary>
    public int FirstPath { get; }

    /// <summary>Number of paths in the chunk (at least 1).</summary>
    public int PathCount { get; }

    internal double[] Operating { get; }
    internal double[] Stakes { get; }
    internal int[] Outcomes { get; }
    internal int[] Payback { get; }
    internal double[] Irr { get; }
    internal double[] BlockSums { get; }
    internal int[] FanCounts { get; }
    internal int[] CashCounts { get; }

    /// <summary>
    /// Splits <paramref name="paths"/> paths into consecutive chunks of <paramref name="chunkPaths"/> paths rounded up to
    /// whole blocks (the last may be shorter): the (first path, path count) of each, in path order.
    /// </summary>
    public static IReadOnlyList<(int FirstPath, int PathCount)> Ranges(int paths, int chunkPaths)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(paths, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(chunkPaths, 1);
        var size = (int)Math.Min(int.MaxValue / 2, ((chunkPaths + (long)StressOptions.BlockPaths - 1) / StressOptions.BlockPaths) * StressOptions.BlockPaths);
        var ranges = new List<(int, int)>();
        for (long first = 0; first < paths; first += size)
        {
            ranges.Add(((int)first, (int)Math.Min(size, paths - first)));
        }
        return ranges;
    }

    /// <summary>The chunk as bytes (compressed: the sketches are mostly zeros), read back by <see cref="FromBytes"/>.</summary>
    public byte[] ToBytes()
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZLibStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
        using (var writer = new BinaryWriter(zip))
        {
            writer.Write(Magic);
            writer.Write(FormatVersion);
            writer.Write(Seed);
            writer.Write(FirstPath);
            writer.Write(PathCount);
            Write(writer, Operating);
            Write(writer, Stakes);
            Write(writer, Outcomes);
            Write(writer, Payback);
            Write(writer, Irr);
            Write(writer, BlockSums);
            Write(writer, FanCounts);
            Write(writer, CashCounts);
        }
        return buffer.ToArray();
    }

    /// <summary>Reads a chunk written by <see cref="ToBytes"/>.</summary>
    /// <exception cref="InvalidDataException">The bytes are not a chunk of this format.</exception>
    public static StressChunk FromBytes(byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        try
        {
            using var zip = new ZLibStream(new MemoryStream(bytes, writable: false), CompressionMode.Decompress);
            using var reader = new BinaryReader(zip);
            if (reader.ReadInt32() != Magic || reader.ReadInt32() != FormatVersion)
            {
                throw new InvalidDataException("not a stress chunk of format version " + FormatVersion);
            }
            var seed = reader.ReadUInt64();
            var first = reader.ReadInt32();
            var count = reader.ReadInt32();
            var chunk = new StressChunk(seed, first, count, Read<double>(reader), Read<double>(reader), Read<int>(reader), Read<int>(reader),
                Read<double>(reader), Read<double>(reader), Read<int>(reader), Read<int>(reader));
            if (first < 0 || first % StressOptions.BlockPaths != 0 || count < 1 || chunk.Operating.Length != count || chunk.Stakes.Length != count
                || chunk.Outcomes.Length != count || chunk.Payback.Length != count || chunk.Irr.Length != count)
            {
                throw new InvalidDataException($"a stress chunk of {count} paths from path {first} with arrays of other lengths");
            }
            return chunk;
        }
        catch (EndOfStreamException e)
        {
            throw new InvalidDataException("a stress chunk cut short", e);
        }
    }

    private static void Write<T>(BinaryWriter writer, T[] values) where T : unmanaged
    {
        writer.Write(values.Length);
        // Little-endian on every platform .NET runs the engine on; the format says so.
        writer.Write(MemoryMarshal.AsBytes(values.AsSpan()));
    }

    private static T[] Read<T>(BinaryReader reader) where T : unmanaged
    {
        var length = reader.ReadInt32();
        if (length < 0)
        {
            throw new InvalidDataException("a negative array length in a stress chunk");
        }
        var values = new T[length];
        var bytes = MemoryMarshal.AsBytes(values.AsSpan());
        reader.BaseStream.ReadExactly(bytes);
        return values;
    }
}
