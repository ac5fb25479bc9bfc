using System.Net.Http.Headers;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Quartermaster.Server;
using Quartermaster.Storage;

namespace Quartermaster.Testing;

/// <summary>The real server (Kestrel) on a free loopback port, built by the same method <c>qm serve</c> calls.</summary>
public sealed class RunningServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly List<HttpClient> _clients = [];

    private RunningServer(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
    }

    public Uri Address { get; }

    public IBookStore Store => _app.Services.GetRequiredService<IBookStore>();

    /// <summary>Every endpoint the app mapped, to compare with the OpenAPI document.</summary>
    public IEnumerable<Microsoft.AspNetCore.Http.Endpoint> Endpoints =>
        _app.Services.GetServices<Microsoft.AspNetCore.Routing.EndpointDataSource>().SelectMany(s => s.Endpoints);

    public static async Task<RunningServer> StartAsync(ServerOptions options)
    {
        var app = await QuartermasterServer.BuildAsync(options with { Urls = "http://127.0.0.1:0", ConsoleLogging = false });
        await app.StartAsync();
        return new RunningServer(app, new Uri(app.Urls.First()));
    }

    /// <summary>A client sending <paramref name="key"/> as a bearer token (none when null).</summary>
    public HttpClient Client(string? key = null)
    {
        var client = new HttpClient { BaseAddress = Address };
        if (key is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }
        _clients.Add(client);
        return client;
    }

    /// <summary>Creates a key directly in the store, as <c>qm keys create</c> does.</summary>
    public async Task<string> KeyAsync(Role role, string? tenant = null) =>
        (await Store.CreateKeyAsync(AccessScope.System, role, tenant)).Key;

    public async ValueTask DisposeAsync()
    {
        _clients.ForEach(c => c.Dispose());
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
