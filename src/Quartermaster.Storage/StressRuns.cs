using static Quartermaster.Storage.StoreClock;

namespace Quartermaster.Storage;

/// <summary>Background stress runs as stored: state, progress and result, so any instance can report a run.</summary>
internal sealed class StressRuns(StoreTransactions transactions, StoreOptions options)
{
    public Task<StressRunRecord> CreateAsync(AccessScope scope, string bookId, int version, StressRunLease? lease, CancellationToken cancel) =>
        transactions.WriteAsync(scope, async tx =>
        {
            var run = new StressRunRecord(NewId("run"), bookId, version, StressRunStatus.Queued, 0, null, null, StoredNow());
            await tx.ExecuteAsync("""
                INSERT INTO stress_runs (run_id, book_id, version, status, progress, created_at, coordinator, lease_until)
                VALUES (@id, @b, @v, @s, 0, @a, @c, @u)
                """,
                ("@id", run.RunId), ("@b", bookId), ("@v", version), ("@s", run.Status.ToString()), ("@a", Format(run.CreatedAt)),
                ("@c", lease?.Holder), ("@u", lease is null ? null : Format(lease.Until)));
            await AuditLog.AppendAsync(tx, "stress.start", $"books/{bookId}/stress-runs/{run.RunId}", null);
            return run;
        }, cancel);

    /// <summary>Stores a run's status, progress, result or error; a run's end (succeeded, failed, cancelled) is audited.</summary>
    public Task UpdateAsync(AccessScope scope, StressRunRecord run, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(run);
        return transactions.WriteAsync(scope, async tx =>
        {
            await tx.ExecuteAsync("UPDATE stress_runs SET status = @s, progress = @p, result = @r, error = @e WHERE run_id = @id",
                ("@s", run.Status.ToString()), ("@p", run.Progress), ("@r", run.ResultJson), ("@e", run.Error), ("@id", run.RunId));
            if (run.Status is StressRunStatus.Succeeded or StressRunStatus.Failed or StressRunStatus.Cancelled)
            {
                await AuditLog.AppendAsync(tx, "stress." + run.Status.ToString().ToLowerInvariant(), $"books/{run.BookId}/stress-runs/{run.RunId}", null);
            }
            return 0;
        }, cancel);
    }

    /// <summary>An admin's request to stop a run: the audit entry and the flag the coordinating instance polls.</summary>
    public Task RecordCancelAsync(AccessScope scope, StressRunRecord run, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(run);
        return transactions.WriteAsync(scope, async tx =>
        {
            await tx.ExecuteAsync("UPDATE stress_runs SET cancel_requested = 1 WHERE run_id = @id", ("@id", run.RunId));
            await AuditLog.AppendAsync(tx, "stress.cancel", $"books/{run.BookId}/stress-runs/{run.RunId}", null);
            return 0;
        }, cancel);
    }

    public async Task<StressRunRecord?> GetAsync(AccessScope scope, string runId, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(scope);
        if (!scope.IsProvider && options.ApplyTenantFilter)
        {
            return null;
        }
        // Polls of a running run (status and progress) are not audited; reading what a finished run derived from the
        // book is: its result (figures per tenant) or its error (the engine's message may name a tenant or contract).
        return (await transactions.ReadTenantDataAsync(scope,
            rows => rows is [var run] && (run.ResultJson is not null || run.Error is not null)
                ? new AuditedRead("stress.read", $"books/{run.BookId}/stress-runs/{run.RunId}") : null,
            tx => tx.QueryAsync(
            "SELECT run_id, book_id, version, status, progress, result, error, created_at FROM stress_runs WHERE run_id = @id",
            r => new StressRunRecord(r.GetString(0), r.GetString(1), ToInt(r.GetValue(2)),
                Enum.Parse<StressRunStatus>(r.GetString(3)), r.GetDouble(4), r.IsDBNull(5) ? null : r.GetString(5),
                r.IsDBNull(6) ? null : r.GetString(6), Parse(r.GetString(7))),
            ("@id", runId)), cancel)).FirstOrDefault();
    }

    // Instants are stored as fixed-width UTC text (StoreClock.Format), so text order is time order in both databases.
    public Task<bool> ClaimAsync(AccessScope scope, string runId, string coordinator, DateTimeOffset now, DateTimeOffset leaseUntil, CancellationToken cancel) =>
        transactions.WriteAsync(scope, async tx => await tx.ExecuteAsync("""
            UPDATE stress_runs SET coordinator = @c, lease_until = @u
            WHERE run_id = @id AND status IN ('Queued', 'Running') AND (coordinator = @c OR lease_until IS NULL OR lease_until < @now)
            """, ("@c", coordinator), ("@u", Format(leaseUntil)), ("@id", runId), ("@now", Format(now))) == 1, cancel);

    public Task<IReadOnlyList<StressRunRecord>> ListOrphanedAsync(AccessScope scope, DateTimeOffset now, CancellationToken cancel) =>
        transactions.ReadAsync<IReadOnlyList<StressRunRecord>>(scope, async tx => await tx.QueryAsync(
            "SELECT run_id, book_id, version, status, progress, created_at FROM stress_runs WHERE status IN ('Queued', 'Running') AND lease_until < @now ORDER BY created_at",
            r => new StressRunRecord(r.GetString(0), r.GetString(1), ToInt(r.GetValue(2)), Enum.Parse<StressRunStatus>(r.GetString(3)), r.GetDouble(4),
                null, null, Parse(r.GetString(5))),
            ("@now", Format(now))), cancel);

    public Task<bool> CancelRequestedAsync(AccessScope scope, string runId, CancellationToken cancel) =>
        transactions.ReadAsync(scope, async tx =>
            ToInt(await tx.ScalarAsync("SELECT cancel_requested FROM stress_runs WHERE run_id = @id", ("@id", runId)) ?? 0) != 0, cancel);

    // Not audited: the coordinator keeps its own intermediate state; the result a caller reads is audited by GetAsync.
    public Task SaveChunkAsync(AccessScope scope, StoredStressChunk chunk, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(chunk);
        return transactions.WriteAsync(scope, async tx => await tx.ExecuteAsync("""
            INSERT INTO stress_chunks (run_id, first_path, path_count, silo, result) VALUES (@id, @f, @n, @s, @r)
            ON CONFLICT (run_id, first_path) DO NOTHING
            """, ("@id", chunk.RunId), ("@f", chunk.FirstPath), ("@n", chunk.PathCount), ("@s", chunk.Silo), ("@r", chunk.Result)), cancel);
    }

    public Task<IReadOnlyList<StoredStressChunk>> ListChunksAsync(AccessScope scope, string runId, CancellationToken cancel) =>
        transactions.ReadAsync<IReadOnlyList<StoredStressChunk>>(scope, async tx => await tx.QueryAsync(
            "SELECT run_id, first_path, path_count, silo, result FROM stress_chunks WHERE run_id = @id ORDER BY first_path",
            r => new StoredStressChunk(r.GetString(0), ToInt(r.GetValue(1)), ToInt(r.GetValue(2)), r.GetString(3), (byte[])r.GetValue(4)),
            ("@id", runId)), cancel);
}
