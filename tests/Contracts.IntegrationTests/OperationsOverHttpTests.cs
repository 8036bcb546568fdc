using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using Contracts.IntegrationTests.Files;
using Contracts.IntegrationTests.Infrastructure;
using Contracts.Runtime;
using Contracts.Runtime.Http;
using Microsoft.AspNetCore.Http;
using Xunit;

namespace Contracts.IntegrationTests;

/// <summary>
/// The client of tests/Contracts.Generator.Tests/Specs/operations.yaml against Kestrel on 127.0.0.1: what ASP.NET Core
/// reads from the styled query, cookies, form and multipart bodies, and streamed, text and error responses.
/// </summary>
public sealed class OperationsOverHttpTests
{
    [Fact]
    public async Task Aspnet_core_reads_deep_object_and_exploded_query_parameters_and_the_json_result_comes_back()
    {
        string? status = null, owner = null, x = null, labelled = null, tags = null;
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            status = context.Request.Query["filter[status]"];
            owner = context.Request.Query["filter[owner]"];
            x = context.Request.Query["x"];
            labelled = context.Request.Query["k"];
            tags = context.Request.Query["tags"];
            await LoopbackServer.Respond(context, 200, """{"ok": true}""");
        });
        using var http = new HttpClient();
        var client = new FilesClient(http, new FilesClientOptions { BaseAddress = server.BaseAddress });

        var result = await client.GetStylesAsync(
            [1, 2], new Point { X = 1, Y = 2 }, [1.5], tags: ["a", "b,c"],
            filter: new Filter { Status = "open&closed", Owner = "me" }, at: new Point { X = 3, Y = 4 },
            labels: new Dictionary<string, string> { ["k"] = "v w" });

        Assert.True(result.GetProperty("ok").GetBoolean());
        Assert.Equal("/styles/.1.2/;x=1;y=2/1.5", Assert.Single(server.Requests).Path);
        Assert.Equal(("open&closed", "me", "3", "v w", "a,b,c"), (status, owner, x, labelled, tags));
    }

    [Fact]
    public async Task A_form_body_arrives_as_fields_aspnet_core_can_read()
    {
        IFormCollection? form = null;
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            form = await context.Request.ReadFormAsync();
            await LoopbackServer.Respond(context, 200, """{"id": "ch_1"}""");
        });
        using var http = new HttpClient();
        var client = new FilesClient(http, new FilesClientOptions { BaseAddress = server.BaseAddress });

        var charge = await client.CreateChargeAsync(new CreateChargeRequest
        {
            Amount = 100,
            Card = new CreateChargeRequestCard { Number = "4242 4242", ExpMonth = 12 },
            Expand = ["a", "b"],
            Tags = ["x", "y&z"],
        });

        Assert.Equal("ch_1", charge!.Id);
        Assert.Equal("100", form!["amount"]);
        Assert.Equal("4242 4242", form["card[number]"]);
        Assert.Equal("12", form["card[exp_month]"]);
        Assert.Equal(["a", "b"], new[] { form["expand[0]"].ToString(), form["expand[1]"].ToString() });
        Assert.Equal("x,y&z", form["tags"].ToString());
        Assert.False(form.ContainsKey("currency"));
    }

    [Fact]
    public async Task A_multipart_upload_arrives_as_files_and_fields()
    {
        IFormCollection? form = null;
        string? uploaded = null;
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            form = await context.Request.ReadFormAsync();
            using var reader = new StreamReader(form.Files["file"]!.OpenReadStream());
            uploaded = await reader.ReadToEndAsync();
            await LoopbackServer.Respond(context, 201, """{"id": "u1"}""");
        });
        using var http = new HttpClient();
        var client = new FilesClient(http, new FilesClientOptions { BaseAddress = server.BaseAddress });
        using var content = new MemoryStream(Encoding.UTF8.GetBytes("file body"));

        var result = await client.UploadAsync(new FilePart(content, "notes.txt", "text/plain"), description: "my notes", count: 2, meta: new Point { X = 5, Y = 6 });

        Assert.Equal("u1", result.Id);
        Assert.Equal("file body", uploaded);
        Assert.Equal("notes.txt", form!.Files["file"]!.FileName);
        Assert.Equal("text/plain", form.Files["file"]!.ContentType);
        Assert.Equal("my notes", form["description"]);
        Assert.Equal("2", form["count"]);
        Assert.Equal("""{"x":5,"y":6}""", form["meta"]);
    }

    [Fact]
    public async Task A_large_binary_download_streams_and_cookies_reach_the_server()
    {
        var payload = Enumerable.Range(0, 1 << 20).Select(i => (byte)i).ToArray();
        string? session = null;
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            session = context.Request.Cookies["session"];
            context.Response.ContentType = "application/octet-stream";
            await context.Response.Body.WriteAsync(payload);
        });
        using var http = new HttpClient();
        var client = new FilesClient(http, new FilesClientOptions { BaseAddress = server.BaseAddress });

        await using var stream = await client.GetFileAsync("big.bin", session: "s 1;x=2", theme: "dark");
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);

        Assert.Equal(payload, copy.ToArray());
        Assert.IsType<ResponseStream>(stream);
        Assert.Equal("session=s%201%3Bx%3D2; theme=dark", Assert.Single(server.Requests).Headers["Cookie"]);
        Assert.Equal("s 1;x=2", session);
    }

    [Fact]
    public async Task Text_goes_both_ways_and_a_declared_error_is_typed()
    {
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            if (context.Request.Path.StartsWithSegments("/notes"))
            {
                using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
                var text = await reader.ReadToEndAsync();
                await LoopbackServer.Respond(context, 200, "echo: " + text, "text/plain; charset=utf-8");
                return;
            }

            await LoopbackServer.Respond(context, 404, """{"title": "no such file", "status": 404}""");
        });
        using var http = new HttpClient();
        var client = new FilesClient(http, new FilesClientOptions { BaseAddress = server.BaseAddress });

        var echoed = await client.PutNoteAsync(7, "héllo");
        var error = await Assert.ThrowsAsync<ApiException<Problem>>(() => client.GetFileAsync("missing"));

        Assert.Equal("echo: héllo", echoed);
        Assert.Equal(HttpStatusCode.NotFound, error.StatusCode);
        Assert.Equal("GetFile", error.OperationName);
        Assert.Equal("no such file", error.Error.Title);
    }
}
