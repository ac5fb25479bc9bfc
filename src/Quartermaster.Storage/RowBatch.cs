namespace Quartermaster.Storage;

/// <summary>
/// Rows for one table, stored by column so a database can take them in one statement: the values every row
/// shares (a plan's id, book and version), and one array per column that varies (all the same length).
/// </summary>
/// <param name="Table">The table, a fixed name from the store's own code (never user input).</param>
/// <param name="Shared">Columns with one value for every row.</param>
/// <param name="Varying">Columns with a value per row: <c>string[]</c> or <c>double[]</c>.</param>
internal sealed record RowBatch(string Table, IReadOnlyList<(string Column, object Value)> Shared, IReadOnlyList<(string Column, Array Values)> Varying)
{
    /// <summary>The number of rows.</summary>
    public int Count => Varying.Count == 0 ? 0 : Varying[0].Values.Length;
}
