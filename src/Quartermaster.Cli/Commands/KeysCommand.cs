using System.CommandLine;
using System.Data.Common;
using Quartermaster.Documents;
using Quartermaster.Storage;
using Spectre.Console;

namespace Quartermaster.Cli.Commands;

/// <summary><c>qm keys create|list|revoke</c>: API keys, stored as salted hashes; a key is shown once.</summary>
internal static class KeysCommand
{
    private const string Verb = "qm keys create";

    private static readonly AccessScope Cli = new("cli", Role.Admin, null);

    public static Command Create(CliContext context)
    {
        var command = new Command("keys", """
            Create, list and revoke API keys.

            Example:  qm keys create --role tenant --tenant frontier-lab-a
            Roles: admin (writes), analyst (reads all provider-side data), tenant (reads its own tenant only).
            """);
        command.Subcommands.Add(CreateKey(context));
        command.Subcommands.Add(ListKeys(context));
        command.Subcommands.Add(RevokeKey(context));
        return command;
    }

    private static Command CreateKey(CliContext context)
    {
        var db = DatabaseOptions.Database();
        var owner = DatabaseOptions.Owner();
        var role = TypedOptions.OneOf("--role", "admin, analyst or tenant.", ["admin", "analyst", "tenant"]);
        role.Required = true;
        var tenant = new Option<string?>("--tenant") { Description = "The tenant id of a tenant key: a tenant of a stored book." };
        var allowUnknown = new Option<bool>("--allow-unknown-tenant")
        {
            Description = "Accept a tenant no stored book has yet (one a later book version will add).",
        };
        var command = new Command("create", """
            Create an API key and print it once on stdout; only a salted hash is stored.

            Example:  qm keys create --role admin
            Then:     curl -H "Authorization: Bearer $KEY" http://127.0.0.1:5080/api/v1/books
            A tenant key must name a tenant of a stored book (qm serve stores the example book when it starts
            on an empty database); --allow-unknown-tenant accepts one a later book version adds.
            """)
        { role, tenant, allowUnknown, db, owner };
        command.SetAction(async (parse, cancel) =>
        {
            _ = RoleNames.TryParse(parse.GetValue(role), out var r);
            var t = parse.GetValue(tenant);
            if ((r == Role.Tenant) != (t is not null))
            {
                context.Stderr.WriteLine(r == Role.Tenant ? $"{Verb}: a tenant key needs --tenant ID" : $"{Verb}: only a tenant key takes --tenant");
                return ExitCodes.BadInput;
            }
            if (parse.GetValue(allowUnknown) && t is null)
            {
                context.Stderr.WriteLine($"{Verb}: only a tenant key takes --allow-unknown-tenant");
                return ExitCodes.BadInput;
            }
            var (database, ownerDatabase) = (parse.GetValue(db), parse.GetValue(owner));
            var checkTenant = t is not null && !parse.GetValue(allowUnknown);
            if (checkTenant && !DatabaseOptions.IsPostgres(database) && !File.Exists(database ?? BookStores.DefaultSqliteFile))
            {
                // Refused before a database is created for a key that cannot be made.
                context.Stderr.WriteLine(UnknownTenant(t!, []));
                return ExitCodes.BadInput;
            }
            using var store = DatabaseOptions.Open(context, Verb, database, ownerDatabase);
            if (store is null)
            {
                return ExitCodes.BadInput;
            }
            CreatedApiKey created;
            try
            {
                // PostgreSQL's service role may not create tables: it migrates only when given the owner role.
                if (!DatabaseOptions.IsPostgres(database) || ownerDatabase is not null)
                {
                    await store.MigrateAsync(null, cancel);
                }
                if (checkTenant && await KnownTenantsAsync(store, cancel) is var known && !known.Contains(t!))
                {
                    context.Stderr.WriteLine(UnknownTenant(t!, known));
                    return ExitCodes.BadInput;
                }
                created = await store.CreateKeyAsync(Cli, r, t, cancel);
            }
            catch (DbException e)
            {
                context.Stderr.WriteLine(DatabaseOptions.Explain(Verb, e, database, ownerDatabase));
                return ExitCodes.BadInput;
            }
            context.Stdout.WriteLine(created.Key);
            context.Stderr.WriteLine($"created key {created.Record.KeyId} ({r.ToName()}{(t is null ? "" : " of " + t)}); it is shown only this once");
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>The tenants of the latest version of every stored book (an audited provider-side read).</summary>
    private static async Task<SortedSet<string>> KnownTenantsAsync(IBookStore store, CancellationToken cancel)
    {
        var known = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var book in await store.ListBooksAsync(Cli, cancel))
        {
            known.UnionWith((await store.ListTenantsAsync(Cli, book.BookId, book.Version, cancel)).Select(v => v.Id));
        }
        return known;
    }

    private static string UnknownTenant(string tenant, SortedSet<string> known)
    {
        const string allow = "pass --allow-unknown-tenant for a tenant a later book version adds";
        if (known.Count == 0)
        {
            return $"{Verb}: no book is stored yet, so no tenant is known; start qm serve once (it stores the example book) or {allow}";
        }
        var suggestion = Books.Suggestions.Closest(tenant, known);
        var shown = known.Count > 20 ? string.Join(", ", known.Take(20)) + $" and {known.Count - 20} more" : string.Join(", ", known);
        return $"{Verb}: no tenant {TypedOptions.Quote(tenant)} in the stored books (known: {shown})"
            + (suggestion is null ? "" : $"; did you mean '{suggestion}'?") + $"; {allow}";
    }

    private static Command ListKeys(CliContext context)
    {
        var db = DatabaseOptions.Database();
        var owner = DatabaseOptions.Owner();
        var json = new Option<bool>("--json") { Description = "Print the keys as JSON on stdout." };
        var command = new Command("list", """
            List API keys (ids, roles, tenants, revoked or not); secrets are never stored, so never shown.

            Example:  qm keys list
            """)
        { db, owner, json };
        command.SetAction(async (parse, cancel) =>
        {
            using var store = await DatabaseOptions.OpenExistingAsync(context, "qm keys list", parse.GetValue(db), parse.GetValue(owner), cancel);
            if (store is null)
            {
                return ExitCodes.BadInput;
            }
            var keys = await store.ListKeysAsync(cancel);
            if (parse.GetValue(json))
            {
                Json.Write(context, new KeysDocument([.. keys.Select(k => new KeyEntry(k.KeyId, k.Role.ToName(), k.TenantId, k.CreatedAt, k.RevokedAt))]));
                return ExitCodes.Ok;
            }
            var table = new Table().AddColumns("key id", "role", "tenant", "created", "revoked");
            foreach (var k in keys)
            {
                table.AddRow(k.KeyId, k.Role.ToName(), Markup.Escape(k.TenantId ?? ""), k.CreatedAt.ToString("u"), k.RevokedAt?.ToString("u") ?? "");
            }
            context.Out.Write(table);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command RevokeKey(CliContext context)
    {
        var db = DatabaseOptions.Database();
        var owner = DatabaseOptions.Owner();
        var id = new Argument<string>("KEYID") { Description = "The key id (the 12 hex digits after qm_)." };
        var command = new Command("revoke", """
            Revoke an API key; servers stop accepting it within seconds.

            Example:  qm keys revoke 3f9a0c12d4e5
            """)
        { id, db, owner };
        command.SetAction(async (parse, cancel) =>
        {
            using var store = await DatabaseOptions.OpenExistingAsync(context, "qm keys revoke", parse.GetValue(db), parse.GetValue(owner), cancel);
            if (store is null)
            {
                return ExitCodes.BadInput;
            }
            if (await store.RevokeKeyAsync(Cli, parse.GetValue(id)!, cancel))
            {
                context.Stderr.WriteLine($"revoked {parse.GetValue(id)}");
                return ExitCodes.Ok;
            }
            context.Stderr.WriteLine($"qm keys revoke: no valid key {parse.GetValue(id)}");
            return ExitCodes.BadInput;
        });
        return command;
    }
}
