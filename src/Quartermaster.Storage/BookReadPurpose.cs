namespace Quartermaster.Storage;

/// <summary>
/// Why a provider reads a whole book version: a book holds every tenant's contracts, so each read is audited,
/// and the audit entry says what the book was read for.
/// </summary>
public enum BookReadPurpose
{
    /// <summary>Any use of the book (its sites, its size, planning or stressing it): audited as <c>book.read</c>.</summary>
    Read,
    /// <summary>The YAML text handed out as is: audited as <c>book.export</c>.</summary>
    Export,
    /// <summary>The provider's equity stakes in tenants: audited as <c>investments.read</c> on <c>books/{id}/investments</c>.</summary>
    Investments,
}
