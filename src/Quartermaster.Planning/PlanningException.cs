namespace Quartermaster.Planning;

/// <summary>
/// A book the planner cannot plan as asked: a non-positive weight under <c>weighted</c>. The message names the
/// contract and says why.
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
