using System;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Contracts.Generator.Tests.Infrastructure;
using Contracts.Runtime;
using Contracts.Runtime.Http;
using Xunit;

namespace Contracts.Generator.Tests.Behaviour;

/// <summary>
/// The client of Specs/operations.yaml (and its Swagger 2.0 sibling), compiled, loaded and called over an in-memory
/// handler: parameter styles, cookies, escaping, form/multipart/text/binary bodies, text/stream results and typed errors.
/// </summary>
public sealed class OperationsBehaviourTests
{
    private const string Context = "Contracts.Tests.Files.FilesJsonContext";

    [Fact]
    public async Task Path_and_query_parameters_follow_their_style_and_explode()
    {
        using var output = LoadFiles();
        var (client, handler) = Create(output, "Contracts.Tests.Files.FilesClient", _ => Json("{}"));
        var point = output.Deserialize(Context, "Point", """{"x": 1, "y": 2}""");
        var at = output.Deserialize(Context, "Point", """{"x": 3, "y": 4}""");
        var filter = output.Deserialize(Context, "Filter", """{"status": "open&closed", "owner": "me"}""");

        await LoadedOutput.InvokeAsync(client, "GetStylesAsync",
            new List<long> { 1, 2 }, point, new List<double> { 1.5, 2 },
            new List<string> { "a", "b,c" }, new List<string> { "x", "y" }, new List<string> { "p", "q" },
            filter, at, new Dictionary<string, string> { ["k"] = "v w" }, CancellationToken.None);

        Assert.Equal(
            "https://files.example.com/v1/styles/.1.2/;x=1;y=2/1.5,2"
            + "?tags=a,b%2Cc&words=x%20y&pipes=p%7Cq&filter%5Bstatus%5D=open%26closed&filter%5Bowner%5D=me&x=3&y=4&k=v%20w",
            Assert.Single(handler.Requests).Uri);
    }

    [Theory]
    [InlineData("../etc/passwd?x=1#frag%41", "https://files.example.com/v1/files/..%2Fetc%2Fpasswd%3Fx%3D1%23frag%2541")]
    [InlineData("a b/c", "https://files.example.com/v1/files/a%20b%2Fc")]
    public async Task Path_values_cannot_change_the_route(string name, string expected)
    {
        using var output = LoadFiles();
        var (client, handler) = Create(output, "Contracts.Tests.Files.FilesClient", _ => Bytes([1, 2, 3], "application/octet-stream"));

        await using var stream = (Stream)(await LoadedOutput.InvokeAsync(client, "GetFileAsync", name, null, null, null, CancellationToken.None))!;

        Assert.Equal(expected, Assert.Single(handler.Requests).Uri);
    }

    [Theory]
    [InlineData("..")]
    [InlineData(".")]
    public async Task A_path_value_that_is_a_dot_segment_is_refused_before_sending(string name)
    {
        using var output = LoadFiles();
        var (client, handler) = Create(output, "Contracts.Tests.Files.FilesClient", _ => Bytes([], "application/octet-stream"));

        await Assert.ThrowsAsync<ArgumentException>(() => LoadedOutput.InvokeAsync(client, "GetFileAsync", name, null, null, null, CancellationToken.None));

        Assert.Empty(handler.Requests);
    }

    [Fact]
    public async Task Cookies_and_list_headers_are_sent_escaped_and_a_binary_result_streams_without_buffering()
    {
        using var output = LoadFiles();
        var served = new TrackingStream([1, 2, 3, 4]);
        var (client, handler) = Create(output, "Contracts.Tests.Files.FilesClient", _ => new HttpResponseMessage(HttpStatusCode.OK) { Content = new StreamContent(served) });

        var stream = (Stream)(await LoadedOutput.InvokeAsync(client, "GetFileAsync", "f", new List<string> { "a", "b" }, "s 1;x=2", "dark", CancellationToken.None))!;

        var request = Assert.Single(handler.Requests);
        Assert.Equal("session=s%201%3Bx%3D2; theme=dark", request.Headers["Cookie"]);
        Assert.Equal("a,b", request.Headers["X-Tags"]);
        Assert.Equal(0, served.BytesRead);
        var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        Assert.Equal(new byte[] { 1, 2, 3, 4 }, copy.ToArray());
        Assert.False(served.Disposed);
        await stream.DisposeAsync();
        Assert.True(served.Disposed);
    }

