namespace Quartermaster.Documents;

/// <summary>A kind of document the program emits, with the name its schema is published under.</summary>
/// <param name="Name">The schema's name: <c>docs/schemas/NAME.schema.json</c>, and the argument of <c>qm schema NAME</c>.</param>
/// <param name="Type">The record type of the document.</param>
/// <param name="Source">What prints or embeds it, such as <c>qm plan BOOK --json</c>.</param>
public sealed record DocumentKind(string Name, Type Type, string Source)
{
    /// <summary>Every document, in the order of the command line's help.</summary>
    public static IReadOnlyList<DocumentKind> All { get; } =
    [
        new("validate", typeof(ValidateDocument), "qm validate BOOK... --json"),
        new("show", typeof(ShowDocument), "qm show BOOK --json"),
        new("plan", typeof(PlanDocument), "qm plan BOOK --json"),
        new("audit", typeof(AuditDocument), "qm audit BOOK --json"),
        new("stress", typeof(StressDocument), "qm stress BOOK --json"),
        new("stress-comparison", typeof(StressComparisonDocument), "qm stress BOOK --compare OTHER --json"),
        new("tornado", typeof(TornadoDocument), "qm stress BOOK --tornado --json"),
        new("diff", typeof(DiffDocument), "qm diff OLD NEW --json, and GET /api/v1/books/{book}/versions/{a}/diff/{b}"),
        new("quote", typeof(QuoteDocument), "qm quote BOOK PROPOSAL --json, and POST /api/v1/books/{book}/quotes"),
        new("report", typeof(ReportDocument), "qm report BOOK --out DIR (the data inside report.html)"),
        new("deals-validate", typeof(DealsValidateDocument), "qm deals validate FILE... --json"),
        new("deals-timeline", typeof(DealsTimelineDocument), "qm deals timeline --json"),
        new("deals-map", typeof(DealsMapDocument), "qm deals map --json"),
        new("deals-exposure", typeof(DealsExposureDocument), "qm deals exposure --json"),
        new("deals-alerts", typeof(DealsAlertsDocument), "qm deals alerts --rules RULES --json"),
        new("keys-list", typeof(KeysDocument), "qm keys list --json"),
        new("audit-log-verify", typeof(AuditLogVerifyDocument), "qm audit-log verify --json"),
    ];

    /// <summary>The document named <paramref name="name"/>, or null.</summary>
    public static DocumentKind? Find(string name) => All.FirstOrDefault(d => d.Name == name);

    /// <summary>The version of the document's current shape (its <c>schema_version</c>).</summary>
    public int Version => (int)Type.GetField("Version")!.GetValue(null)!;
}
