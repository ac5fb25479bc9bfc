using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using Quartermaster.Books;
using Quartermaster.Core;

namespace Quartermaster.Server;

/// <summary>
/// Reads JSON and YAML request bodies ourselves rather than through model binding, so a malformed body
/// answers 400 problem details naming the line and column of the error, not a bare 400. The input rules match
/// the book reader's: UTF-8 only, a leading byte-order mark dropped, an unknown or repeated key refused.
/// </summary>
internal static class RequestBodies
{
    /// <summary>Largest body accepted: a book is at most this big in YAML.</summary>
    private const int MaxBytes = 16 << 20;

    public static async Task<(T? Value, ProblemHttpResult? Problem)> ReadJsonAsync<T>(HttpRequest request) where T : class
    {
        var text = await ReadTextAsync(request);
        if (text is null)
        {
            return (null, Problems.BadRequest($"the body is larger than {MaxBytes >> 20} MiB or not UTF-8"));
        }
        var options = Strict(request.HttpContext.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions);
        try
        {
            var value = JsonSerializer.Deserialize<T>(text, options);
            return value is null ? (null, Problems.BadRequest("the body is empty or null; expected a JSON object", [new BodyError(1, 1, "expected a JSON object")])) : (value, null);
        }
        catch (JsonException e)
        {
            // JsonException positions are 0-based; people count from 1.
            var line = (int)(e.LineNumber ?? 0) + 1;
            var column = (int)(e.BytePositionInLine ?? 0) + 1;
            var message = (e.Message.Split(" Path:")[0] + (e.Path is { Length: > 0 } path ? $" (at {path})" : "")).Trim();
            return (null, Problems.BadRequest($"the JSON body is malformed at line {line}, column {column}: {message}", [new BodyError(line, column, message)]));
        }
    }

    /// <summary>The app's JSON options, but an unknown or repeated property is an error, as an unknown or repeated key in a book is.</summary>
    private static JsonSerializerOptions Strict(JsonSerializerOptions options) =>
        StrictOptions.GetValue(options, o => new JsonSerializerOptions(o)
        {
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
            AllowDuplicateProperties = false,
        });

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<JsonSerializerOptions, JsonSerializerOptions> StrictOptions = new();

    public static async Task<(Book? Book, string Yaml, ProblemHttpResult? Problem)> ReadBookAsync(HttpRequest request)
    {
        var text = await ReadTextAsync(request);
        if (text is null)
        {
            return (null, "", Problems.BadRequest($"the body is larger than {MaxBytes >> 20} MiB or not UTF-8"));
        }
        var result = BookReader.ReadText(text, "body");
        if (result.Book is null)
        {
            var errors = result.Errors.Select(e => new BodyError(e.Line, e.Column, e.Message)).ToList();
            var first = errors[0];
            return (null, text, Problems.BadRequest(
                $"the book has {errors.Count} error(s); the first at line {first.Line}, column {first.Column}: {first.Message}", errors));
        }
        return (result.Book, text, null);
    }

    public static async Task<string?> ReadTextAsync(HttpRequest request)
    {
        if (request.ContentLength > MaxBytes)
        {
            return null;
        }
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, request.HttpContext.RequestAborted)) > 0)
        {
            if (buffer.Length + read > MaxBytes)
            {
                return null;
            }
            buffer.Write(chunk, 0, read);
        }
        try
        {
            var text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
            // A leading byte-order mark is accepted and dropped, as qm validate does when it reads a file.
            return text.StartsWith('\uFEFF') ? text[1..] : text;
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }
}