    [Fact]
    public async Task A_header_value_with_a_line_break_is_refused_before_sending()
    {
        using var output = LoadFiles();
        var (client, handler) = Create(output, "Contracts.Tests.Files.FilesClient", _ => Bytes([], "application/octet-stream"));

        await Assert.ThrowsAsync<ArgumentException>(() => LoadedOutput.InvokeAsync(client, "GetFileAsync", "f", new List<string> { "a\r\nX-Injected: 1" }, null, null, CancellationToken.None));

        Assert.Empty(handler.Requests);
    }

    [Theory]
    [InlineData(404, "application/json", """{"title": "gone", "status": 404}""", "Problem")]
    [InlineData(409, "application/json", """{"code": "conflict"}""", "ClientError")]
    [InlineData(503, "application/problem+json", """{"title": "down"}""", "Problem")]
    public async Task Declared_error_responses_throw_ApiException_of_the_declared_type(int status, string mediaType, string body, string errorType)
    {
        using var output = LoadFiles();
        var (client, _) = Create(output, "Contracts.Tests.Files.FilesClient", _ => Text(body, mediaType, (HttpStatusCode)status));

        var exception = await Assert.ThrowsAnyAsync<ApiException>(() => LoadedOutput.InvokeAsync(client, "GetFileAsync", "f", null, null, null, CancellationToken.None));

        Assert.Equal((HttpStatusCode)status, exception.StatusCode);
        Assert.Equal("GetFile", exception.OperationName);
        Assert.Equal(typeof(ApiException<>), exception.GetType().GetGenericTypeDefinition());
        var error = exception.GetType().GetProperty("Error")!.GetValue(exception)!;
        Assert.Equal(errorType, error.GetType().Name);
        Assert.Equal(body, exception.ResponseExcerpt);
    }

    [Fact]
    public async Task An_error_body_that_is_not_the_declared_json_throws_the_untyped_exception_with_a_bounded_excerpt()
    {
        using var output = LoadFiles();
        var html = "<html>" + new string('x', 1000) + "</html>";
        var (client, _) = Create(output, "Contracts.Tests.Files.FilesClient", _ => Text(html, "text/html", HttpStatusCode.BadGateway));

        var exception = await Assert.ThrowsAsync<ApiException>(() => LoadedOutput.InvokeAsync(client, "GetFileAsync", "f", null, null, null, CancellationToken.None));

        Assert.Equal(HttpStatusCode.BadGateway, exception.StatusCode);
        Assert.StartsWith("<html>xxx", exception.ResponseExcerpt, StringComparison.Ordinal);
        Assert.Equal(ResponseText.MaxExcerptLength + 1, exception.ResponseExcerpt!.Length);
    }

    [Fact]
    public async Task A_form_body_spells_nested_members_with_brackets_and_declared_deep_object_lists_with_indices()
    {
        using var output = LoadFiles();
        var charge = output.Deserialize(Context, "CreateChargeRequest",
            """{"amount": 100, "currency": "usd", "card": {"number": "4242 4242", "exp_month": 12}, "expand": ["a", "b"], "tags": ["x", "y&z"]}""");
        var (client, handler) = Create(output, "Contracts.Tests.Files.FilesClient", _ => Json("""{"id": "ch_1"}"""));

        var result = await LoadedOutput.InvokeAsync(client, "CreateChargeAsync", charge, CancellationToken.None);

        var request = Assert.Single(handler.Requests);
        Assert.Equal("application/x-www-form-urlencoded", request.ContentType);
        Assert.Equal(
            "amount=100&currency=usd&card%5Bnumber%5D=4242%204242&card%5Bexp_month%5D=12&expand%5B0%5D=a&expand%5B1%5D=b&tags=x&tags=y%26z",
            request.BodyText);
        Assert.Equal("ch_1", result!.GetType().GetProperty("Id")!.GetValue(result));
    }

