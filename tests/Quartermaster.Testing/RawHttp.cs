using System.Net.Sockets;
using System.Text;

namespace Quartermaster.Testing;

/// <summary>
/// HTTP/1.1 over a bare socket, for requests no well-behaved client would send (raw control characters, a NUL in the
/// path, a request line of any length): the bytes go as given, and the answer is read until the server closes.
/// </summary>
public static class RawHttp
{
    /// <summary>An answer: status code, header lines (name: value) and body text.</summary>
    public sealed record Answer(int Status, IReadOnlyList<string> Headers, string Body)
    {
        /// <summary>The value of header <paramref name="name"/>, or null.</summary>
        public string? Header(string name) =>
            Headers.Select(h => h.Split(':', 2)).FirstOrDefault(p => p[0].Equals(name, StringComparison.OrdinalIgnoreCase))?[1].Trim();
    }

    /// <summary>
    /// Sends <c>METHOD TARGET HTTP/1.1</c> with <c>Host</c>, <c>Connection: close</c> and <paramref name="headers"/> to
    /// <paramref name="address"/>; reads the whole answer with a 60 s deadline.
    /// </summary>
    public static async Task<Answer> SendAsync(Uri address, string method, string target, params string[] headers)
    {
        ArgumentNullException.ThrowIfNull(address);
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        using var client = new TcpClient();
        await client.ConnectAsync(address.Host, address.Port, deadline.Token);
        var stream = client.GetStream();
        var request = new StringBuilder().Append(method).Append(' ').Append(target).Append(" HTTP/1.1\r\n")
            .Append("Host: ").Append(address.Authority).Append("\r\nConnection: close\r\n");
        foreach (var header in headers)
        {
            request.Append(header).Append("\r\n");
        }
        request.Append("\r\n");
        await stream.WriteAsync(Encoding.Latin1.GetBytes(request.ToString()), deadline.Token);
        using var received = new MemoryStream();
        await stream.CopyToAsync(received, deadline.Token);
        var text = Encoding.UTF8.GetString(received.ToArray());
        var end = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        if (end < 0)
        {
            throw new InvalidOperationException($"no complete answer to {method} {target[..Math.Min(60, target.Length)]}: '{text}'");
        }
        var lines = text[..end].Split("\r\n");
        var answer = new Answer(int.Parse(lines[0].Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture), lines[1..], text[(end + 4)..]);
        return answer.Header("Transfer-Encoding") == "chunked" ? answer with { Body = Dechunk(answer.Body) } : answer;
    }

    /// <summary>The body of a chunked answer without its chunk sizes.</summary>
    private static string Dechunk(string chunked)
    {
        var body = new StringBuilder();
        var at = 0;
        while (true)
        {
            var lineEnd = chunked.IndexOf("\r\n", at, StringComparison.Ordinal);
            var size = Convert.ToInt32(chunked[at..lineEnd].Split(';')[0], 16);
            if (size == 0)
            {
                return body.ToString();
            }
            // Sizes count bytes; the bodies here are ASCII JSON, where bytes and characters agree.
            body.Append(chunked, lineEnd + 2, size);
            at = lineEnd + 2 + size + 2;
        }
    }
}
