namespace Quartermaster.Watch.Csv;

/// <summary>One record (row) of a CSV file.</summary>
/// <param name="Fields">The fields in order; never empty.</param>
/// <param name="Line">1-based line the record starts on.</param>
internal sealed record CsvRecord(IReadOnlyList<CsvField> Fields, int Line);
