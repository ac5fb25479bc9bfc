using Quartermaster.Core;
using Quartermaster.Stress;
using Quartermaster.Watch;

namespace Quartermaster.Interop;

/// <summary>
/// The workbook <c>qm export</c> writes: the book part (<see cref="BookSheets"/>, which <c>qm import</c> reads back), then
/// the plan, the stress results and the public deals, each part present when given.
/// </summary>
public static class WorkbookExport
{
    /// <summary>The workbook of <paramref name="book"/> with whichever of the other parts are given.</summary>
    public static Workbook Of(Book book, Plan? plan = null, StressResult? stress = null, TornadoChart? tornado = null, IReadOnlyList<Deal>? deals = null)
    {
        ArgumentNullException.ThrowIfNull(book);
        var sheets = new List<Sheet>(BookSheets.Of(book));
        if (plan is not null)
        {
            sheets.AddRange(PlanSheets.Of(book, plan));
        }
        if (stress is not null)
        {
            sheets.AddRange(StressSheets.Of(book, stress, tornado));
        }
        if (deals is not null)
        {
            sheets.Add(DealSheets.Of(deals));
        }
        return new Workbook(sheets);
    }

    /// <summary>
    /// The template <c>qm template</c> writes: the book part filled with a small example (two rival labs sharing one site),
    /// which imports as it is, and a <c>notes</c> sheet saying what every column holds.
    /// </summary>
    public static Workbook Template() => new([.. BookSheets.Of(TemplateBook.Example), Notes()]);

    private static Sheet Notes()
    {
        var rows = new List<IReadOnlyList<Cell>>();
        foreach (var name in BookColumns.SheetNames)
        {
            foreach (var column in BookColumns.Of(name))
            {
                rows.Add([Cell.Of(name), Cell.Of(column.Header), Cell.Of(column.Note)]);
            }
        }
        foreach (var setting in BookSettings.Book.Concat(BookSettings.Scenario))
        {
            var sheet = BookSettings.Book.Contains(setting) ? BookColumns.Book : BookColumns.Scenario;
            rows.Add([Cell.Of(sheet), Cell.Of("setting: " + setting.Name), Cell.Of(SettingNote(setting))]);
        }
        return new Sheet("notes", [PlanSheets.Text("sheet"), PlanSheets.Text("column"), PlanSheets.Text("what it holds")], rows);
    }

    private static string SettingNote(BookSetting setting) => setting.Kind switch
    {
        SettingKind.Rate => "A fraction (0.08 for 8%) with its period in the 'period' column (yr or month); empty: the default.",
        SettingKind.Word => "One of: " + string.Join(", ", setting.Words!) + "; empty: the default.",
        SettingKind.Month => "A date on the first of a month (shown yyyy-mm), or text like 2026-06.",
        SettingKind.Seed => "A whole number; the same book and seed give the same stress results.",
        SettingKind.WholeNumber => "A whole number; empty: the default.",
        _ => "Text; required.",
    };
}
