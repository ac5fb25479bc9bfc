using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using Quartermaster.Storage;

namespace Quartermaster.Server;

/// <summary>
/// Keeps what tenants read from a plan, which never changes once stored (a new plan gets a new id), so a
/// busy tenant does not cost database round trips. Isolation holds because an entry is keyed by the
/// caller's own tenant and was computed by the store under that same scope; provider reads are never
/// cached, as each one must be audited. The latest plan of a book is remembered for
/// <see cref="LatestPlanLifetime"/>: a plan made on another instance reaches tenants that much later.
/// Guarded by the load benchmark in docs/benchmarks.md (server load).
/// </summary>
internal sealed class TenantReadCache(ServerOptions options, IOptions<JsonOptions> json)
{
    public static readonly TimeSpan LatestPlanLifetime = TimeSpan.FromSeconds(1);

    private const int MaxEntries = 10_000;

    private readonly ConcurrentDictionary<string, (PlanSummary? Plan, DateTimeOffset Until)> _latestPlans = new();
    private readonly ConcurrentDictionary<(string Caller, string Plan, string Tenant, string? Month, string Kind), byte[]> _reads = new();

    /// <summary>The latest plan of a book, from memory when fresh.</summary>
    public async Task<PlanSummary?> LatestPlanAsync(IBookStore store, AccessScope scope, string bookId, CancellationToken cancel)
    {
        if (!options.CacheTenantReads)
        {
            return await store.LatestPlanAsync(scope, bookId, cancel);
        }
        var now = options.TimeProvider.GetUtcNow();
        if (_latestPlans.TryGetValue(bookId, out var hit) && hit.Until > now)
        {
            return hit.Plan;
        }
        var plan = await store.LatestPlanAsync(scope, bookId, cancel);
        _latestPlans[bookId] = (plan, now + LatestPlanLifetime);
        return plan;
    }

    /// <summary>Forgets the latest plan of a book, after this instance stored a new one.</summary>
    public void PlanStored(string bookId) => _latestPlans.TryRemove(bookId, out _);

    /// <summary>
    /// A read of a plan serialised as JSON, computed by <paramref name="read"/> (under the caller's scope; null
    /// when not found) and, for tenants, remembered. Null when not found.
    /// </summary>
    public async Task<JsonBytes<T>?> ReadAsync<T>(AccessScope scope, PlanSummary plan, string tenantId, string? month, Func<Task<T?>> read) where T : class
    {
        ArgumentNullException.ThrowIfNull(scope);
        var cacheable = !scope.IsProvider && options.CacheTenantReads;
        var key = (scope.TenantId ?? "", plan.PlanId, tenantId, month, typeof(T).Name);
        if (cacheable && _reads.TryGetValue(key, out var cached))
        {
            return new JsonBytes<T>(cached);
        }
        if (await read() is not { } value)
        {
            return null;
        }
        var bytes = JsonSerializer.SerializeToUtf8Bytes(value, json.Value.SerializerOptions);
        if (cacheable)
        {
            if (_reads.Count >= MaxEntries)
            {
                _reads.Clear();
            }
            _reads[key] = bytes;
        }
        return new JsonBytes<T>(bytes);
    }
}
