using System.Reflection;
using Microsoft.AspNetCore.Http.Metadata;

namespace Quartermaster.Server;

/// <summary>
/// A 200 answer whose JSON body of type <typeparamref name="T"/> was serialised earlier (and may be cached),
/// written as is. It declares <typeparamref name="T"/> in the OpenAPI document like <c>Ok&lt;T&gt;</c> does.
/// </summary>
/// <param name="utf8">The serialised body.</param>
internal sealed class JsonBytes<T>(byte[] utf8) : IResult, IEndpointMetadataProvider, IStatusCodeHttpResult
{
    public int? StatusCode => StatusCodes.Status200OK;

    public Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        httpContext.Response.StatusCode = StatusCodes.Status200OK;
        httpContext.Response.ContentType = "application/json; charset=utf-8";
        httpContext.Response.ContentLength = utf8.Length;
        return httpContext.Response.Body.WriteAsync(utf8, httpContext.RequestAborted).AsTask();
    }

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(T), ["application/json"]));
    }
}
