namespace Quartermaster.Storage;

/// <summary>
/// Keeps the lease of a running stress run: renews it (<see cref="IBookStore.ClaimStressRunAsync"/>) once a third of
/// the lease has passed since the last renewal, so it never lapses while the holder lives. Called on every tick of the
/// holder's own timer, whatever that timer's period: the cluster's coordinator and a single server share it.
/// </summary>
public sealed class StressRunLeaseKeeper(IBookStore store, string runId, string holder, TimeSpan lease, TimeProvider clock)
{
    private long _renewed = clock.GetTimestamp();

    /// <summary>How often the lease is renewed: a third of it.</summary>
    public TimeSpan RenewEvery => lease / 3;

    /// <summary>
    /// Renews the lease when due; false when another instance holds it now (it took the run over). A renewal that
    /// throws is tried again at the next call.
    /// </summary>
    public async Task<bool> RenewIfDueAsync(CancellationToken cancel = default)
    {
        if (clock.GetElapsedTime(_renewed) < RenewEvery)
        {
            return true;
        }
        var now = clock.GetUtcNow();
        if (!await store.ClaimStressRunAsync(AccessScope.System, runId, holder, now, now + lease, cancel))
        {
            return false;
        }
        _renewed = clock.GetTimestamp();
        return true;
    }
}
