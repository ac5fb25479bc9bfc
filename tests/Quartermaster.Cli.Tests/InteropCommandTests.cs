using Quartermaster.Books;

namespace Quartermaster.Cli.Tests;

/// <summary><c>qm export</c>, <c>qm import</c> and <c>qm template</c> run in process, as a user would run them.</summary>
public sealed class InteropCommandTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("qm-interop-");

    private string PathOf(string name) => Path.Combine(_dir.FullName, name);

    [Fact]
    public void An_exported_workbook_imports_back_to_the_canonical_yaml_of_the_book()
    {
        var export = Terminal.Run("export", Qm.Example, "--xlsx", PathOf("book.xlsx"), "--no-stress", "--deals", Path.Combine(Qm.Root, "data", "deals.csv"));
        Assert.Equal(0, export.ExitCode);
        Assert.Contains("book, scenario, sites, chip_pools, online, rivalry_groups, tenants, contracts, ramps, investments, allocations, fill, fill_by_month, idle, shortfalls, deals", export.Stderr, StringComparison.Ordinal);

        var import = Terminal.Run("import", PathOf("book.xlsx"), "--out", PathOf("back.yaml"));
        Assert.Equal(0, import.ExitCode);
        Assert.Contains("imported book 'neutral-cloud-2026': 5 sites, 5 tenants, 5 contracts, 1 investments", import.Stderr, StringComparison.Ordinal);
        Assert.Equal(BookWriter.Write(BookReader.ReadFile(Qm.Example).Book!), File.ReadAllText(PathOf("back.yaml")));
    }

    [Fact]
    public void The_export_with_stress_and_a_tornado_has_their_sheets_and_csv_files()
    {
        var export = Terminal.Run("export", Qm.Example, "--xlsx", PathOf("book.xlsx"), "--csv", PathOf("tables"), "--paths", "300", "--tornado");
        Assert.Equal(0, export.ExitCode);
        foreach (var sheet in new[] { "stress_summary", "stress_payoff", "stress_cash_by_year", "stress_stakes", "stress_tenants", "stress_months", "win_either_way", "tornado" })
        {
            Assert.Contains(sheet, export.Stderr, StringComparison.Ordinal);
            Assert.True(File.Exists(Path.Combine(PathOf("tables"), sheet + ".csv")), sheet + ".csv is missing");
        }
        Assert.StartsWith("measure,value,unit\nfutures simulated,300,count\n", File.ReadAllText(Path.Combine(PathOf("tables"), "stress_summary.csv")), StringComparison.Ordinal);
        var payoff = File.ReadAllLines(Path.Combine(PathOf("tables"), "stress_payoff.csv"));
        Assert.StartsWith("line,mean (USD),standard error (USD),", payoff[0], StringComparison.Ordinal);
        Assert.Equal(["operating", "stakes", "total"], payoff.Skip(1).Select(l => l.Split(',')[0]));
        Assert.Contains("total swing (USD)", File.ReadLines(Path.Combine(PathOf("tables"), "tornado.csv")).First(), StringComparison.Ordinal);
        // The example's horizon runs 2026-01 to 2035-12: one row per calendar year.
        Assert.Equal(["2026", "2027", "2028", "2029", "2030", "2031", "2032", "2033", "2034", "2035"],
            File.ReadLines(Path.Combine(PathOf("tables"), "stress_cash_by_year.csv")).Skip(1).Select(l => l.Split(',')[0]));
        var folder = Terminal.Run("import", PathOf("tables"));
        Assert.Equal(0, folder.ExitCode);
        Assert.Equal(BookWriter.Write(BookReader.ReadFile(Qm.Example).Book!), folder.Stdout);
    }

    [Fact]
    public void Import_errors_name_the_file_sheet_and_cell_all_at_once_and_exit_2()
    {
        Assert.Equal(0, Terminal.Run("export", Qm.Example, "--csv", PathOf("tables"), "--no-stress").ExitCode);
        var contracts = Path.Combine(PathOf("tables"), "contracts.csv");
        File.WriteAllText(contracts, File.ReadAllText(contracts).Replace("lab-a-2gw,frontier-lab-a,2026-07,2034-06,575000,", "lab-a-2gw,frontier-lab-a,July,2034-06,320K,", StringComparison.Ordinal));
        var import = Terminal.Run("import", PathOf("tables"), "--out", PathOf("never.yaml"));
        Assert.Equal(2, import.ExitCode);
        Assert.Equal(
            $"{PathOf("tables")}: contracts!C2: expected a month: a date on the first of the month, or text like 2026-06, got 'July'\n"
            + $"{PathOf("tables")}: contracts!E2: expected a number in USD/MW-month (the unit is in the header), got '320K'\n"
            + $"{PathOf("tables")}: 2 errors; no book written\n",
            import.Stderr.ReplaceLineEndings("\n"));
        Assert.False(File.Exists(PathOf("never.yaml")));
    }

    [Fact]
    public void The_template_imports_as_it_is()
    {
        Assert.Equal(0, Terminal.Run("template", "--xlsx", PathOf("template.xlsx")).ExitCode);
        var import = Terminal.Run("import", PathOf("template.xlsx"));
        Assert.Equal(0, import.ExitCode);
        Assert.StartsWith("book: my-book\nprovider: \"My Cloud\"\n", import.Stdout, StringComparison.Ordinal);
        Assert.True(BookReader.ReadText(import.Stdout, "template.yaml").IsValid);
    }

    [Fact]
    public void Export_without_a_destination_and_import_of_a_file_that_is_no_workbook_are_usage_errors()
    {
        var export = Terminal.Run("export", Qm.Example);
        Assert.Equal(2, export.ExitCode);
        Assert.Contains("qm export: give --xlsx FILE, --csv DIR, or both", export.Stderr, StringComparison.Ordinal);

        var import = Terminal.Run("import", Qm.Example);
        Assert.Equal(2, import.ExitCode);
        Assert.StartsWith($"{Qm.Example}: not an xlsx workbook", import.Stderr, StringComparison.Ordinal);
    }

    public void Dispose() => _dir.Delete(recursive: true);
}
