using System;
using System.IO;
using System.IO.Compression;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using Contracts.IntegrationTests.Hostile;
using Contracts.IntegrationTests.Infrastructure;
using Contracts.Runtime;
using Xunit;

namespace Contracts.IntegrationTests;

/// <summary>
/// The response size cap when nobody set one (<see cref="HttpClient.MaxResponseContentBufferSize"/> is still
/// <see cref="int.MaxValue"/>): 64 MiB, counted after decompression, exact at the boundary, over real HTTP.
/// </summary>
public sealed class ResponseSizeCapTests
{
    private const int DefaultCap = 64 << 20;
    private const string DefaultCapReason = "the response body exceeds the default limit of 67108864 bytes; raise it with MaxResponseContentBufferSize in the client's options or per call in RequestOptions";

    [Fact]
    public async Task A_gzip_bomb_stops_at_the_default_cap()
    {
        // About 1 MB on the wire that inflates to 1 GiB of JSON whitespace.
        var bomb = GzipOfSpaces(1L << 30);
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            context.Response.ContentType = "application/json";
            context.Response.Headers.ContentEncoding = "gzip";
            context.Response.ContentLength = bomb.Length;
            await context.Response.Body.WriteAsync(bomb);
        });
        using var http = new HttpClient(new HttpClientHandler { AutomaticDecompression = DecompressionMethods.All });

        var exception = await Assert.ThrowsAsync<ApiException>(() => HostileResponseTests.Client(http, server).GetItemAsync("a").WaitAsync(RawConnection.Patience));

        Assert.True(bomb.Length < 2 << 20, bomb.Length + " bytes of gzip");
        Assert.Equal(HttpStatusCode.OK, exception.StatusCode);
        Assert.Equal(DefaultCapReason, exception.Reason);
    }

    [Fact]
    public async Task An_endless_chunked_body_stops_at_the_default_cap()
    {
        // Far more than the cap; the bound only keeps a broken client from reading forever.
        const long Bound = 256L << 20;
        var chunk = Encoding.ASCII.GetBytes("4000\r\n" + new string(' ', 0x4000) + "\r\n");
        var stopped = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = RawHttpServer.Start(async connection =>
        {
            await connection.WriteAsync("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n1\r\n[\r\n");
            long written = 0;
            try
            {
                while (written < Bound)
                {
                    await connection.WriteAsync(chunk);
                    written += 0x4000;
                }
            }
            catch (System.Net.Sockets.SocketException)
            {
                // The client went away.
            }

            stopped.SetResult(written);
            connection.CloseGracefully();
        });
        using var http = new HttpClient();

        var exception = await Assert.ThrowsAsync<ApiException>(() => new HostileClient(http, new HostileClientOptions { BaseAddress = server.BaseAddress }).GetItemAsync("a").WaitAsync(RawConnection.Patience));

        Assert.Equal(DefaultCapReason, exception.Reason);
        Assert.True(await stopped.Task.WaitAsync(RawConnection.Patience) < Bound, "the client read the whole body");
    }

    public static TheoryData<int, string> Boundaries => new()
    {
        { DefaultCap, "Content-Length" },
        { DefaultCap, "chunked" },
        { DefaultCap, "gzip" },
        { DefaultCap + 1, "Content-Length" },
        { DefaultCap + 1, "chunked" },
        { DefaultCap + 1, "gzip" },
    };

    [Theory]
    [MemberData(nameof(Boundaries))]
    public async Task The_default_cap_accepts_exactly_its_size_and_refuses_one_byte_more(int length, string framing)
    {
        await using var server = await StartTextServer(length, framing);
        using var http = new HttpClient(new HttpClientHandler { AutomaticDecompression = DecompressionMethods.GZip });
        var client = HostileResponseTests.Client(http, server);

        if (length <= DefaultCap)
        {
            Assert.Equal(length, (await client.GetNoteAsync("a")).Length);
            return;
        }

        var exception = await Assert.ThrowsAsync<ApiException>(() => client.GetNoteAsync("a"));
        Assert.StartsWith("the response body ", exception.Reason, StringComparison.Ordinal);
        Assert.Contains("exceeds the default limit of 67108864 bytes", exception.Reason, StringComparison.Ordinal);
    }

    public static TheoryData<int, string, string> OverrideBoundaries()
    {
        var data = new TheoryData<int, string, string>();
        foreach (var where in new[] { "client", "call" })
        {
            foreach (var framing in new[] { "Content-Length", "chunked", "gzip" })
            {
                data.Add(SmallCap, framing, where);
                data.Add(SmallCap + 1, framing, where);
            }
        }

        return data;
    }

    private const int SmallCap = 5_000;

    [Theory]
    [MemberData(nameof(OverrideBoundaries))]
    public async Task A_cap_set_per_client_or_per_call_is_exact_too(int length, string framing, string where)
    {
        await using var server = await StartTextServer(length, framing);
        using var http = new HttpClient(new HttpClientHandler { AutomaticDecompression = DecompressionMethods.GZip }) { MaxResponseContentBufferSize = 100 };
        var client = new HostileClient(http, new HostileClientOptions { BaseAddress = server.BaseAddress, MaxResponseContentBufferSize = where == "client" ? SmallCap : 200 });
        var requestOptions = where == "call" ? new RequestOptions { MaxResponseContentBufferSize = SmallCap } : null;

        if (length <= SmallCap)
        {
            Assert.Equal(length, (await client.GetNoteAsync("a", requestOptions: requestOptions)).Length);
            return;
        }

        var exception = await Assert.ThrowsAsync<ApiException>(() => client.GetNoteAsync("a", requestOptions: requestOptions));
        Assert.EndsWith(
            where == "client"
                ? "exceeds the limit of 5000 bytes set by MaxResponseContentBufferSize in the client's options"
                : "exceeds the limit of 5000 bytes set by RequestOptions.MaxResponseContentBufferSize for this call",
            exception.Reason,
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_call_can_raise_the_cap_above_the_default_for_itself_only()
    {
        await using var server = await StartTextServer(DefaultCap + 1, "chunked");
        using var http = new HttpClient();
        var client = HostileResponseTests.Client(http, server);

        var raised = await client.GetNoteAsync("a", requestOptions: new RequestOptions { MaxResponseContentBufferSize = DefaultCap + 1 });
        var exception = await Assert.ThrowsAsync<ApiException>(() => client.GetNoteAsync("a"));

        Assert.Equal(DefaultCap + 1, raised.Length);
        Assert.Equal(DefaultCapReason, exception.Reason);
    }

    [Fact]
    public async Task A_stream_result_is_not_capped_by_any_setting()
    {
        const int Length = 200_000;
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            context.Response.ContentType = "application/octet-stream";
            await context.Response.Body.WriteAsync(new byte[Length]);
        });
        using var http = new HttpClient();
        var client = new HostileClient(http, new HostileClientOptions { BaseAddress = server.BaseAddress, MaxResponseContentBufferSize = 1_000 });

        await using var blob = await client.GetBlobAsync("a", requestOptions: new RequestOptions { MaxResponseContentBufferSize = 1_000 });
        using var copy = new MemoryStream();
        await blob.CopyToAsync(copy);

        Assert.Equal(Length, copy.Length);
    }

    private static Task<LoopbackServer> StartTextServer(int length, string framing)
    {
        var text = new byte[length];
        text.AsSpan().Fill((byte)'n');
        var body = framing == "gzip" ? Gzip(text) : text;
        return LoopbackServer.StartAsync(async context =>
        {
            context.Response.ContentType = "text/plain";
            if (framing == "gzip")
            {
                context.Response.Headers.ContentEncoding = "gzip";
            }

            if (framing != "chunked")
            {
                context.Response.ContentLength = body.Length;
            }

            await context.Response.Body.WriteAsync(body);
        });
    }

    internal static byte[] Gzip(byte[] bytes, CompressionLevel level = CompressionLevel.Fastest)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, level))
        {
            gzip.Write(bytes);
        }

        return output.ToArray();
    }

    /// <summary>
    /// A gzip body of <paramref name="length"/> spaces: one compressed mebibyte repeated as concatenated gzip members
    /// (which decoders, .NET's included, read as one body), so the test does not spend seconds compressing.
    /// </summary>
    private static byte[] GzipOfSpaces(long length)
    {
        var block = new byte[1 << 20];
        block.AsSpan().Fill((byte)' ');
        var member = Gzip(block, CompressionLevel.SmallestSize);
        var count = (int)(length / block.Length);
        var bomb = new byte[member.Length * count];
        for (var i = 0; i < count; i++)
        {
            member.CopyTo(bomb, i * member.Length);
        }

        return bomb;
    }
}
