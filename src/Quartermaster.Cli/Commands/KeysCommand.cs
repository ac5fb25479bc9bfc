using System.CommandLine;
using System.Data.Common;
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
        var tenant = new Option<string?>("--tenant") { Description = "The tenant id of a tenant key." };
        var command = new Command("create", """
            Create an API key and print it once on stdout; only a salted hash is stored.

            Example:  qm keys create --role admin
            Then:     curl -H "Authorization: Bearer $KEY" http://127.0.0.1:5080/api/v1/books
            """)
        { role, tenant, db, owner };
        command.SetAction(async (parse, cancel) =>
        {
            _ = RoleNames.TryParse(parse.GetValue(role), out var r);
            var t = parse.GetValue(tenant);
            if ((r == Role.Tenant) != (t is not null))
            {
                context.Stderr.WriteLine(r == Role.Tenant ? $"{Verb}: a tenant key needs --tenant ID" : $"{Verb}: only a tenant key takes --tenant");
                return ExitCodes.BadInput;
            }
            var (database, ownerDatabase) = (parse.GetValue(db), parse.GetValue(owner));
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
                Json.Write(context, keys.Select(k => new { k.KeyId, Role = k.Role.ToName(), k.TenantId, k.CreatedAt, k.RevokedAt }));
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
