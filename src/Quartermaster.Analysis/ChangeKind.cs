namespace Quartermaster.Analysis;

/// <summary>How an entity differs between two books.</summary>
public enum ChangeKind
{
    /// <summary>Only in the new book.</summary>
    Added,

    /// <summary>Only in the old book.</summary>
    Removed,

    /// <summary>In both, with at least one field that differs.</summary>
    Changed,
}
