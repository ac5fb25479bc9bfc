namespace Quartermaster.Watch.Csv;

/// <summary>One field of a CSV record, unquoted, with where it starts in the file.</summary>
/// <param name="Text">The field's value, quotes removed and doubled quotes undone.</param>
/// <param name="Line">1-based line of the field's first character.</param>
/// <param name="Column">1-based column of the field's first character (its opening quote when quoted).</param>
internal sealed record CsvField(string Text, int Line, int Column);
