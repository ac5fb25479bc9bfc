using System.CommandLine;
using Quartermaster.Core;

namespace Quartermaster.Cli.Commands;

/// <summary>The <c>--policy</c> option shared by plan, audit, stress and report.</summary>
internal static class PolicyOption
{
    public static Option<string?> Create() => TypedOptions.OneOf("--policy",
        "How to divide a shortage: max-min (neutral default), pro-rata, weighted, revenue-max (not neutral) "
        + "or favour-stakes (a what-if that serves tenants we hold stakes in first). Default: the book's scenario policy.",
        [.. AllocationPolicyNames.All]);

    /// <summary>The policy named on the command line, else the one the book declares.</summary>
    public static AllocationPolicy Resolve(string? name, Book book) =>
        name is not null && AllocationPolicyNames.TryParse(name, out var policy) ? policy : book.Scenario.Policy;
}
