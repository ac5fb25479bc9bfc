namespace Quartermaster.Interop;

/// <summary>
/// One column of a sheet: its name, the unit every number in it is in (shown in the header, <c>price (USD/MW-month)</c>),
/// how it is shown, and, for columns of words, the words allowed (a drop-down list in the template).
/// </summary>
/// <param name="Name">The column's name, such as <c>take or pay</c>.</param>
/// <param name="Unit">The unit of its numbers, such as <c>MW</c> or <c>fraction</c>; null for text and months.</param>
/// <param name="Format">How its values are shown.</param>
/// <param name="Choices">The words a cell may hold, or null for any value.</param>
/// <param name="Note">What the column means and when it may be left empty, for the template's notes.</param>
public sealed record SheetColumn(string Name, string? Unit, ColumnFormat Format, IReadOnlyList<string>? Choices = null, string Note = "")
{
    /// <summary>The header as written in row 1: the name, then the unit in parentheses when there is one.</summary>
    public string Header => Unit is null ? Name : $"{Name} ({Unit})";
}
