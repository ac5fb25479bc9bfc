using System.Net;
using System.Net.Sockets;

namespace Quartermaster.Cli.Commands;

/// <summary>
/// Checks the <c>--urls</c> of <c>qm serve</c> before the server is built: an address that is malformed or
/// already taken is one line and exit 2, before any database is opened or seeded.
/// </summary>
internal static class ListenAddresses
{
    /// <summary>What is wrong with the first address of <paramref name="urls"/> (separated by ';') that cannot be listened on; null when all can.</summary>
    public static string? Problem(string urls)
    {
        foreach (var url in urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            // Kestrel's wildcards: * and + listen on every address.
            var normalised = url.Replace("://*", "://0.0.0.0", StringComparison.Ordinal).Replace("://+", "://0.0.0.0", StringComparison.Ordinal);
            if (!Uri.TryCreate(normalised, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || uri.PathAndQuery != "/")
            {
                return $"--urls expects addresses like http://127.0.0.1:5080; got {TypedOptions.Quote(url)}";
            }
            if (uri.Port == 0)
            {
                continue;
            }
            foreach (var address in Addresses(uri.Host))
            {
                try
                {
                    using var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
                    // As Kestrel does: a port left in TIME_WAIT by a server just stopped is free; one listened on is not.
                    socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
                    socket.Bind(new IPEndPoint(address, uri.Port));
                    socket.Listen();
                }
                catch (SocketException e) when (e.SocketErrorCode is SocketError.AddressFamilyNotSupported && address.AddressFamily == AddressFamily.InterNetworkV6)
                {
                    // No IPv6 on this machine: Kestrel skips ::1 for localhost too.
                }
                catch (SocketException e)
                {
                    var reason = e.SocketErrorCode == SocketError.AddressAlreadyInUse
                        ? "address already in use (is another qm serve running? choose another port with --urls)"
                        : e.Message;
                    return $"cannot listen on {url}: {reason}";
                }
            }
        }
        return null;
    }

    // Host names other than localhost are left to Kestrel, which resolves them itself.
    private static IEnumerable<IPAddress> Addresses(string host) =>
        host == "localhost" ? [IPAddress.Loopback, IPAddress.IPv6Loopback]
        : IPAddress.TryParse(host.Trim('[', ']'), out var address) ? [address]
        : [];
}
