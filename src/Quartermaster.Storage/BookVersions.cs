using System.Data.Common;
using System.Text.Json;
using Quartermaster.Books;
using Quartermaster.Core;
using static Quartermaster.Storage.StoreClock;

namespace Quartermaster.Storage;

/// <summary>
/// Books and their versions: the YAML text as imported, and the tenants and contracts of each version in
/// tenant-scoped tables (the rows row-level security guards). Versions count up and are never overwritten.
/// </summary>
internal sealed class BookVersions(StoreTransactions transactions, StoreOptions options)
{
    private static readonly JsonSerializerOptions BodyJson = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public Task<BookVersion?> SaveAsync(AccessScope scope, Book book, string? yaml, int? basedOnVersion, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(book);
        // The last guard of the id rule: the book reader and the API refuse such ids, so only code can get here.
        var ids = new[] { book.Id }.Concat(book.Sites.Select(s => s.Id)).Concat(book.Tenants.Select(t => t.Id)).Concat(book.Contracts.Select(c => c.Id));
        if (ids.FirstOrDefault(id => !Ids.IsValid(id)) is { } bad)
        {
            throw new ArgumentException($"id {Ids.Quote(bad)} in book {Ids.Quote(book.Id)} is not {Ids.Form}", nameof(book));
        }
        var text = yaml ?? BookWriter.Write(book);
        return transactions.WriteAsync<BookVersion?>(scope, async tx =>
        {
            await tx.LockAsync("book:" + book.Id);
            var version = ToInt(await tx.ScalarAsync("SELECT COALESCE(MAX(version), 0) FROM book_versions WHERE book_id = @b", ("@b", book.Id))) + 1;
            if (basedOnVersion is { } basis && basis != version - 1)
            {
                return null;
            }
            var at = StoredNow();
            await tx.ExecuteAsync("INSERT INTO book_versions (book_id, version, provider, created_at, created_by) VALUES (@b, @v, @p, @a, @by)",
                ("@b", book.Id), ("@v", version), ("@p", book.Provider), ("@a", Format(at)), ("@by", scope.Actor));
            await tx.ExecuteAsync("INSERT INTO book_texts (book_id, version, yaml) VALUES (@b, @v, @y)", ("@b", book.Id), ("@v", version), ("@y", text));
            (string, object)[] shared = [("book_id", book.Id), ("version", version)];
            await tx.InsertAsync(new RowBatch("tenants", shared,
            [
                ("tenant_id", book.Tenants.Select(t => t.Id).ToArray()),
                ("name", book.Tenants.Select(t => t.Name).ToArray()),
                ("rivalry_group", book.Tenants.Select(t => t.RivalryGroup).ToArray()),
            ]));
            await tx.InsertAsync(new RowBatch("contracts", shared,
            [
                ("tenant_id", book.Contracts.Select(c => c.Tenant).ToArray()),
                ("contract_id", book.Contracts.Select(c => c.Id).ToArray()),
                ("body", book.Contracts.Select(c => JsonSerializer.Serialize(ContractView.Of(c), BodyJson)).ToArray()),
            ]));
            await AuditLog.AppendAsync(tx, "book.save", $"books/{book.Id}/versions/{version}", null);
            return new BookVersion(book.Id, version, book.Provider, at, scope.Actor);
        }, cancel);
    }

    /// <summary>
    /// Whether a latest version is visible to the scope: always for a provider; for a tenant only when it is a
    /// tenant of that version. Not the optional tenant filter: a book a tenant is not in does not exist for it,
    /// whatever the options (and in PostgreSQL the tenants rows it may see are its own anyway).
    /// </summary>
    private const string Member = "(@member IS NULL OR EXISTS (SELECT 1 FROM tenants t WHERE t.book_id = v.book_id AND t.version = v.version AND t.tenant_id = @member))";

    public Task<IReadOnlyList<BookVersion>> ListLatestAsync(AccessScope scope, CancellationToken cancel) =>
        transactions.ReadAsync<IReadOnlyList<BookVersion>>(scope, async tx => await tx.QueryAsync(
            $"""
            SELECT v.book_id, v.version, v.provider, v.created_at, v.created_by FROM book_versions v
            WHERE v.version = (SELECT MAX(version) FROM book_versions w WHERE w.book_id = v.book_id) AND {Member}
            ORDER BY v.book_id
            """, ReadVersion, ("@member", scope.VisibleTenant)), cancel);

    public async Task<int?> LatestVersionAsync(AccessScope scope, string bookId, CancellationToken cancel) =>
        (await transactions.ReadAsync(scope, tx => tx.QueryAsync(
            $"""
            SELECT v.version FROM book_versions v
            WHERE v.book_id = @b AND v.version = (SELECT MAX(version) FROM book_versions w WHERE w.book_id = @b) AND {Member}
            """, r => (int?)ToInt(r.GetValue(0)), ("@b", bookId), ("@member", scope.VisibleTenant)), cancel)).FirstOrDefault();

    public Task<IReadOnlyList<BookVersion>> ListVersionsAsync(AccessScope scope, string bookId, CancellationToken cancel) =>
        transactions.ReadAsync<IReadOnlyList<BookVersion>>(scope, async tx => await tx.QueryAsync(
            "SELECT book_id, version, provider, created_at, created_by FROM book_versions WHERE book_id = @b ORDER BY version",
            ReadVersion, ("@b", bookId)), cancel);

