using System.Globalization;
using System.Security.Cryptography;

namespace Quartermaster.Storage;

/// <summary>How the stores write and read instants (UTC text to the microsecond, sortable) and make ids.</summary>
internal static class StoreClock
{
    public static string Now() => Format(DateTimeOffset.UtcNow);

    /// <summary>The instant as stored; round-trips through <see cref="Parse"/> exactly.</summary>
    public static string Format(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.ffffffZ", CultureInfo.InvariantCulture);

    public static DateTimeOffset Parse(string at) => DateTimeOffset.Parse(at, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    /// <summary>Now, truncated to what the database keeps, so a returned record equals the one read back.</summary>
    public static DateTimeOffset StoredNow() => Parse(Now());

    /// <summary>A new random id with a readable prefix, such as <c>plan-3f9a0c12d4e5</c>.</summary>
    public static string NewId(string prefix) => prefix + "-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));

    public static int ToInt(object? value) => Convert.ToInt32(value, CultureInfo.InvariantCulture);

    public static long ToLong(object? value) => Convert.ToInt64(value, CultureInfo.InvariantCulture);
}
