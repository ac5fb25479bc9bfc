using System.CommandLine;
using Quartermaster.Books;

namespace Quartermaster.Cli.Commands;

/// <summary><c>qm gen</c>: writes a synthetic book of any size, for tests and benchmarks.</summary>
internal static class GenCommand
{
    public static Command Create()
    {
        var sites = Positive("--sites", "Number of sites.", 20);
        var tenants = Positive("--tenants", "Number of tenants (about 60% of them in rivalry groups of 2 or 3).", 8);
        var contracts = Positive("--contracts", "Number of contracts.", 20);
        var months = Positive("--months", "Months in the horizon, starting 2026-01.", 60, Books.BookLimits.MaxHorizonMonths);
        var seed = new Option<ulong>("--seed") { Description = "Seed; the same options and seed always give the same book.", DefaultValueFactory = _ => 1 };
        var shortage = new Option<double>("--shortage")
        {
            Description = "Committed / online capacity in MW-months over the horizon (1.3: 30% more promised than built).",
            DefaultValueFactory = _ => 1.3,
        };
        shortage.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<double>() is <= 0 or > 100 or double.NaN)
            {
                r.AddError("--shortage must be above 0 and at most 100.");
            }
        });
        var dedicated = new Option<double>("--dedicated-hall")
        {
            Description = "Fraction of contracts that require a dedicated hall, 0 to 1 (default 0; the planner refuses isolation that binds in a shortage).",
        };
        dedicated.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<double>() is < 0 or > 1 or double.NaN)
            {
                r.AddError("--dedicated-hall must be between 0 and 1.");
            }
        });
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
                Console.Error.WriteLine($"wrote {path}: {book.Sites.Count} sites, {book.Tenants.Count} tenants, {book.Contracts.Count} contracts, {book.Horizon.MonthCount} months");
            }
            else
            {
                Console.Out.Write(BookWriter.Write(book));
            }
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Option<int> Positive(string name, string description, int defaultValue, int max = 100_000)
    {
        var option = new Option<int>(name) { Description = description, DefaultValueFactory = _ => defaultValue };
        option.Validators.Add(r =>
        {
            var value = r.GetValueOrDefault<int>();
            if (value < 1 || value > max)
            {
                r.AddError($"{name} must be between 1 and {max}.");
            }
        });
        return option;
    }
}
