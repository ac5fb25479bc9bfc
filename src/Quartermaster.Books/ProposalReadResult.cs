namespace Quartermaster.Books;

/// <summary>The outcome of reading a proposal against a book: the proposal when it is valid, else every error found.</summary>
/// <param name="Proposal">The proposal, or null when there are errors.</param>
/// <param name="Errors">All errors, sorted by line and column; empty when the proposal is valid.</param>
public sealed record ProposalReadResult(Proposal? Proposal, IReadOnlyList<BookError> Errors)
{
    /// <summary>True when the proposal was read without errors.</summary>
    public bool IsValid => Proposal is not null && Errors.Count == 0;
}
