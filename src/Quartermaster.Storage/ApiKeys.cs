using System.Data.Common;
using static Quartermaster.Storage.StoreClock;

namespace Quartermaster.Storage;

/// <summary>API keys: created with a random secret of which only a salted hash is kept, listed, revoked, checked.</summary>
internal sealed class ApiKeys(StoreTransactions transactions)
{
    public Task<CreatedApiKey> CreateAsync(AccessScope scope, Role role, string? tenantId, CancellationToken cancel)
    {
        StoreTransactions.RequireAdmin(scope);
        if ((role == Role.Tenant) != (tenantId is not null))
        {
            throw new ArgumentException("a tenant key needs a tenant id, and only a tenant key has one", nameof(tenantId));
        }
        if (tenantId is not null && !Books.Ids.IsValid(tenantId))
        {
            throw new ArgumentException($"tenant {Books.Ids.Quote(tenantId)} is not {Books.Ids.Form}", nameof(tenantId));
        }
        return transactions.WriteAsync(scope, async tx =>
        {
            var (keyId, key) = ApiKeySecrets.NewKey();
            _ = ApiKeySecrets.TryParse(key, out _, out var secret);
            var salt = ApiKeySecrets.NewSalt();
            var record = new ApiKeyRecord(keyId, role, tenantId, StoredNow(), null);
            await tx.ExecuteAsync("INSERT INTO api_keys (key_id, role, tenant_id, salt, hash, created_at) VALUES (@id, @r, @t, @s, @h, @a)",
                ("@id", keyId), ("@r", role.ToName()), ("@t", tenantId), ("@s", Convert.ToHexStringLower(salt)),
                ("@h", Convert.ToHexStringLower(ApiKeySecrets.Hash(salt, secret))), ("@a", Format(record.CreatedAt)));
            await AuditLog.AppendAsync(tx, "key.create", "keys/" + keyId, tenantId);
            return new CreatedApiKey(record, key);
        }, cancel);
    }

    public Task<IReadOnlyList<ApiKeyRecord>> ListAsync(CancellationToken cancel) =>
        transactions.ReadAsync<IReadOnlyList<ApiKeyRecord>>(AccessScope.System, async tx => await tx.QueryAsync(
            "SELECT key_id, role, tenant_id, created_at, revoked_at FROM api_keys ORDER BY created_at, key_id", Read), cancel);

    public Task<bool> RevokeAsync(AccessScope scope, string keyId, CancellationToken cancel) =>
        transactions.WriteAsync(scope, async tx =>
        {
            var changed = await tx.ExecuteAsync("UPDATE api_keys SET revoked_at = @a WHERE key_id = @id AND revoked_at IS NULL",
                ("@a", Now()), ("@id", keyId));
            if (changed > 0)
            {
                await AuditLog.AppendAsync(tx, "key.revoke", "keys/" + keyId, null);
            }
            return changed > 0;
        }, cancel);

    public async Task<ApiKeyRecord?> AuthenticateAsync(string presentedKey, CancellationToken cancel)
    {
        if (!ApiKeySecrets.TryParse(presentedKey, out var keyId, out var secret))
        {
            return null;
        }
        var rows = await transactions.ReadAsync(AccessScope.System, tx => tx.QueryAsync(
            "SELECT key_id, role, tenant_id, created_at, revoked_at, salt, hash FROM api_keys WHERE key_id = @id",
            r => (Key: Read(r), Salt: r.GetString(5), Hash: r.GetString(6)), ("@id", keyId)), cancel);
        if (rows.Count == 0)
        {
            return null;
        }
        var (key, salt, hash) = rows[0];
        var matches = ApiKeySecrets.Matches(Convert.FromHexString(salt), Convert.FromHexString(hash), secret);
        return matches && key.RevokedAt is null ? key : null;
    }

    private static ApiKeyRecord Read(DbDataReader r) =>
        new(r.GetString(0), RoleNames.TryParse(r.GetString(1), out var role) ? role : throw new InvalidDataException("unknown role " + r.GetString(1)),
            r.IsDBNull(2) ? null : r.GetString(2), Parse(r.GetString(3)), r.IsDBNull(4) ? null : Parse(r.GetString(4)));
}
