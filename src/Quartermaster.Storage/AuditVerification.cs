namespace Quartermaster.Storage;

/// <summary>The outcome of checking an audit log's hash chain.</summary>
/// <param name="IsIntact">True when every entry is in place and unchanged (and the expected head, if given, is present).</param>
/// <param name="Entries">Number of entries checked.</param>
/// <param name="HeadSequence">Sequence of the last entry, 0 when empty.</param>
/// <param name="HeadHash">Hash of the last entry (the value to export and keep elsewhere).</param>
/// <param name="Problem">What is wrong and at which entry, when not intact.</param>
public sealed record AuditVerification(bool IsIntact, int Entries, long HeadSequence, string HeadHash, string? Problem)
{
    /// <summary>The exportable head: <c>SEQUENCE:HASH</c>.</summary>
    public string Head => $"{HeadSequence}:{HeadHash}";

    /// <summary>
    /// Checks <paramref name="entries"/> (in stored sequence order). An entry whose hash does not match
    /// its own fields was edited; a gap in sequence numbers is a deletion; an entry intact in itself but
    /// not chained to the one before was moved (or the one before it deleted). With
    /// <paramref name="expectedHead"/> (<c>SEQUENCE:HASH</c>, exported earlier) a truncated tail is caught too.
    /// </summary>
    public static AuditVerification Verify(IReadOnlyList<AuditEntry> entries, string? expectedHead = null)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var previousHash = AuditEntry.GenesisHash;
        long previousSequence = 0;
        foreach (var entry in entries)
        {
            string? problem = null;
            if (entry.ComputeHash() != entry.Hash)
            {
                problem = MovedFrom(entry, entries.Count) is { } original
                    ? $"entry {original} was moved to position {entry.Sequence}: the log was reordered"
                    : $"entry {entry.Sequence} was edited: its hash does not match its contents";
            }
            else if (entry.Sequence != previousSequence + 1)
            {
                problem = entry.Sequence > previousSequence + 1
                    ? $"entries {previousSequence + 1}..{entry.Sequence - 1} were deleted"
                    : $"entry {entry.Sequence} is out of order: it follows entry {previousSequence}";
            }
            else if (entry.PreviousHash != previousHash)
            {
                problem = $"entry {entry.Sequence} was moved or the entry before it replaced: it does not chain to entry {previousSequence}";
            }
            if (problem is not null)
            {
                return new AuditVerification(false, entries.Count, previousSequence, previousHash, problem);
            }
            previousHash = entry.Hash;
            previousSequence = entry.Sequence;
        }
        if (expectedHead is not null)
        {
            var parts = expectedHead.Trim().Split(':');
            if (parts.Length != 2 || !long.TryParse(parts[0], out var sequence))
            {
                return new AuditVerification(false, entries.Count, previousSequence, previousHash, $"'{expectedHead}' is not a head like 42:HASH");
            }
            var match = entries.FirstOrDefault(e => e.Sequence == sequence);
            if (match is null)
            {
                return new AuditVerification(false, entries.Count, previousSequence, previousHash,
                    $"entries {previousSequence + 1}..{sequence} were deleted: the log ends at {previousSequence}, the exported head is {sequence}");
            }
            if (!string.Equals(match.Hash, parts[1], StringComparison.OrdinalIgnoreCase))
            {
                return new AuditVerification(false, entries.Count, previousSequence, previousHash,
                    $"entry {sequence} differs from the exported head: the log was rewritten up to there");
            }
        }
        return new AuditVerification(true, entries.Count, previousSequence, previousHash, null);
    }

    /// <summary>The position an unchanged entry had before it was moved to <c>entry.Sequence</c>, if any.</summary>
    private static long? MovedFrom(AuditEntry entry, int count)
    {
        for (long s = 1; s <= count + 1; s++)
        {
            if (s != entry.Sequence && (entry with { Sequence = s }).ComputeHash() == entry.Hash)
            {
                return s;
            }
        }
        return null;
    }
}
