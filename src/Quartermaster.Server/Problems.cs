using Microsoft.AspNetCore.Http.HttpResults;

namespace Quartermaster.Server;

/// <summary>
/// The RFC 9457 problem details the endpoints return. <see cref="NotFound"/> is one fixed body: a rival
/// tenant's resource, a book the caller is not a tenant of and a made-up id must be indistinguishable, so it
/// never names what was asked for. <see cref="DefaultDetail"/> fills the <c>detail</c> of problems the
/// framework writes (401, 403, 404 and 405 from routing, 415, 500), so every problem carries one.
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

    public static ProblemHttpResult UnsupportedMediaType(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported Media Type", detail: detail);

    public static ProblemHttpResult ServiceUnavailable(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Service Unavailable", detail: detail);

    /// <summary>The detail of a problem the framework wrote without one, by status code.</summary>
    public static string DefaultDetail(int status) => status switch
    {
        StatusCodes.Status400BadRequest => "The request is malformed.",
        StatusCodes.Status401Unauthorized =>
            "No valid API key: send one as 'Authorization: Bearer qm_...' or 'X-Api-Key: qm_...' (made by qm keys create); it may have been revoked.",
        StatusCodes.Status403Forbidden => "Your key's role may not use this operation; docs/api.md lists the roles each operation admits.",
        StatusCodes.Status404NotFound => "There is no such resource, or you may not see it.",
        StatusCodes.Status405MethodNotAllowed => "This path does not take that method; the Allow header lists those it takes.",
        StatusCodes.Status415UnsupportedMediaType =>
            "This operation does not take a body of that Content-Type; the OpenAPI document (/openapi/v1.json) names the type each operation takes.",
        StatusCodes.Status429TooManyRequests => "Too many requests; wait for the time in Retry-After and try again.",
        StatusCodes.Status500InternalServerError =>
            "The server failed to answer this request; its trace_id names the failure in the server's log.",
        StatusCodes.Status503ServiceUnavailable => "The server cannot serve requests now; try again later.",
        _ => $"The request failed with status {status}.",
    };
}

/// <summary>Where a request body is wrong: 1-based line and column, and what was expected.</summary>
/// <param name="Line">Line, from 1.</param>
/// <param name="Column">Column, from 1.</param>
/// <param name="Message">What is wrong.</param>
public sealed record BodyError(int Line, int Column, string Message);
