namespace Quartermaster.Interop;

/// <summary>
/// One table of a workbook: a header row of <see cref="Columns"/>, then <see cref="Rows"/> of cells, one per column.
/// Written as a worksheet of an xlsx file or as <c>NAME.csv</c>. Row i of <see cref="Rows"/> is spreadsheet row i + 2.
/// </summary>
/// <param name="Name">The sheet's name (at most 31 characters: Excel's limit), also the CSV file's name.</param>
/// <param name="Columns">The columns, in order.</param>
/// <param name="Rows">The rows; each has one cell per column.</param>
public sealed record Sheet(string Name, IReadOnlyList<SheetColumn> Columns, IReadOnlyList<IReadOnlyList<Cell>> Rows)
{
    /// <summary>The spreadsheet name of column <paramref name="index"/> (0-based): A, B, ..., Z, AA, AB, ...</summary>
    public static string ColumnLetter(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        var letters = "";
        for (var i = index + 1; i > 0; i = (i - 1) / 26)
        {
            letters = (char)('A' + ((i - 1) % 26)) + letters;
        }
        return letters;
    }

    /// <summary>The reference of a cell, <c>contracts!D7</c>, from a 0-based column and a 1-based spreadsheet row.</summary>
    public string CellReference(int column, int row) => $"{Name}!{ColumnLetter(column)}{row}";
}