    [Fact]
    public async Task A_success_without_body_next_to_one_with_a_body_gives_null()
    {
        using var output = LoadFiles();
        var charge = output.Deserialize(Context, "CreateChargeRequest", """{"amount": 1}""");
        var (client, _) = Create(output, "Contracts.Tests.Files.FilesClient", _ => new HttpResponseMessage(HttpStatusCode.Accepted));

        Assert.Null(await LoadedOutput.InvokeAsync(client, "CreateChargeAsync", charge, CancellationToken.None));
    }

    [Fact]
    public async Task A_multipart_body_sends_files_text_fields_and_json_fields_as_parts()
    {
        using var output = LoadFiles();
        var meta = output.Deserialize(Context, "Point", """{"x": 1, "y": 2}""");
        var file = new FilePart(new MemoryStream(Encoding.UTF8.GetBytes("hello file")), "a \"quoted\".txt", "text/plain");
        var extra = new FilePart(new MemoryStream([0xFF, 0x00]), "b.bin");
        var (client, handler) = Create(output, "Contracts.Tests.Files.FilesClient", _ => Json("""{"id": "u1"}""", HttpStatusCode.Created));

        await LoadedOutput.InvokeAsync(client, "UploadAsync", file, "a description", 3, meta, new[] { extra }, CancellationToken.None);

        var request = Assert.Single(handler.Requests);
        Assert.StartsWith("multipart/form-data; boundary=", request.ContentType, StringComparison.Ordinal);
        var body = request.BodyText;
        Assert.Contains("name=\"file\"; filename=\"a %22quoted%22.txt\"", body, StringComparison.Ordinal);
        Assert.Contains("hello file", body, StringComparison.Ordinal);
        Assert.Contains("name=\"description\"", body, StringComparison.Ordinal);
        Assert.Contains("a description", body, StringComparison.Ordinal);
        Assert.Contains("name=\"count\"", body, StringComparison.Ordinal);
        Assert.Contains("Content-Type: application/json", body, StringComparison.Ordinal);
        Assert.Contains("""{"x":1,"y":2}""", body, StringComparison.Ordinal);
        Assert.Contains("name=\"attachments\"; filename=\"b.bin\"", body, StringComparison.Ordinal);
        Assert.True(file.Content.CanRead, "the caller's stream is not disposed by the client");
    }

    [Fact]
    public async Task Text_bodies_and_text_results_are_strings_and_binary_bodies_are_streams()
    {
        using var output = LoadFiles();
        var (client, handler) = Create(output, "Contracts.Tests.Files.FilesClient", request => request.Method == HttpMethod.Put && request.RequestUri!.AbsolutePath.Contains("/notes/")
            ? Text("stored: héllo", "text/plain; charset=utf-8")
            : new HttpResponseMessage(HttpStatusCode.NoContent));

        var text = await LoadedOutput.InvokeAsync(client, "PutNoteAsync", 5, "héllo", CancellationToken.None);
        await LoadedOutput.InvokeAsync(client, "PutFileAsync", "f.bin", new MemoryStream([9, 8, 7]), CancellationToken.None);

        Assert.Equal("stored: héllo", text);
        Assert.Equal("text/plain; charset=utf-8", handler.Requests[0].ContentType);
        Assert.Equal("héllo", handler.Requests[0].BodyText);
        Assert.Equal("application/octet-stream", handler.Requests[1].ContentType);
        Assert.Equal(new byte[] { 9, 8, 7 }, handler.Requests[1].Body);
    }

    [Fact]
    public async Task An_operation_without_operation_id_is_named_from_its_route_and_reads_text_csv_as_a_string()
    {
        using var output = LoadFiles();
        var (client, handler) = Create(output, "Contracts.Tests.Files.FilesClient", _ => Text("a,b\n1,2", "text/csv"));

        var csv = await LoadedOutput.InvokeAsync(client, "GetItemsByItemIdPartsAsync", "i 1", CancellationToken.None);

        Assert.Equal("a,b\n1,2", csv);
        Assert.Equal("https://files.example.com/v1/items/i%201/parts", Assert.Single(handler.Requests).Uri);
    }

