namespace Quartermaster.Interop;

/// <summary>
/// A sheet as read from a file, before its values are checked: row 1's headers, then every non-blank row with its
/// spreadsheet row number, cells by column (numbers from xlsx; everything as text from CSV).
/// </summary>
/// <param name="Name">The sheet's name (a CSV file's name without <c>.csv</c>).</param>
/// <param name="Headers">The texts of row 1, by column; empty text for an empty header cell.</param>
/// <param name="Rows">The rows below the header that hold at least one value.</param>
public sealed record InputSheet(string Name, IReadOnlyList<string> Headers, IReadOnlyList<InputRow> Rows);

/// <summary>One row of an <see cref="InputSheet"/>.</summary>
/// <param name="Number">The spreadsheet row number, from 2 (row 1 holds the headers).</param>
/// <param name="Cells">Cells by column, from A; a row may be shorter than the headers (missing cells are empty).</param>
public sealed record InputRow(int Number, IReadOnlyList<Cell> Cells)
{
    /// <summary>The cell in column <paramref name="column"/> (0-based), empty when past the row's end.</summary>
    public Cell this[int column] => column < Cells.Count ? Cells[column] : Cell.Empty;
}
