using System.Security.Cryptography;
using System.Text;

namespace Quartermaster.Storage;

/// <summary>
/// Makes and checks API keys <c>qm_KEYID_SECRET</c>: a public 12-hex-digit id to find the row, and a
/// random 32-byte secret of which only SHA-256(salt || secret) is stored. A 256-bit random secret
/// cannot be guessed, so a slow password hash (PBKDF2) would add latency to every request and no safety.
/// </summary>
public static class ApiKeySecrets
{
    /// <summary>A new key id and secret, formatted as the key to hand out.</summary>
    public static (string KeyId, string Key) NewKey()
    {
        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));
        var secret = Base64Url(RandomNumberGenerator.GetBytes(32));
        return (id, $"qm_{id}_{secret}");
    }

    /// <summary>A new random 16-byte salt.</summary>
    public static byte[] NewSalt() => RandomNumberGenerator.GetBytes(16);

    /// <summary>Splits a presented key into its id and secret; false when it is not shaped like a key.</summary>
    public static bool TryParse(string? key, out string keyId, out string secret)
    {
        keyId = secret = "";
        if (key is null || key.Length != 3 + 12 + 1 + 43 || !key.StartsWith("qm_", StringComparison.Ordinal) || key[15] != '_')
        {
            return false;
        }
        keyId = key.Substring(3, 12);
        secret = key[16..];
        return true;
    }

    /// <summary>SHA-256(salt || secret), the only form of the secret that is stored.</summary>
    public static byte[] Hash(byte[] salt, string secret)
    {
        ArgumentNullException.ThrowIfNull(salt);
        var input = new byte[salt.Length + Encoding.UTF8.GetByteCount(secret)];
        salt.CopyTo(input, 0);
        Encoding.UTF8.GetBytes(secret, input.AsSpan(salt.Length));
        return SHA256.HashData(input);
    }

    /// <summary>True when <paramref name="secret"/> hashes to <paramref name="storedHash"/>; compared in constant time.</summary>
    public static bool Matches(byte[] salt, byte[] storedHash, string secret) =>
        CryptographicOperations.FixedTimeEquals(Hash(salt, secret), storedHash);

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
