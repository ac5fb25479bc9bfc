using CsCheck;
using Quartermaster.Books;
using Quartermaster.Core;

namespace Quartermaster.Storage.Tests;

/// <summary>
/// What every store must do, run against SQLite and PostgreSQL by the sealed subclasses
/// (the Dapper pattern: one abstract class per behaviour, one subclass per database).
/// </summary>
public abstract class BookStoreTests : IDisposable
{
    protected static readonly AccessScope Admin = new("admin-key", Role.Admin, null);
    protected static readonly AccessScope Analyst = new("analyst-key", Role.Analyst, null);
    protected static readonly AccessScope Alpha = new("alpha-key", Role.Tenant, "alpha-lab");

    private readonly List<IBookStore> _stores = [];

    /// <summary>A store on a new, empty database.</summary>
    protected abstract IBookStore CreateStore(StoreOptions? options = null);

    /// <summary>Runs raw SQL on the store's database as its owner, bypassing the application (to tamper in tests).</summary>
    protected abstract Task ExecuteAsOwnerAsync(IBookStore store, string sql);

    /// <summary>SQL, run as the owner, after which the store can no longer append to the audit log.</summary>
    protected abstract string CloseAuditLogSql { get; }

    protected async Task<IBookStore> NewStoreAsync(StoreOptions? options = null)
    {
        var store = CreateStore(options);
        _stores.Add(store);
        await store.MigrateAsync();
        return store;
    }

    [Fact]
    public async Task Saving_a_book_again_adds_a_version_and_keeps_the_first_unchanged()
    {
        var store = await NewStoreAsync();
        var first = TestBooks.Small();
        var second = first with { Provider = "Renamed Provider" };
        var v1 = await store.SaveBookAsync(Admin, first, "# my comment\n" + BookWriter.Write(first));
        var v2 = await store.SaveBookAsync(Admin, second);

        Assert.Equal(1, v1!.Version);
        Assert.Equal(2, v2!.Version);
        Assert.Equal([1, 2], (await store.ListVersionsAsync(Admin, "small-book")).Select(v => v.Version));
        var old = await store.GetBookAsync(Admin, "small-book", 1);
        Assert.Equal(first, old!.Book);
        Assert.StartsWith("# my comment\n", old.Yaml);
        Assert.Equal("Renamed Provider", (await store.GetBookAsync(Admin, "small-book"))!.Book.Provider);
        Assert.Equal(2, (await store.ListBooksAsync(Admin)).Single().Version);
    }

    [Fact]
    public async Task A_book_a_tenant_is_not_in_does_not_exist_for_that_tenant()
    {
        var store = await NewStoreAsync();
        var book = TestBooks.Small();
        await store.SaveBookAsync(Admin, book);
        // Another book, whose latest version has only beta-lab.
        var rival = TestBooks.Small("rival-book");
        await store.SaveBookAsync(Admin, rival);
        await store.SaveBookAsync(Admin, rival with
        {
            Tenants = rival.Tenants.Where(t => t.Id == "beta-lab").ToValueList(),
            Contracts = rival.Contracts.Where(c => c.Tenant == "beta-lab").ToValueList(),
        });

        Assert.Equal(["small-book"], (await store.ListBooksAsync(Alpha)).Select(b => b.BookId));
        Assert.Equal(1, await store.LatestVersionAsync(Alpha, "small-book"));
        Assert.Null(await store.LatestVersionAsync(Alpha, "rival-book"));
        Assert.Null(await store.LatestVersionAsync(Alpha, "no-such-book"));
        Assert.Equal(2, await store.LatestVersionAsync(Analyst, "rival-book"));
        Assert.Equal(["rival-book", "small-book"], (await store.ListBooksAsync(Analyst)).Select(b => b.BookId));
    }

    [Fact]
    public async Task A_book_whose_ids_break_the_id_rule_is_refused_before_anything_is_stored()
    {
        var store = await NewStoreAsync();
        var book = TestBooks.Small("nl-book2\n");

        await Assert.ThrowsAsync<ArgumentException>(() => store.SaveBookAsync(Admin, book));
        await Assert.ThrowsAsync<ArgumentException>(() => store.SaveBookAsync(Admin, TestBooks.Small() with
        {
            Contracts = TestBooks.Small().Contracts.Select(c => c with { Id = c.Id + " " }).ToValueList(),
        }));
        await Assert.ThrowsAsync<ArgumentException>(() => store.CreateKeyAsync(Admin, Role.Tenant, "alpha-lab\u0000"));

        Assert.Empty(await store.ListBooksAsync(Admin));
        Assert.Empty(await store.ReadAuditLogAsync());
    }

