namespace Quartermaster.Interop;

/// <summary>
/// A mistake in an imported workbook or CSV folder that the user can fix: the sheet, the cell when one is to blame,
/// and what was expected. Printed as <c>contracts!D7: message</c>, the form a spreadsheet's name box accepts.
/// </summary>
/// <param name="Sheet">The sheet (a CSV file's name without <c>.csv</c>); empty for the workbook as a whole.</param>
/// <param name="Cell">The cell, such as <c>D7</c>, or null when the whole sheet is at fault.</param>
/// <param name="Message">What is wrong and what was expected.</param>
public sealed record ImportError(string Sheet, string? Cell, string Message)
{
    /// <summary>Formats as <c>sheet!cell: message</c>, <c>sheet: message</c> or the message alone.</summary>
    public override string ToString() =>
        Sheet.Length == 0 ? Message : Cell is null ? $"{Sheet}: {Message}" : $"{Sheet}!{Cell}: {Message}";
}
