// A loopback stand-in for Lightsail's GetBucketAccessKeys, for benchmarks/aot.sh (a file-based app: `dotnet build
// benchmarks/lib/LightsailStub.cs`). The AOT sample has no server of its own and the test's server lives in the test
// project, so the script needs one that builds with the SDK alone.
// Binds port 0 (the system picks a free port, so nothing can take it between choosing and binding), prints its base
// address as the first line of stdout, then answers every request with the same success envelope until killed.
// HTTP/1.1 by hand over a socket: one request per connection ("Connection: close"), which is all one run of the
// sample makes.
using System;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading.Tasks;

const string Body =
    """{"success": true, "data": {"id": "abc123", "created_at": "2025-01-01T00:00:00Z", "accessKeys": [{"accessKeyId": "AKIAIOSFODNN7EXAMPLE", "secretAccessKey": "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "status": "Active", "createdAt": "2025-01-02T09:30:00Z", "lastUsed": {"lastUsedDate": "2025-03-14T15:09:26Z", "region": "us-east-1", "serviceName": "s3"}}]}}""";

var listener = new TcpListener(IPAddress.Loopback, 0);
listener.Start();
Console.WriteLine("http://127.0.0.1:" + ((IPEndPoint)listener.LocalEndpoint).Port + "/");
Console.Out.Flush();
while (true)
{
    var client = await listener.AcceptTcpClientAsync().ConfigureAwait(false);
    _ = Task.Run(() => ServeAsync(client));
}

static async Task ServeAsync(TcpClient client)
{
    using (client)
    {
        try
        {
            var stream = client.GetStream();
            var received = new byte[64 * 1024];
            var length = 0;
            int headerEnd;
            // Read until the end of the headers, then the body Content-Length announces (the sample always sends one).
            while ((headerEnd = IndexOfHeaderEnd(received, length)) < 0)
            {
                var read = await stream.ReadAsync(received.AsMemory(length)).ConfigureAwait(false);
                if (read == 0 || (length += read) == received.Length)
                {
                    return;
                }
            }

            var headers = Encoding.ASCII.GetString(received, 0, headerEnd);
            var contentLength = 0;
            foreach (var line in headers.Split("\r\n"))
            {
                if (line.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase))
                {
                    contentLength = int.Parse(line.AsSpan("Content-Length:".Length).Trim(), System.Globalization.CultureInfo.InvariantCulture);
                }
            }

            while (length < headerEnd + 4 + contentLength && length < received.Length)
            {
                var read = await stream.ReadAsync(received.AsMemory(length)).ConfigureAwait(false);
                if (read == 0)
                {
                    return;
                }

                length += read;
            }

            var body = Encoding.UTF8.GetBytes(Body);
            var head = Encoding.ASCII.GetBytes(
                "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + body.Length + "\r\nConnection: close\r\n\r\n");
            await stream.WriteAsync(head).ConfigureAwait(false);
            await stream.WriteAsync(body).ConfigureAwait(false);
        }
        catch (Exception error) when (error is System.IO.IOException or SocketException)
        {
            // A client that went away costs only its own connection.
        }
    }
}

static int IndexOfHeaderEnd(byte[] buffer, int length) =>
    buffer.AsSpan(0, length).IndexOf("\r\n\r\n"u8);
