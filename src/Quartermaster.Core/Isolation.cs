namespace Quartermaster.Core;

/// <summary>How a contract's capacity may share halls with other tenants.</summary>
public enum Isolation
{
    /// <summary>Any hall, shared with anyone (<c>shared</c>).</summary>
    Shared,

    /// <summary>Never in a hall with a tenant of the same rivalry group (<c>dedicated-hall</c>).</summary>
    DedicatedHall,
}