    [Fact]
    public async Task Swagger2_collection_formats_form_data_and_octet_stream_json_results()
    {
        using var output = LoadedOutput.Load(GeneratorHarness.Run(SpecFile.FromOutput("Specs/operations-swagger2.yaml", "Contracts.Tests.Legacy", "LegacyClient").ReadAndWritten()));
        var (client, handler) = Create(output, "Contracts.Tests.Legacy.LegacyClient", request => request.Method == HttpMethod.Get
            ? Bytes(Encoding.UTF8.GetBytes("""{"id": "t1", "name": "thing"}"""), "application/octet-stream")
            : Json("""{"id": "t2"}""", HttpStatusCode.Created));
        var create = output.Deserialize("Contracts.Tests.Legacy.LegacyJsonContext", "CreateThingRequest", """{"name": "n m", "size": 2}""");

        var thing = await LoadedOutput.InvokeAsync(client, "GetThingAsync", "t1",
            new List<long> { 1, 2 }, new List<string> { "a", "b" }, new List<string> { "c", "d" }, new List<string> { "e", "f" }, CancellationToken.None);
        await LoadedOutput.InvokeAsync(client, "CreateThingAsync", create, CancellationToken.None);

        Assert.Equal("https://legacy.example.com/api/things/t1?ids=1,2&words=a%20b&pipes=c%7Cd&many=e&many=f", handler.Requests[0].Uri);
        Assert.Equal("thing", thing!.GetType().GetProperty("Name")!.GetValue(thing));
        Assert.Equal("application/x-www-form-urlencoded", handler.Requests[1].ContentType);
        Assert.Equal("name=n%20m&size=2", handler.Requests[1].BodyText);
    }

    [Fact]
    public async Task Swagger2_declared_errors_are_typed()
    {
        using var output = LoadedOutput.Load(GeneratorHarness.Run(SpecFile.FromOutput("Specs/operations-swagger2.yaml", "Contracts.Tests.Legacy", "LegacyClient").ReadAndWritten()));
        var (client, _) = Create(output, "Contracts.Tests.Legacy.LegacyClient", _ => Json("""{"message": "no such thing"}""", HttpStatusCode.NotFound));

        var exception = await Assert.ThrowsAnyAsync<ApiException>(() => LoadedOutput.InvokeAsync(client, "GetThingAsync", "t1", null, null, null, null, CancellationToken.None));

        var error = exception.GetType().GetProperty("Error")!.GetValue(exception)!;
        Assert.Equal("no such thing", error.GetType().GetProperty("Message")!.GetValue(error));
    }

    private static LoadedOutput LoadFiles() =>
        LoadedOutput.Load(GeneratorHarness.Run(SpecFile.FromOutput("Specs/operations.yaml", "Contracts.Tests.Files", "FilesClient").ReadAndWritten()));

    private static (object Client, ScriptedHandler Handler) Create(LoadedOutput output, string clientType, Func<HttpRequestMessage, HttpResponseMessage> respond)
    {
        var handler = new ScriptedHandler(respond);
        return (output.Create(clientType, [new HttpClient(handler), null]), handler);
    }

    private static HttpResponseMessage Json(string body, HttpStatusCode status = HttpStatusCode.OK) => Text(body, "application/json", status);

    private static HttpResponseMessage Text(string body, string mediaType, HttpStatusCode status = HttpStatusCode.OK)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(mediaType);
        return new HttpResponseMessage(status) { Content = content };
    }

    private static HttpResponseMessage Bytes(byte[] body, string mediaType)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue(mediaType);
        return new HttpResponseMessage(HttpStatusCode.OK) { Content = content };
    }

    /// <summary>A response body that says how much of it was read and whether it was disposed.</summary>
    private sealed class TrackingStream(byte[] data) : MemoryStream(data)
    {
        public int BytesRead { get; private set; }

        public bool Disposed { get; private set; }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var read = base.Read(buffer, offset, count);
            BytesRead += read;
            return read;
        }

        public override int Read(Span<byte> buffer)
        {
            var read = base.Read(buffer);
            BytesRead += read;
            return read;
        }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            var read = await base.ReadAsync(buffer, cancellationToken);
            BytesRead += read;
            return read;
        }

        public override async Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            var read = await base.ReadAsync(buffer, offset, count, cancellationToken);
            BytesRead += read;
            return read;
        }

        protected override void Dispose(bool disposing)
        {
            Disposed = true;
            base.Dispose(disposing);
        }
    }
}
