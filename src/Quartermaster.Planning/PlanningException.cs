namespace Quartermaster.Planning;

/// <summary>
/// A book the planner cannot plan as asked: a month where <c>dedicated-hall</c> isolation changes the fair
/// shares, which is not supported yet. The message names the month and the contracts and says why.
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
