using Microsoft.AspNetCore.Http.HttpResults;

namespace Quartermaster.Server;

/// <summary>
/// The RFC 9457 problem details the endpoints return. <see cref="NotFound"/> is one fixed body: a rival
/// tenant's resource and a made-up id must be indistinguishable, so it never names what was asked for.
/// </summary>
internal static class Problems
{
    public static ProblemHttpResult NotFound() =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not Found",
            detail: "There is no such resource, or you may not see it.");

    public static ProblemHttpResult BadRequest(string detail, IEnumerable<BodyError>? errors = null) =>
        TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Bad Request", detail: detail,
            extensions: errors is null ? null : new Dictionary<string, object?> { ["errors"] = errors.ToList() });

    public static ProblemHttpResult Conflict(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Conflict", detail: detail);
}

/// <summary>Where a request body is wrong: 1-based line and column, and what was expected.</summary>
/// <param name="Line">Line, from 1.</param>
/// <param name="Column">Column, from 1.</param>
/// <param name="Message">What is wrong.</param>
public sealed record BodyError(int Line, int Column, string Message);
