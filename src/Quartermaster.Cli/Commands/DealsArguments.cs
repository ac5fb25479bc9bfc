using System.CommandLine;
using System.Globalization;
using Quartermaster.Books;
using Quartermaster.Watch;

namespace Quartermaster.Cli.Commands;

/// <summary>The arguments the <c>qm deals</c> verbs share, loading their files and printing errors as <c>file:line:col: message</c>.</summary>
internal static class DealsArguments
{
    /// <summary>Where the shipped deals live, relative to the repository root (the working directory of most runs).</summary>
    public const string DefaultDeals = "data/deals.csv";

    /// <summary>Where the shipped rivalry groups live, relative to the repository root.</summary>
    public const string DefaultRivalries = "data/rivalries.yaml";

    public static Argument<string> DealsFile() => new("FILE")
    {
        Description = "The deals file (CSV, docs/deals.md).",
        Arity = ArgumentArity.ZeroOrOne,
        DefaultValueFactory = _ => DefaultDeals,
    };

    public static Option<bool> Json() => new("--json") { Description = "Print the result as JSON on stdout (snake_case, stable names)." };

    /// <summary>The deals in <paramref name="path"/>, or null after printing its errors to stderr.</summary>
    public static IReadOnlyList<Deal>? Load(CliContext context, string path)
    {
        var result = DealsReader.ReadFile(path);
        BookArguments.PrintErrors(context, result.Errors);
        return result.IsValid ? result.Deals : null;
    }

    /// <summary>The rivalry groups in <paramref name="path"/>, the built-in frontier group when null, or null after printing errors.</summary>
    public static IReadOnlyList<LabRivalryGroup>? LoadRivalries(CliContext context, string? path)
    {
        if (path is null)
        {
            return [LabRivalryGroup.FrontierLabs];
        }
        var (groups, errors) = RivalriesReader.ReadFile(path);
        BookArguments.PrintErrors(context, errors);
        return errors.Count == 0 ? groups : null;
    }

    /// <summary>
    /// The market section of a report: from <paramref name="dealsPath"/>, or <see cref="DefaultDeals"/> when null and present
    /// (else none), with rivalries from <paramref name="rivalriesPath"/>, or <see cref="DefaultRivalries"/> when null and
    /// present (else the frontier group). <paramref name="ok"/> is false after printing the errors of a bad file.
    /// </summary>
    public static DealsOverview? LoadOverview(CliContext context, string? dealsPath, string? rivalriesPath, out bool ok)
    {
        dealsPath ??= File.Exists(DefaultDeals) ? DefaultDeals : null;
        rivalriesPath ??= File.Exists(DefaultRivalries) ? DefaultRivalries : null;
        // A rivalries file named on the command line is checked even when there are no deals to draw.
        var deals = dealsPath is null ? [] : Load(context, dealsPath);
        var groups = LoadRivalries(context, rivalriesPath);
        ok = deals is not null && groups is not null;
        return ok && dealsPath is not null ? DealsOverview.Of(deals!, groups!) : null;
    }

    public static string Gw(double gw) => gw.ToString("#,0.###", CultureInfo.InvariantCulture) + " GW";

    public static string Usd(double usd) => usd == 0 ? "$0" : Quantities.FormatMoney(Math.Round(usd / 1e6) * 1e6);

    public static string Share(double? share) => share is { } s ? s.ToString("0.0%", CultureInfo.InvariantCulture) : "-";

    public static string Hhi(double? hhi) => hhi is { } h ? h.ToString("0.000", CultureInfo.InvariantCulture) : "-";
}
