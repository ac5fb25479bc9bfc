namespace Quartermaster.Interop.Tests;

/// <summary>Changes to a workbook's cells, as a person would make them in a spreadsheet.</summary>
internal static class Edits
{
    /// <summary>The workbook with the cell at <paramref name="reference"/> (such as <c>contracts!E2</c>) set to <paramref name="value"/>.</summary>
    public static Workbook Set(this Workbook workbook, string reference, Cell value)
    {
        var (sheetName, cell) = (reference.Split('!')[0], reference.Split('!')[1]);
        var column = cell.TakeWhile(char.IsLetter).Aggregate(0, (n, c) => (n * 26) + (c - 'A' + 1)) - 1;
        var row = int.Parse(new string(cell.SkipWhile(char.IsLetter).ToArray())) - 2;
        return new Workbook([.. workbook.Sheets.Select(s => s.Name != sheetName ? s : s with
        {
            Rows = [.. s.Rows.Select((r, i) => i != row ? r : (IReadOnlyList<Cell>)[.. r.Select((c, j) => j == column ? value : c)])],
        })]);
    }

    /// <summary>The workbook with the header of column <paramref name="column"/> (0-based) of <paramref name="sheetName"/> renamed, or the column removed when null.</summary>
    public static Workbook Header(this Workbook workbook, string sheetName, int column, string? header) =>
        new([.. workbook.Sheets.Select(s => s.Name != sheetName ? s : header is not null
            ? s with { Columns = [.. s.Columns.Select((c, i) => i == column ? new SheetColumn(header, null, c.Format) : c)] }
            : s with { Columns = [.. s.Columns.Where((_, i) => i != column)], Rows = [.. s.Rows.Select(r => (IReadOnlyList<Cell>)[.. r.Where((_, i) => i != column)])] })]);
}
