namespace Quartermaster.Planning;

/// <summary>
/// A book the planner cannot plan as asked, such as a <c>dedicated-hall</c> contract with a rival
/// (hall isolation is not supported yet). The message names the contract and says why.
/// </summary>
public sealed class PlanningException : Exception
{
    /// <summary>Creates the exception with its message.</summary>
    public PlanningException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with no message.</summary>
    public PlanningException()
    {
    }

    /// <summary>Creates the exception with its message and cause.</summary>
    public PlanningException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
