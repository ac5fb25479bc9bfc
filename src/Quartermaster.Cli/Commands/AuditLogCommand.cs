using System.CommandLine;
using Quartermaster.Documents;
using Quartermaster.Storage;

namespace Quartermaster.Cli.Commands;

/// <summary><c>qm audit-log verify|head</c>: checks the hash chain of the audit log.</summary>
internal static class AuditLogCommand
{
    public static Command Create()
    {
        var command = new Command("audit-log", """
            Check the append-only audit log of every write and provider-side read of tenant data.

            Example:  qm audit-log verify --expect-head "$(cat audit-head.txt)"
            """);
        command.Subcommands.Add(Verify());
        command.Subcommands.Add(Head());
        return command;
    }

    private static Command Verify()
    {
        var db = DatabaseOptions.Database();
        var head = new Option<string?>("--expect-head") { Description = "A head exported earlier (SEQUENCE:HASH); catches a truncated tail." };
        var json = new Option<bool>("--json") { Description = "Print the result as JSON on stdout." };
        var command = new Command("verify", """
            Recompute the hash chain; report an edited, deleted or reordered entry and which one.

            Example:  qm audit-log verify --db quartermaster.db
            Exit code 0 when intact, 1 when tampering is found.
            """)
        { db, head, json };
        command.SetAction(async (parse, cancel) =>
        {
            using var store = BookStores.Open(parse.GetValue(db));
            var result = AuditVerification.Verify(await store.ReadAuditLogAsync(cancel), parse.GetValue(head));
            if (parse.GetValue(json))
            {
                Json.Write(new AuditLogVerifyDocument(result.IsIntact, result.Entries, result.Head, result.Problem));
            }
            else if (result.IsIntact)
            {
                Console.Out.WriteLine($"audit log intact: {result.Entries} entries, head {result.Head}");
            }
            else
            {
                Console.Out.WriteLine($"audit log TAMPERED: {result.Problem}");
            }
            return result.IsIntact ? ExitCodes.Ok : ExitCodes.Findings;
        });
        return command;
    }

    private static Command Head()
    {
        var db = DatabaseOptions.Database();
        var command = new Command("head", """
            Print the latest entry's SEQUENCE:HASH, to keep outside the database.

            Example:  qm audit-log head > audit-head.txt
            """)
        { db };
        command.SetAction(async (parse, cancel) =>
        {
            using var store = BookStores.Open(parse.GetValue(db));
            var result = AuditVerification.Verify(await store.ReadAuditLogAsync(cancel));
            Console.Out.WriteLine(result.Head);
            return result.IsIntact ? ExitCodes.Ok : ExitCodes.Findings;
        });
        return command;
    }
}
