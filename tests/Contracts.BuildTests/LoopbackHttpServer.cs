using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace Contracts.BuildTests;

/// <summary>
/// A minimal HTTP/1.1 server on 127.0.0.1 for apps under test that host none themselves (the Native AOT sample has
/// no ASP.NET Core). A <see cref="TcpListener"/> on port 0 avoids the free-port race of <c>HttpListener</c>.
/// One request per connection: every response carries <c>Connection: close</c>.
/// </summary>
internal sealed class LoopbackHttpServer : IAsyncDisposable
{
    private const int MaxRequestBytes = 64 * 1024;

    private readonly TcpListener listener;
    private readonly Func<Request, Response> respond;
    private readonly CancellationTokenSource stopping = new();
    private readonly ConcurrentQueue<Request> received = new();
    private readonly Task acceptLoop;

    private LoopbackHttpServer(Func<Request, Response> respond)
    {
        this.respond = respond;
        listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        BaseAddress = new Uri("http://127.0.0.1:" + ((IPEndPoint)listener.LocalEndpoint).Port.ToString(CultureInfo.InvariantCulture) + "/");
        acceptLoop = AcceptAsync();
    }

    public Uri BaseAddress { get; }

    /// <summary>The requests read so far, in arrival order.</summary>
    public IReadOnlyList<Request> Received => received.ToArray();

    public static LoopbackHttpServer Start(Func<Request, Response> respond) => new(respond);

    public async ValueTask DisposeAsync()
    {
        stopping.Cancel();
        listener.Stop();
        await acceptLoop.ConfigureAwait(false);
        stopping.Dispose();
    }

    private async Task AcceptAsync()
    {
        var connections = new List<Task>();
        while (true)
        {
            TcpClient client;
            try
            {
                client = await listener.AcceptTcpClientAsync(stopping.Token).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                break;
            }

            connections.Add(Task.Run(() => ServeAsync(client)));
        }

        await Task.WhenAll(connections).ConfigureAwait(false);
    }

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            try
            {
                var stream = client.GetStream();
                var request = await ReadRequestAsync(stream, stopping.Token).ConfigureAwait(false);
                if (request is null)
                {
                    return;
                }

                received.Enqueue(request);
                var response = request.Headers.ContainsKey("Transfer-Encoding")
                    ? new Response(501, "this test server reads Content-Length bodies only")
                    : respond(request);
                await WriteResponseAsync(stream, response, stopping.Token).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is IOException or OperationCanceledException or InvalidDataException)
            {
                // The client went away or sent something unreadable: the app under test reports that itself.
            }
        }
    }

    /// <summary>Reads one request, or returns <see langword="null"/> when the connection closes first.</summary>
    private static async Task<Request?> ReadRequestAsync(NetworkStream stream, CancellationToken cancellationToken)
    {
        var buffer = new byte[MaxRequestBytes];
        var length = 0;
        int headEnd;
        while ((headEnd = buffer.AsSpan(0, length).IndexOf("\r\n\r\n"u8)) < 0)
        {
            var read = await ReadMoreAsync(stream, buffer, length, cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                return null;
            }

            length += read;
        }

        var lines = Encoding.ASCII.GetString(buffer, 0, headEnd).Split("\r\n");
        var requestLine = lines[0].Split(' ');
        if (requestLine.Length != 3)
        {
            throw new InvalidDataException("bad request line: " + lines[0]);
        }

        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in lines.Skip(1))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0)
            {
                headers[line[..colon].Trim()] = line[(colon + 1)..].Trim();
            }
        }

        var bodyStart = headEnd + 4;
        var bodyLength = headers.TryGetValue("Content-Length", out var value) ? int.Parse(value, CultureInfo.InvariantCulture) : 0;
        if (bodyLength < 0 || bodyStart + bodyLength > buffer.Length)
        {
            throw new InvalidDataException("request body too large: " + value);
        }

        while (length < bodyStart + bodyLength)
        {
            var read = await ReadMoreAsync(stream, buffer, length, cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                return null;
            }

            length += read;
        }

        return new Request(requestLine[0], requestLine[1], headers, Encoding.UTF8.GetString(buffer, bodyStart, bodyLength));
    }

    /// <summary>Reads more bytes into the free part of <paramref name="buffer"/>; 0 at end of stream.</summary>
    private static ValueTask<int> ReadMoreAsync(NetworkStream stream, byte[] buffer, int length, CancellationToken cancellationToken) =>
        length < buffer.Length
            ? stream.ReadAsync(buffer.AsMemory(length), cancellationToken)
            : throw new InvalidDataException("request larger than " + MaxRequestBytes + " bytes");

    private static async Task WriteResponseAsync(NetworkStream stream, Response response, CancellationToken cancellationToken)
    {
        var body = Encoding.UTF8.GetBytes(response.Body);
        var head = "HTTP/1.1 " + response.StatusCode.ToString(CultureInfo.InvariantCulture) + " " + ReasonPhrase(response.StatusCode) + "\r\n"
            + "Content-Type: application/json\r\n"
            + "Content-Length: " + body.Length.ToString(CultureInfo.InvariantCulture) + "\r\n"
            + "Connection: close\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head), cancellationToken).ConfigureAwait(false);
        await stream.WriteAsync(body, cancellationToken).ConfigureAwait(false);
    }

    private static string ReasonPhrase(int statusCode) => statusCode switch
    {
        200 => "OK",
        400 => "Bad Request",
        404 => "Not Found",
        501 => "Not Implemented",
        _ => "Status",
    };

    public sealed record Request(string Method, string Target, IReadOnlyDictionary<string, string> Headers, string Body);

    public sealed record Response(int StatusCode, string Body);
}