    [Fact]
    public async Task A_save_based_on_a_stale_version_is_refused_and_stores_nothing()
    {
        var store = await NewStoreAsync();
        await store.SaveBookAsync(Admin, TestBooks.Small());
        await store.SaveBookAsync(Admin, TestBooks.Small(), null, basedOnVersion: 1);

        Assert.Null(await store.SaveBookAsync(Admin, TestBooks.Small(), null, basedOnVersion: 1));
        Assert.Equal(2, (await store.ListVersionsAsync(Admin, "small-book")).Count);
    }

    [Fact]
    public async Task Any_book_exports_to_yaml_that_reads_back_to_an_equal_book()
    {
        var store = await NewStoreAsync();
        var gen = Gen.Select(Gen.Int[1, 4], Gen.Int[1, 4], Gen.Int[1, 6], Gen.Int[1, 30], Gen.ULong)
            .Select((s, t, c, m, seed) => SyntheticBooks.Generate(new SyntheticBookOptions(s, t, c, m, seed)));
        await gen.SampleAsync(async book =>
        {
            var saved = await store.SaveBookAsync(Admin, book);
            var stored = await store.GetBookAsync(Admin, book.Id, saved!.Version);
            var reread = BookReader.ReadText(stored!.Yaml, "export");
            return stored.Book == book && reread.Book == book;
        }, iter: 15, threads: 1);
    }

    [Fact]
    public async Task A_tenant_scope_sees_only_its_own_tenant_contracts_and_plan_rows()
    {
        var store = await NewStoreAsync();
        var book = TestBooks.Small();
        await store.SaveBookAsync(Admin, book);
        var plan = await store.SavePlanAsync(Admin, book.Id, 1, "max-min", "test", TestBooks.Fills(book), TestBooks.Allocations(book));

        Assert.Equal(["alpha-lab"], (await store.ListTenantsAsync(Alpha, book.Id, 1)).Select(t => t.Id));
        Assert.Null(await store.GetTenantAsync(Alpha, book.Id, 1, "beta-lab"));
        Assert.Equal(["alpha-deal"], (await store.ListContractsAsync(Alpha, book.Id, 1)).Select(c => c.Id));
        Assert.Empty(await store.ListContractsAsync(Alpha, book.Id, 1, "beta-lab"));
        Assert.Null(await store.GetContractAsync(Alpha, book.Id, 1, "beta-deal"));
        Assert.All(await store.ListFillsAsync(Alpha, plan.PlanId, null), f => Assert.Equal("alpha-lab", f.TenantId));
        Assert.Equal(6, (await store.ListFillsAsync(Alpha, plan.PlanId, null)).Count);
        Assert.Empty(await store.ListAllocationsAsync(Alpha, plan.PlanId, "beta-lab"));
        Assert.Null(await store.GetBookAsync(Alpha, book.Id));
        // Provider roles see every tenant.
        Assert.Equal(3, (await store.ListContractsAsync(Analyst, book.Id, 1)).Count);
        Assert.Equal(18, (await store.ListAllocationsAsync(Analyst, plan.PlanId, null)).Count);
    }

