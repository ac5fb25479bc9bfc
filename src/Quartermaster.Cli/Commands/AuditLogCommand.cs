using System.CommandLine;
using Quartermaster.Documents;
using Quartermaster.Storage;

namespace Quartermaster.Cli.Commands;

/// <summary><c>qm audit-log verify|head</c>: checks the hash chain of the audit log.</summary>
internal static class AuditLogCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("audit-log", """
            Check the append-only audit log of every write and provider-side read of tenant data.

            Example:  qm audit-log verify --expect-head "$(cat audit-head.txt)"
            """);
        command.Subcommands.Add(Verify(context));
        command.Subcommands.Add(Head(context));
        return command;
    }

    private static Command Verify(CliContext context)
    {
        var db = DatabaseOptions.Database();
        var owner = DatabaseOptions.Owner();
        var head = new Option<string?>("--expect-head") { Description = "A head exported earlier (SEQUENCE:HASH); catches a truncated tail." };
        var json = new Option<bool>("--json") { Description = "Print the result as JSON on stdout." };
        var command = new Command("verify", """
            Recompute the hash chain; report an edited, deleted or reordered entry and which one.

            Example:  qm audit-log verify --db quartermaster.db
            Exit code 0 when intact, 1 when tampering is found, 2 when there is no such database.
            """)
        { db, owner, head, json };
        command.SetAction(async (parse, cancel) =>
        {
            using var store = await DatabaseOptions.OpenExistingAsync(context, "qm audit-log verify", parse.GetValue(db), parse.GetValue(owner), cancel);
            if (store is null)
            {
                return ExitCodes.BadInput;
            }
            var result = AuditVerification.Verify(await store.ReadAuditLogAsync(cancel), parse.GetValue(head));
            if (parse.GetValue(json))
            {
                Json.Write(context, new AuditLogVerifyDocument(result.IsIntact, result.Entries, result.Head, result.Problem));
            }
            else if (result.IsIntact)
            {
                context.Stdout.WriteLine($"audit log intact: {result.Entries} entries, head {result.Head}");
            }
            else
            {
                context.Stdout.WriteLine($"audit log TAMPERED: {result.Problem}");
            }
            return result.IsIntact ? ExitCodes.Ok : ExitCodes.Findings;
        });
        return command;
    }

    private static Command Head(CliContext context)
    {
        var db = DatabaseOptions.Database();
        var owner = DatabaseOptions.Owner();
        var command = new Command("head", """
            Print the latest entry's SEQUENCE:HASH, to keep outside the database.

            Example:  qm audit-log head > audit-head.txt
            """)
        { db, owner };
        command.SetAction(async (parse, cancel) =>
        {
            using var store = await DatabaseOptions.OpenExistingAsync(context, "qm audit-log head", parse.GetValue(db), parse.GetValue(owner), cancel);
            if (store is null)
            {
                return ExitCodes.BadInput;
            }
            var result = AuditVerification.Verify(await store.ReadAuditLogAsync(cancel));
            context.Stdout.WriteLine(result.Head);
            return result.IsIntact ? ExitCodes.Ok : ExitCodes.Findings;
        });
        return command;
    }
}
