using System.Collections.Concurrent;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Quartermaster.Storage;

namespace Quartermaster.Server;

/// <summary>
/// Authenticates <c>Authorization: Bearer qm_...</c> or <c>X-Api-Key: qm_...</c> against the stored salted
/// hashes. A key found valid is trusted for <see cref="ServerOptions.KeyCacheLifetime"/> (keyed by a
/// SHA-256 of the presented key, never the key itself), so a busy client does not cost a lookup per request.
/// </summary>
internal sealed class ApiKeyAuthentication(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    IBookStore store, ServerOptions server) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";

    private static readonly ConcurrentDictionary<string, (ApiKeyRecord Key, DateTimeOffset Until)> Trusted = new();

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var presented = PresentedKey(Request);
        if (presented is null)
        {
            return AuthenticateResult.NoResult();
        }
        var cacheKey = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(presented))) + "@" + System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(server);
        var now = server.TimeProvider.GetUtcNow();
        ApiKeyRecord? key;
        if (Trusted.TryGetValue(cacheKey, out var hit) && hit.Until > now)
        {
            key = hit.Key;
        }
        else
        {
            key = await store.AuthenticateAsync(presented, Context.RequestAborted);
            if (key is null)
            {
                Trusted.TryRemove(cacheKey, out _);
                if (ApiKeySecrets.TryParse(presented, out var keyId, out _))
                {
                    // The public id only: the secret part of a presented key is never logged.
                    LogMessages.KeyRefused(Logger, keyId);
                }
                return AuthenticateResult.Fail("unknown or revoked API key");
            }
            Trusted[cacheKey] = (key, now + server.KeyCacheLifetime);
        }
        var claims = new List<Claim> { new(ClaimTypes.NameIdentifier, key.KeyId), new(ClaimTypes.Role, key.Role.ToName()) };
        if (key.TenantId is not null)
        {
            claims.Add(new Claim(Principals.TenantClaim, key.TenantId));
        }
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName)), SchemeName));
    }

    /// <summary>True when the request carries a key, valid or not.</summary>
    public static bool PresentsKey(HttpRequest request) => PresentedKey(request) is not null;

    private static string? PresentedKey(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return header[7..].Trim();
        }
        var apiKey = request.Headers["X-Api-Key"].ToString();
        return apiKey.Length > 0 ? apiKey.Trim() : null;
    }
}
