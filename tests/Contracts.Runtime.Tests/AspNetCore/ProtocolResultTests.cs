using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Threading;
using System.Threading.Tasks;
using Contracts.Runtime.AspNetCore;
using Contracts.Runtime.Streaming;
using Microsoft.AspNetCore.Http;
using Xunit;

namespace Contracts.Runtime.Tests.AspNetCore;

/// <summary>AWS JSON errors, envelopes and streamed results, as generated endpoints write them, read back over Kestrel.</summary>
public sealed class ProtocolResultTests : IAsyncLifetime
{
    private static readonly JsonTypeInfo<Item> ItemTypeInfo = (JsonTypeInfo<Item>)new JsonSerializerOptions(JsonSerializerDefaults.Web) { TypeInfoResolver = new DefaultJsonTypeInfoResolver() }.GetTypeInfo(typeof(Item));

    private BindingServer _server = null!;

    public async Task InitializeAsync() => _server = await BindingServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Theory]
    [InlineData("{\"name\": 5}", "SerializationException")]
    [InlineData("", "ValidationException")]
    public async Task Bad_aws_json_input_is_refused_as_aws_services_refuse_it(string json, string errorType)
    {
        var reached = false;
        _server.Handler = async context =>
        {
            var binder = new RequestBinder(context, "GetThing", ProblemFormat.AwsJson);
            await binder.JsonBodyAsync(ItemTypeInfo, required: true);
            if (binder.HasErrors)
            {
                await binder.WriteProblemAsync();
                return;
            }

            reached = true;
        };
        using var response = await _server.Client.SendAsync(AwsRequest("Service_2016.GetThing", json));
        Assert.False(reached);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(errorType, response.Headers.GetValues("X-Amzn-ErrorType").Single());
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(errorType, body.RootElement.GetProperty("__type").GetString());
        Assert.StartsWith("body: ", body.RootElement.GetProperty("message").GetString());
    }

    [Fact]
    public async Task Declared_aws_errors_carry_their_type_and_members()
    {
        _server.Handler = context => ResultWriter.WriteAwsErrorAsync(context, 404, "NotFoundException", new Item { Name = "gone", Count = 1 }, ItemTypeInfo);
        using var response = await _server.Client.SendAsync(AwsRequest("Service_2016.GetThing", "{}"));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("NotFoundException", response.Headers.GetValues("X-Amzn-ErrorType").Single());
        Assert.Equal("""{"__type":"NotFoundException","name":"gone","count":1}""", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Declared_aws_errors_without_members_carry_their_type_and_message()
    {
        _server.Handler = context => ResultWriter.WriteAwsErrorAsync(context, 400, "NotFoundException", "No \"thing\" here.");
        using var response = await _server.Client.SendAsync(AwsRequest("Service_2016.GetThing", "{}"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("NotFoundException", response.Headers.GetValues("X-Amzn-ErrorType").Single());
        Assert.Equal("""{"__type":"NotFoundException","message":"No \u0022thing\u0022 here."}""", await response.Content.ReadAsStringAsync());

        _server.Handler = context => ResultWriter.WriteAwsErrorAsync(context, 400, "AccessDeniedException", null);
        using var bare = await _server.Client.SendAsync(AwsRequest("Service_2016.GetThing", "{}"));
        Assert.Equal("""{"__type":"AccessDeniedException"}""", await bare.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Envelopes_hold_the_data_or_the_error_under_the_documents_names()
    {
        _server.Handler = context => ResultWriter.WriteEnvelopeAsync(context, 200, "success", true, "data", new Item { Name = "a", Count = 2 }, ItemTypeInfo);
        using var ok = await _server.Client.GetAsync("echo");
        Assert.Equal("""{"success":true,"data":{"name":"a","count":2}}""", await ok.Content.ReadAsStringAsync());

        _server.Handler = context => ResultWriter.WriteEnvelopeAsync(context, 400, "ok", false, "problem", new Item { Name = "bad" }, ItemTypeInfo);
        using var failed = await _server.Client.GetAsync("echo");
        Assert.Equal(HttpStatusCode.BadRequest, failed.StatusCode);
        Assert.Equal("""{"ok":false,"problem":{"name":"bad","count":0}}""", await failed.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Server_sent_events_arrive_one_item_per_event_as_they_are_produced()
    {
        var gate = new SemaphoreSlim(0);
        _server.Handler = context => ResultWriter.WriteEventsAsync(context, 200, Produce(gate), ItemTypeInfo, StreamFormat.ServerSentEvents);
        using var response = await _server.Client.GetAsync("echo", HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType!.MediaType);
        var events = SseParser.Create(await response.Content.ReadAsStreamAsync()).EnumerateAsync().GetAsyncEnumerator();

        // Each item is readable before the next one is produced: nothing waits in a buffer.
        for (var i = 0; i < 3; i++)
        {
            gate.Release();
            Assert.True(await events.MoveNextAsync());
            var item = JsonSerializer.Deserialize(events.Current.Data, ItemTypeInfo)!;
            Assert.Equal("line\n" + i, item.Name);
            Assert.Equal(i, item.Count);
        }

        gate.Release();
        Assert.False(await events.MoveNextAsync());
    }

    [Theory]
    [InlineData(StreamFormat.JsonLines, "application/jsonl", "{\"name\":\"line\\n0\",\"count\":0}\n{\"name\":\"line\\n1\",\"count\":1}\n{\"name\":\"line\\n2\",\"count\":2}\n")]
    [InlineData(StreamFormat.JsonSequence, "application/json-seq", "\u001e{\"name\":\"line\\n0\",\"count\":0}\n\u001e{\"name\":\"line\\n1\",\"count\":1}\n\u001e{\"name\":\"line\\n2\",\"count\":2}\n")]
    public async Task Json_lines_and_sequences_write_one_item_per_record(StreamFormat format, string mediaType, string expected)
    {
        var gate = new SemaphoreSlim(100);
        _server.Handler = context => ResultWriter.WriteEventsAsync(context, 200, Produce(gate), ItemTypeInfo, format);
        using var response = await _server.Client.GetAsync("echo");
        Assert.Equal(mediaType, response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(expected, await response.Content.ReadAsStringAsync());
    }

    private static async IAsyncEnumerable<Item> Produce(SemaphoreSlim gate, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        for (var i = 0; i < 3; i++)
        {
            await gate.WaitAsync(cancellationToken);
            yield return new Item { Name = "line\n" + i, Count = i };
        }

        await gate.WaitAsync(cancellationToken);
    }

    private static HttpRequestMessage AwsRequest(string? target, string json)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "") { Content = new StringContent(json, Encoding.UTF8, "application/x-amz-json-1.1") };
        if (target is not null)
        {
            request.Headers.Add("X-Amz-Target", target);
        }

        if (json.Length == 0)
        {
            request.Content = new ByteArrayContent([]);
        }

        return request;
    }

    private sealed class Item
    {
        public string Name { get; set; } = "";

        public int Count { get; set; }
    }
}
