namespace Quartermaster.Interop;

/// <summary>Sheets in the order they are written: the tables of one export, template or import.</summary>
/// <param name="Sheets">The sheets; names are unique.</param>
public sealed record Workbook(IReadOnlyList<Sheet> Sheets)
{
    /// <summary>The sheet named <paramref name="name"/>, or null.</summary>
    public Sheet? Find(string name) => Sheets.FirstOrDefault(s => s.Name == name);
}
