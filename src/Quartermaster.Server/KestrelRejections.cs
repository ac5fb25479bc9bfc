using System.Buffers;
using System.IO.Pipelines;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Quartermaster.Server;

/// <summary>
/// Kestrel answers a request it cannot parse (a NUL or control character in the path, a request line or headers
/// over its limits, a malformed header) itself, before any middleware runs, with an empty body and the connection
/// closed; ASP.NET Core offers no hook to write that answer. This connection middleware watches the first bytes
/// of each response and rewrites exactly that shape (an error status, <c>Content-Length: 0</c>,
/// <c>Connection: close</c>, no body) into an RFC 9457 problem with a <c>detail</c>, like every other error.
/// Any other response passes through untouched: the check reads the head of the first write after each flush.
/// </summary>
internal static class KestrelRejections
{
    /// <summary>Rewrites Kestrel's own empty error answers on connections of <paramref name="listen"/>.</summary>
    public static ListenOptions UseProblemRejections(this ListenOptions listen)
    {
        listen.Use(next => connection =>
        {
            connection.Transport = new Transport(connection.Transport.Input, new RejectionWriter(connection.Transport.Output));
            return next(connection);
        });
        return listen;
    }

    /// <summary>The problem body Kestrel's empty answer with <paramref name="status"/> gets.</summary>
    internal static string Detail(int status) => status switch
    {
        StatusCodes.Status400BadRequest =>
            "The request could not be read: its request line or headers are malformed (for example a NUL or other control character in the path).",
        StatusCodes.Status408RequestTimeout => "The request did not arrive in time.",
        StatusCodes.Status413PayloadTooLarge => "The request body is larger than the server accepts.",
        StatusCodes.Status414UriTooLong => "The request line (method, path and query) is longer than the server accepts; an id is at most 64 characters.",
        StatusCodes.Status431RequestHeaderFieldsTooLarge => "The request headers are larger than the server accepts.",
        StatusCodes.Status505HttpVersionNotsupported => "This HTTP version is not supported; use HTTP/1.1.",
        _ => Problems.DefaultDetail(status),
    };

    /// <summary>
    /// The problem answer replacing <paramref name="head"/> when it is a whole empty rejection (status line and
    /// headers, nothing after); false for any other bytes.
    /// </summary>
    internal static bool TryRewrite(ReadOnlySpan<byte> head, out byte[] replacement)
    {
        replacement = [];
        if (head.Length < 16 || head.Length > 4096 || !head.StartsWith("HTTP/1.1 "u8) || head[9] is not ((byte)'4' or (byte)'5')
            || !head.EndsWith("\r\n\r\n"u8) || head.IndexOf("\r\nContent-Length: 0\r\n"u8) < 0
            || head.IndexOf("\r\nConnection: close\r\n"u8) < 0 || head.IndexOf("\r\nContent-Type:"u8) >= 0)
        {
            return false;
        }
        var text = Encoding.ASCII.GetString(head);
        if (!int.TryParse(text.AsSpan(9, 3), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var status))
        {
            return false;
        }
        var title = text[13..text.IndexOf('\r', StringComparison.Ordinal)];
        var body = JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object>
        {
            ["type"] = TypeOf(status),
            ["title"] = title,
            ["status"] = status,
            ["detail"] = Detail(status),
        });
        var headers = text.Replace("\r\nContent-Length: 0\r\n",
            $"\r\nContent-Type: application/problem+json\r\nContent-Length: {body.Length.ToString(System.Globalization.CultureInfo.InvariantCulture)}\r\n",
            StringComparison.Ordinal);
        replacement = [.. Encoding.ASCII.GetBytes(headers), .. body];
        return true;
    }

    /// <summary>The RFC 9110 section of a status, as the framework's own problems name it.</summary>
    private static string TypeOf(int status) => status switch
    {
        400 => "https://tools.ietf.org/html/rfc9110#section-15.5.1",
        408 => "https://tools.ietf.org/html/rfc9110#section-15.5.9",
        413 => "https://tools.ietf.org/html/rfc9110#section-15.5.14",
        414 => "https://tools.ietf.org/html/rfc9110#section-15.5.15",
        431 => "https://tools.ietf.org/html/rfc6585#section-5",
        505 => "https://tools.ietf.org/html/rfc9110#section-15.6.6",
        _ => "about:blank",
    };

    private sealed class Transport(PipeReader input, PipeWriter output) : IDuplexPipe
    {
        public PipeReader Input { get; } = input;

        public PipeWriter Output { get; } = output;
    }

    /// <summary>
    /// Passes every write through to the transport, but holds the first advance after each flush (the head of a
    /// response) long enough to check it: Kestrel writes a rejection's status line and headers in one advance.
    /// </summary>
    private sealed class RejectionWriter(PipeWriter inner) : PipeWriter
    {
        private bool _atResponseStart = true;
        private Memory<byte> _lastMemory;

        public override Memory<byte> GetMemory(int sizeHint = 0) => _lastMemory = inner.GetMemory(sizeHint);

        public override Span<byte> GetSpan(int sizeHint = 0) => (_lastMemory = inner.GetMemory(sizeHint)).Span;

        public override void Advance(int bytes)
        {
            if (_atResponseStart)
            {
                _atResponseStart = false;
                // The bytes are still in the transport's buffer, not yet advanced: a replacement is written over them.
                if (bytes <= _lastMemory.Length && TryRewrite(_lastMemory.Span[..bytes], out var replacement))
                {
                    inner.Write(replacement);
                    return;
                }
            }
            inner.Advance(bytes);
        }

        public override ValueTask<FlushResult> FlushAsync(CancellationToken cancellationToken = default)
        {
            _atResponseStart = true;
            return inner.FlushAsync(cancellationToken);
        }

        public override void CancelPendingFlush() => inner.CancelPendingFlush();

        public override void Complete(Exception? exception = null) => inner.Complete(exception);

        public override ValueTask CompleteAsync(Exception? exception = null) => inner.CompleteAsync(exception);

        public override bool CanGetUnflushedBytes => inner.CanGetUnflushedBytes;

        public override long UnflushedBytes => inner.UnflushedBytes;
    }
}
