using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;
using Quartermaster.Books;

namespace Quartermaster.Server;

/// <summary>
/// The rules every operation (<c>/api/v1</c>, <c>/healthz</c>, <c>/readyz</c>) applies to its input before its handler runs, so no handler can
/// forget one: every id in the path follows the id rule (<see cref="Ids"/>, the same as in a book), else 400;
/// a body goes only to an operation that takes one, and only with the Content-Type it declares, else 415
/// (a missing Content-Type is treated as a wrong one). Wrong Content-Types that routing sees are answered 415
/// by routing itself, before this filter.
/// </summary>
internal static class InputRules
{
    /// <summary>Applies the rules to every operation <paramref name="builder"/> maps.</summary>
    public static TBuilder WithInputRules<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (context, next) => Check(context.HttpContext) ?? await next(context));

    /// <summary>The problem with the request's path ids or body, or null when it follows the rules.</summary>
    internal static IResult? Check(HttpContext http)
    {
        foreach (var (name, value) in http.Request.RouteValues)
        {
            // Every path parameter named ...Id is an id; the version is an integer, constrained by its route.
            if (name.EndsWith("Id", StringComparison.Ordinal) && value is string id && !Ids.IsValid(id))
            {
                return Problems.BadRequest($"{name} {Ids.Quote(id)} is not an id; expected {Ids.Form}");
            }
        }
        if (http.Features.Get<IHttpRequestBodyDetectionFeature>() is not { CanHaveBody: true })
        {
            return null;
        }
        var accepts = http.GetEndpoint()?.Metadata.GetMetadata<IAcceptsMetadata>();
        if (accepts is null || accepts.RequestType is null && accepts.ContentTypes.Count == 0)
        {
            return Problems.UnsupportedMediaType($"{http.Request.Method} {http.Request.Path} takes no body; send the request without one");
        }
        if (string.IsNullOrEmpty(http.Request.ContentType))
        {
            return Problems.UnsupportedMediaType(
                $"the body has no Content-Type; {http.Request.Method} on this path takes {string.Join(" or ", accepts.ContentTypes)}");
        }
        return null;
    }
}