    [Fact]
    public async Task A_plan_row_naming_another_tenant_than_its_contracts_is_refused_and_nothing_is_stored()
    {
        var store = await NewStoreAsync();
        var book = TestBooks.Small();
        await store.SaveBookAsync(Admin, book);
        ContractFill[] mislabelled = [new(new Month(2026, 1), "beta-deal", "alpha-lab", 60, 30)];

        await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() => store.SavePlanAsync(Admin, book.Id, 1, "max-min", "test", mislabelled, []));
        Assert.Null(await store.LatestPlanAsync(Admin, book.Id));
    }

    [Fact]
    public async Task Every_write_and_every_provider_read_of_tenant_data_is_audited_and_tenant_reads_are_not()
    {
        var store = await NewStoreAsync();
        var book = TestBooks.Small();
        await store.SaveBookAsync(Admin, book);
        await store.ListContractsAsync(Alpha, book.Id, 1);
        await store.GetContractAsync(Analyst, book.Id, 1, "beta-deal");
        await store.CreateKeyAsync(Admin, Role.Tenant, "beta-lab");

        var log = await store.ReadAuditLogAsync();
        Assert.Equal(["book.save", "contract.read", "key.create"], log.Select(e => e.Action));
        Assert.Equal(["admin-key", "analyst-key", "admin-key"], log.Select(e => e.Actor));
        Assert.True(AuditVerification.Verify(log).IsIntact);
    }

    /// <summary>Fills the audit log with <paramref name="entries"/> entries: a book saved, then an analyst's reads of a contract.</summary>
    protected static async Task AuditedReadsAsync(IBookStore store, int entries)
    {
        await store.SaveBookAsync(Admin, TestBooks.Small());
        for (var i = 1; i < entries; i++)
        {
            await store.GetContractAsync(Analyst, "small-book", 1, "alpha-deal");
        }
    }

    /// <summary>Every store read that hands out tenant data, with the audit action a provider's read of it leaves.</summary>
    private static async Task<List<(string Action, Func<AccessScope, Task<object?>> Read)>> TenantDataReadsAsync(IBookStore store)
    {
        var book = TestBooks.Small();
        await store.SaveBookAsync(Admin, book);
        var plan = await store.SavePlanAsync(Admin, book.Id, 1, "max-min", "test", TestBooks.Fills(book), TestBooks.Allocations(book));
        var run = await store.CreateStressRunAsync(Admin, book.Id, 1);
        await store.UpdateStressRunAsync(Admin, run with { Status = StressRunStatus.Succeeded, Progress = 1, ResultJson = "{}" });
        return
        [
            ("book.read", async s => await store.GetBookAsync(s, book.Id)),
            ("book.export", async s => await store.GetBookAsync(s, book.Id, 1, BookReadPurpose.Export)),
            ("investments.read", async s => await store.GetBookAsync(s, book.Id, null, BookReadPurpose.Investments)),
            ("tenants.read", async s => await store.ListTenantsAsync(s, book.Id, 1)),
            ("tenant.read", async s => await store.GetTenantAsync(s, book.Id, 1, "alpha-lab")),
            ("contracts.read", async s => await store.ListContractsAsync(s, book.Id, 1)),
            ("contract.read", async s => await store.GetContractAsync(s, book.Id, 1, "alpha-deal")),
            ("sla.read", async s => await store.ListFillsAsync(s, plan.PlanId, null)),
            ("allocations.read", async s => await store.ListAllocationsAsync(s, plan.PlanId, null)),
            ("stress.read", async s => await store.GetStressRunAsync(s, run.RunId)),
        ];
    }

    [Fact]
    public async Task Each_provider_read_of_tenant_data_leaves_exactly_one_audit_entry_naming_it()
    {
        var store = await NewStoreAsync();
        foreach (var (action, read) in await TenantDataReadsAsync(store))
        {
            var before = (await store.ReadAuditLogAsync()).Count;
            Assert.NotNull(await read(Analyst));
            var after = await store.ReadAuditLogAsync();
            Assert.Equal([(action, "analyst-key")], after.Skip(before).Select(e => (e.Action, e.Actor)));
            await read(Alpha);
            Assert.Equal(after.Count, (await store.ReadAuditLogAsync()).Count);
        }
        Assert.True(AuditVerification.Verify(await store.ReadAuditLogAsync()).IsIntact);
    }

    [Fact]
    public async Task A_provider_read_of_tenant_data_fails_whole_when_its_audit_entry_cannot_be_written()
    {
        // Proves the entry is written in the transaction of the read: were it appended after, the data would be out already.
        var store = await NewStoreAsync();
        var reads = await TenantDataReadsAsync(store);
        await ExecuteAsOwnerAsync(store, CloseAuditLogSql);

        foreach (var (action, read) in reads)
        {
            var error = await Record.ExceptionAsync(() => read(Analyst));
            Assert.True(error is System.Data.Common.DbException, $"{action}: a provider read went through without its audit entry ({error?.GetType().Name ?? "no error"})");
        }
        // A tenant reading its own rows leaves no entry, so it still reads.
        Assert.Equal(["alpha-deal"], (await store.ListContractsAsync(Alpha, "small-book", 1)).Select(c => c.Id));
    }

    [Fact]
    public async Task An_edited_audit_entry_is_detected_and_named()
    {
        var store = await NewStoreAsync();
        await AuditedReadsAsync(store, 4);
        await ExecuteAsOwnerAsync(store, "UPDATE audit_log SET actor = 'someone-else' WHERE seq = 3");

        var result = AuditVerification.Verify(await store.ReadAuditLogAsync());
        Assert.False(result.IsIntact);
        Assert.Equal("entry 3 was edited: its hash does not match its contents", result.Problem);
    }

    [Fact]
    public async Task A_deleted_audit_entry_is_detected_and_a_truncated_tail_is_caught_by_the_exported_head()
    {
        var store = await NewStoreAsync();
        await AuditedReadsAsync(store, 5);
        var head = AuditVerification.Verify(await store.ReadAuditLogAsync()).Head;
        await ExecuteAsOwnerAsync(store, "DELETE FROM audit_log WHERE seq = 2");
        Assert.Equal("entries 2..2 were deleted", AuditVerification.Verify(await store.ReadAuditLogAsync()).Problem);

        await ExecuteAsOwnerAsync(store, "DELETE FROM audit_log WHERE seq >= 2");
        Assert.True(AuditVerification.Verify(await store.ReadAuditLogAsync()).IsIntact);
        Assert.Equal("entries 2..5 were deleted: the log ends at 1, the exported head is 5",
            AuditVerification.Verify(await store.ReadAuditLogAsync(), head).Problem);
    }

    [Fact]
    public async Task Reordered_audit_entries_are_detected()
    {
        var store = await NewStoreAsync();
        await AuditedReadsAsync(store, 4);
        // Swap entries 2 and 3 by renumbering them.
        await ExecuteAsOwnerAsync(store, "UPDATE audit_log SET seq = 100 WHERE seq = 2; UPDATE audit_log SET seq = 2 WHERE seq = 3; UPDATE audit_log SET seq = 3 WHERE seq = 100");

        Assert.Equal("entry 3 was moved to position 2: the log was reordered", AuditVerification.Verify(await store.ReadAuditLogAsync()).Problem);
    }

    [Fact]
    public async Task A_created_key_authenticates_until_revoked_and_its_secret_is_not_stored()
    {
        var store = await NewStoreAsync();
        var created = await store.CreateKeyAsync(Admin, Role.Tenant, "alpha-lab");
        var wrong = created.Key[..^4] + (created.Key.EndsWith("AAAA", StringComparison.Ordinal) ? "BBBB" : "AAAA");

        Assert.Equal(("alpha-lab", Role.Tenant), ((await store.AuthenticateAsync(created.Key))!.TenantId, (await store.AuthenticateAsync(created.Key))!.Role));
        Assert.Null(await store.AuthenticateAsync(wrong));
        Assert.Null(await store.AuthenticateAsync("qm_nonsense"));
        Assert.True(await store.RevokeKeyAsync(Admin, created.Record.KeyId));
        Assert.Null(await store.AuthenticateAsync(created.Key));
        Assert.False(await store.RevokeKeyAsync(Admin, created.Record.KeyId));
        Assert.NotNull((await store.ListKeysAsync()).Single().RevokedAt);
    }

    [Fact]
    public async Task An_older_database_is_upgraded_in_place_keeping_its_books()
    {
        var store = CreateStore();
        _stores.Add(store);
        await store.MigrateAsync(toVersion: 1);
        Assert.Equal(1, await store.SchemaVersionAsync());
        await store.SaveBookAsync(Admin, TestBooks.Small());

        await store.MigrateAsync();

        Assert.Equal(Migration.Latest, await store.SchemaVersionAsync());
        Assert.Equal(TestBooks.Small(), (await store.GetBookAsync(Admin, "small-book"))!.Book);
        await store.SavePlanAsync(Admin, "small-book", 1, "max-min", "test", [], []);
    }

    [Fact]
    public async Task Concurrent_saves_each_get_their_own_version_and_a_chained_audit_entry()
    {
        var store = await NewStoreAsync();
        await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(() => store.SaveBookAsync(Admin, TestBooks.Small() with { Provider = $"P{i}" }))));

        Assert.Equal(Enumerable.Range(1, 8), (await store.ListVersionsAsync(Admin, "small-book")).Select(v => v.Version));
        var audit = AuditVerification.Verify(await store.ReadAuditLogAsync());
        Assert.True(audit.IsIntact, audit.Problem);
        Assert.Equal(8, audit.Entries);
    }

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        foreach (var store in _stores)
        {
            store.Dispose();
        }
    }
}
