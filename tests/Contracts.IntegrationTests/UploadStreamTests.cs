using System.IO;
using System.Net.Http;
using System.Threading.Tasks;
using Contracts.IntegrationTests.Files;
using Contracts.IntegrationTests.Infrastructure;
using Contracts.Runtime.Http;
using Xunit;

namespace Contracts.IntegrationTests;

/// <summary>The caller owns the streams it uploads (the generated docs say so): the client reads them and leaves them open.</summary>
public sealed class UploadStreamTests
{
    [Fact]
    public async Task A_binary_body_stream_is_still_usable_after_the_call()
    {
        await using var server = await LoopbackServer.StartAsync(204, string.Empty);
        using var http = new HttpClient();
        var client = new FilesClient(http, new FilesClientOptions { BaseAddress = server.BaseAddress });
        using var upload = new MemoryStream([1, 2, 3]);

        await client.PutFileAsync("a.bin", upload);
        upload.Position = 0;

        Assert.Equal([1, 2, 3], Assert.Single(server.Requests).Body);
        Assert.Equal(1, upload.ReadByte());
    }

    [Fact]
    public async Task A_multipart_file_stream_is_still_usable_after_the_call()
    {
        await using var server = await LoopbackServer.StartAsync(201, """{"id": "u1"}""");
        using var http = new HttpClient();
        var client = new FilesClient(http, new FilesClientOptions { BaseAddress = server.BaseAddress });
        using var upload = new MemoryStream([1, 2, 3]);

        await client.UploadAsync(new FilePart(upload, "a.bin"));
        upload.Position = 0;

        Assert.Equal(1, upload.ReadByte());
    }
}
