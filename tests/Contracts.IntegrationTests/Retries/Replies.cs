using System;
using System.Threading;
using System.Threading.Tasks;

namespace Contracts.IntegrationTests.Retries;

/// <summary>A loopback server that answers the requests in turn with the given replies; the last one repeats.</summary>
internal static class Replies
{
    public const string Items = """["a","b"]""";

    public static Task<LoopbackServer> StartAsync(params (int Status, string? RetryAfter, string Body)[] replies)
    {
        var next = -1;
        return LoopbackServer.StartAsync(context =>
        {
            var (status, retryAfter, body) = replies[Math.Min(Interlocked.Increment(ref next), replies.Length - 1)];
            if (retryAfter is not null)
            {
                context.Response.Headers["Retry-After"] = retryAfter;
            }

            return LoopbackServer.Respond(context, status, body);
        });
    }

    /// <summary>A raw server that resets the first connection after reading the request, then answers 200 with <paramref name="body"/>.</summary>
    public static RawHttpServer ResetFirstConnection(string body)
    {
        var connections = 0;
        return RawHttpServer.Start(async connection =>
        {
            if (Interlocked.Increment(ref connections) == 1)
            {
                connection.Reset();
                return;
            }

            await connection.WriteAsync("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + body.Length + "\r\nConnection: close\r\n\r\n" + body);
            connection.CloseGracefully();
        });
    }
}
