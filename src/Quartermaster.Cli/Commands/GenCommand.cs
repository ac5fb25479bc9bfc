using System.CommandLine;
using Quartermaster.Books;

namespace Quartermaster.Cli.Commands;

/// <summary><c>qm gen</c>: writes a synthetic book of any size, for tests and benchmarks.</summary>
internal static class GenCommand
{
    private const int MaxCount = 100_000;

    public static Command Create(CliContext context)
    {
        var sites = TypedOptions.WholeNumber("--sites", "Number of sites.", 1, MaxCount, 20);
        var tenants = TypedOptions.WholeNumber("--tenants", "Number of tenants (about 60% of them in rivalry groups of 2 or 3).", 1, MaxCount, 8);
        var contracts = TypedOptions.WholeNumber("--contracts", "Number of contracts.", 1, MaxCount, 20);
        var months = TypedOptions.WholeNumber("--months", "Months in the horizon, starting 2026-01.", 1, BookLimits.MaxHorizonMonths, 60);
        var seed = TypedOptions.Seed("--seed", "Seed; the same options and seed always give the same book.", 1);
        var shortage = TypedOptions.Number("--shortage",
            "Committed / online capacity in MW-months over the horizon (1.3: 30% more promised than built).", 1.3, 0, 100, aboveMin: true);
        var dedicated = TypedOptions.Number("--dedicated-hall",
            "Fraction of contracts that require a dedicated hall (never sharing a hall with a rival), 0 to 1. Months where a dedicated-hall contract and a rival both get MW are split into halls with small OR-Tools SCIP programs.", 0.1, 0, 1);
        var randomStress = new Option<bool>("--random-stress")
        {
            Description = "Draw every stress setting (scenario, tenant risks, IT capex, stakes) at random over its valid range, edges included: books for testing the engine.",
        };
        var output = new Option<string?>("--out") { Description = "Write the book to this file instead of stdout." };
        var command = new Command("gen", """
            Generate a valid synthetic book of any size (deterministic for a seed).

            Example:  qm gen --sites 500 --tenants 50 --contracts 200 --months 120 --seed 7 --out big.yaml
            Sites get regions, chip pools and a build-out; tenants rivalry groups; contracts ramps,
            scaled so that committed / online capacity equals --shortage.
            """)
        { sites, tenants, contracts, months, seed, shortage, dedicated, randomStress, output };
        command.SetAction(parse =>
        {
            var book = SyntheticBooks.Generate(new SyntheticBookOptions(
                parse.GetValue(sites), parse.GetValue(tenants), parse.GetValue(contracts), parse.GetValue(months),
                parse.GetValue(seed), parse.GetValue(shortage), parse.GetValue(dedicated), parse.GetValue(randomStress)));
            if (parse.GetValue(output) is { } path)
            {
                BookWriter.WriteFile(book, path);
                context.Stderr.WriteLine($"wrote {path}: {book.Sites.Count} sites, {book.Tenants.Count} tenants, {book.Contracts.Count} contracts, {book.Horizon.MonthCount} months");
            }
            else
            {
                context.Stdout.Write(BookWriter.Write(book));
            }
            return ExitCodes.Ok;
        });
        return command;
    }
}
