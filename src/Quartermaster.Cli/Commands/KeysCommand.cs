using System.CommandLine;
using Quartermaster.Documents;
using Quartermaster.Storage;
using Spectre.Console;

namespace Quartermaster.Cli.Commands;

/// <summary><c>qm keys create|list|revoke</c>: API keys, stored as salted hashes; a key is shown once.</summary>
internal static class KeysCommand
{
    private static readonly AccessScope Cli = new("cli", Role.Admin, null);

    public static Command Create()
    {
        var command = new Command("keys", """
            Create, list and revoke API keys.

            Example:  qm keys create --role tenant --tenant frontier-lab-a
            Roles: admin (writes), analyst (reads all provider-side data), tenant (reads its own tenant only).
            """);
        command.Subcommands.Add(CreateKey());
        command.Subcommands.Add(ListKeys());
        command.Subcommands.Add(RevokeKey());
        return command;
    }

    private static Command CreateKey()
    {
        var db = DatabaseOptions.Database();
        var owner = DatabaseOptions.Owner();
        var role = new Option<string>("--role") { Description = "admin, analyst or tenant.", Required = true };
        role.AcceptOnlyFromAmong("admin", "analyst", "tenant");
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
                Console.Error.WriteLine(r == Role.Tenant ? "qm keys create: a tenant key needs --tenant ID" : "qm keys create: only a tenant key takes --tenant");
                return ExitCodes.BadInput;
            }
            using var store = BookStores.Open(parse.GetValue(db), parse.GetValue(owner));
            await store.MigrateAsync(null, cancel);
            var created = await store.CreateKeyAsync(Cli, r, t, cancel);
            Console.Out.WriteLine(created.Key);
            Console.Error.WriteLine($"created key {created.Record.KeyId} ({r.ToName()}{(t is null ? "" : " of " + t)}); it is shown only this once");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command ListKeys()
    {
        var db = DatabaseOptions.Database();
        var json = new Option<bool>("--json") { Description = "Print the keys as JSON on stdout." };
        var command = new Command("list", """
            List API keys (ids, roles, tenants, revoked or not); secrets are never stored, so never shown.

            Example:  qm keys list
            """)
        { db, json };
        command.SetAction(async (parse, cancel) =>
        {
            using var store = BookStores.Open(parse.GetValue(db));
            var keys = await store.ListKeysAsync(cancel);
            if (parse.GetValue(json))
            {
                Json.Write(new KeysDocument([.. keys.Select(k => new KeyEntry(k.KeyId, k.Role.ToName(), k.TenantId, k.CreatedAt, k.RevokedAt))]));
                return ExitCodes.Ok;
            }
            var table = new Table().AddColumns("key id", "role", "tenant", "created", "revoked");
            foreach (var k in keys)
            {
                table.AddRow(k.KeyId, k.Role.ToName(), Markup.Escape(k.TenantId ?? ""), k.CreatedAt.ToString("u"), k.RevokedAt?.ToString("u") ?? "");
            }
            AnsiConsole.Write(table);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command RevokeKey()
    {
        var db = DatabaseOptions.Database();
        var id = new Argument<string>("KEYID") { Description = "The key id (the 12 hex digits after qm_)." };
        var command = new Command("revoke", """
            Revoke an API key; servers stop accepting it within seconds.

            Example:  qm keys revoke 3f9a0c12d4e5
            """)
        { id, db };
        command.SetAction(async (parse, cancel) =>
        {
            using var store = BookStores.Open(parse.GetValue(db));
            if (await store.RevokeKeyAsync(Cli, parse.GetValue(id)!, cancel))
            {
                Console.Error.WriteLine($"revoked {parse.GetValue(id)}");
                return ExitCodes.Ok;
            }
            Console.Error.WriteLine($"qm keys revoke: no valid key {parse.GetValue(id)}");
            return ExitCodes.BadInput;
        });
        return command;
    }
}