    /// <summary>A whole version for a provider, audited as <paramref name="purpose"/> in the same transaction; null for tenants.</summary>
    public async Task<StoredBook?> GetAsync(AccessScope scope, string bookId, int? version, BookReadPurpose purpose, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(scope);
        if (!scope.IsProvider && options.ApplyTenantFilter)
        {
            return null;
        }
        var found = await transactions.ReadTenantDataAsync(scope, row => row.Yaml is null ? null : purpose switch
        {
            // The entry names the version actually handed out, which a "latest" read resolves only here.
            BookReadPurpose.Export => new AuditedRead("book.export", $"books/{bookId}/versions/{row.Version.Version}"),
            BookReadPurpose.Investments => new AuditedRead("investments.read", $"books/{bookId}/investments"),
            _ => new AuditedRead("book.read", $"books/{bookId}/versions/{row.Version.Version}"),
        }, async tx => (await tx.QueryAsync(
            """
            SELECT v.book_id, v.version, v.provider, v.created_at, v.created_by, t.yaml
            FROM book_versions v JOIN book_texts t ON t.book_id = v.book_id AND t.version = v.version
            WHERE v.book_id = @b AND v.version = COALESCE(CAST(@v AS INTEGER), (SELECT MAX(version) FROM book_versions WHERE book_id = @b))
            """, r => (Version: ReadVersion(r), Yaml: (string?)r.GetString(5)), ("@b", bookId), ("@v", version))).FirstOrDefault(), cancel);
        if (found.Yaml is null)
        {
            return null;
        }
        var read = BookReader.ReadText(found.Yaml, $"books/{bookId}/versions/{found.Version.Version}");
        return read.Book is null ? throw new InvalidDataException($"stored book {bookId} version {found.Version.Version} no longer reads: {read.Errors[0]}")
            : new StoredBook(found.Version, found.Yaml, read.Book);
    }

    public Task<IReadOnlyList<TenantView>> ListTenantsAsync(AccessScope scope, string bookId, int version, CancellationToken cancel) =>
        transactions.ReadTenantDataAsync<IReadOnlyList<TenantView>>(scope, new AuditedRead("tenants.read", $"books/{bookId}/tenants"), async tx => await tx.QueryAsync(
            "SELECT tenant_id, name, rivalry_group FROM tenants WHERE book_id = @b AND version = @v AND (@tenant IS NULL OR tenant_id = @tenant) ORDER BY tenant_id",
            ReadTenant, ("@b", bookId), ("@v", version), ("@tenant", options.TenantFilter(scope))), cancel);

    public async Task<TenantView?> GetTenantAsync(AccessScope scope, string bookId, int version, string tenantId, CancellationToken cancel) =>
        (await transactions.ReadTenantDataAsync(scope, new AuditedRead("tenant.read", $"books/{bookId}/tenants/{tenantId}", tenantId), tx => tx.QueryAsync(
            "SELECT tenant_id, name, rivalry_group FROM tenants WHERE book_id = @b AND version = @v AND tenant_id = @id AND (@tenant IS NULL OR tenant_id = @tenant)",
            ReadTenant, ("@b", bookId), ("@v", version), ("@id", tenantId), ("@tenant", options.TenantFilter(scope))), cancel)).FirstOrDefault();

    public Task<IReadOnlyList<ContractView>> ListContractsAsync(AccessScope scope, string bookId, int version, string? tenantId, CancellationToken cancel) =>
        transactions.ReadTenantDataAsync<IReadOnlyList<ContractView>>(scope, new AuditedRead("contracts.read", $"books/{bookId}/contracts", tenantId), async tx => await tx.QueryAsync(
            """
            SELECT body FROM contracts WHERE book_id = @b AND version = @v AND (@id IS NULL OR tenant_id = @id)
            AND (@tenant IS NULL OR tenant_id = @tenant) ORDER BY contract_id
            """, ReadContract, ("@b", bookId), ("@v", version), ("@id", tenantId), ("@tenant", options.TenantFilter(scope))), cancel);

    public async Task<ContractView?> GetContractAsync(AccessScope scope, string bookId, int version, string contractId, CancellationToken cancel) =>
        (await transactions.ReadTenantDataAsync(scope, new AuditedRead("contract.read", $"books/{bookId}/contracts/{contractId}"), tx => tx.QueryAsync(
            "SELECT body FROM contracts WHERE book_id = @b AND version = @v AND contract_id = @c AND (@tenant IS NULL OR tenant_id = @tenant)",
            ReadContract, ("@b", bookId), ("@v", version), ("@c", contractId), ("@tenant", options.TenantFilter(scope))), cancel)).FirstOrDefault();

    private static BookVersion ReadVersion(DbDataReader r) =>
        new(r.GetString(0), ToInt(r.GetValue(1)), r.GetString(2), Parse(r.GetString(3)), r.GetString(4));

    private static TenantView ReadTenant(DbDataReader r) => new(r.GetString(0), r.GetString(1), r.IsDBNull(2) ? null : r.GetString(2));

    private static ContractView ReadContract(DbDataReader r) =>
        JsonSerializer.Deserialize<ContractView>(r.GetString(0), BodyJson) ?? throw new InvalidDataException("a stored contract is null");
}
