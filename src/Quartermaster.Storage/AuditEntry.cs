using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Quartermaster.Storage;

/// <summary>
/// One entry of the append-only audit log. <see cref="Hash"/> = SHA-256(previous hash || <see cref="Canonical"/>),
/// so editing, deleting or reordering any entry breaks the chain from there on.
/// </summary>
/// <param name="Sequence">Position in the log, from 1, without gaps.</param>
/// <param name="At">When it happened (UTC), stored to the microsecond.</param>
/// <param name="Actor">API key id, <c>cli</c> or <c>system</c>.</param>
/// <param name="Role">The actor's role name.</param>
/// <param name="Action">What was done, such as <c>book.save</c> or <c>contracts.read</c>.</param>
/// <param name="Resource">What it was done to, such as <c>books/neutral-cloud-2026/v3</c>.</param>
/// <param name="TenantId">The tenant whose data was touched, or null.</param>
/// <param name="PreviousHash">Hex hash of the entry before (64 zeros for the first).</param>
/// <param name="Hash">Hex hash of this entry.</param>
public sealed record AuditEntry(
    long Sequence, string At, string Actor, string Role, string Action, string Resource, string? TenantId,
    string PreviousHash, string Hash)
{
    /// <summary>The previous hash of the first entry.</summary>
    public static string GenesisHash { get; } = new('0', 64);

    /// <summary>The canonical text hashed: a JSON array of every field but the hashes, in a fixed order.</summary>
    public string Canonical =>
        JsonSerializer.Serialize(new object?[] { Sequence, At, Actor, Role, Action, Resource, TenantId });

    /// <summary>The hash this entry should carry given its <see cref="PreviousHash"/> and fields.</summary>
    public string ComputeHash()
    {
        var previous = Convert.FromHexString(PreviousHash);
        var body = Encoding.UTF8.GetBytes(Canonical);
        return Convert.ToHexStringLower(SHA256.HashData([.. previous, .. body]));
    }

    /// <summary>A new entry following one whose sequence and hash are given, with its hash computed.</summary>
    public static AuditEntry Next(long previousSequence, string previousHash, DateTimeOffset at, AccessScope scope, string action, string resource, string? tenantId)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var entry = new AuditEntry(previousSequence + 1, at.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.ffffffZ", CultureInfo.InvariantCulture),
            scope.Actor, scope.Role.ToName(), action, resource, tenantId, previousHash, "");
        return entry with { Hash = entry.ComputeHash() };
    }
}
