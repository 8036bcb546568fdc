using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Contracts.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace Contracts.Generator.Tests.Streaming;

/// <summary>
/// What gets a streaming method, its name and item type: a stream beside another media type gets <c>…StreamingAsync</c>,
/// a stream alone makes the operation's own method stream; an untyped stream reads <c>JsonElement</c> items (CTR119).
/// </summary>
public sealed class StreamTranslationTests
{
    private const string StreamStringSchema = """
        openapi: 3.0.3
        info: { title: Events, version: '1' }
        servers: [ { url: 'https://events.example.com' } ]
        paths:
          /events:
            get:
              operationId: streamEvents
              responses:
                '200':
                  description: The events.
                  content:
                    text/event-stream:
                      schema: { type: string }
          /raw:
            get:
              operationId: streamRaw
              responses:
                '200':
                  description: The events.
                  content:
                    application/x-ndjson: {}
          /any:
            get:
              operationId: streamAny
              responses:
                '200':
                  description: The events.
                  content:
                    application/jsonl:
                      schema: {}
        """;

    [Fact]
    public void A_stream_without_an_item_type_reads_json_elements_and_is_reported_at_its_schema()
    {
        var run = GeneratorHarness.Run(SpecFile.Inline("events.yaml", StreamStringSchema, "Contracts.Tests.Events", "EventsClient"));

        run.AssertGeneratorDidNotThrow();
        var reported = run.GeneratorDiagnostics
            .Select(d => (d.Id, d.Severity, Line: d.Location.GetLineSpan().StartLinePosition.Line + 1, Message: d.GetMessage(CultureInfo.InvariantCulture)))
            .OrderBy(d => d.Line)
            .ToList();
        Assert.Equal(
            [
                ("CTR119", DiagnosticSeverity.Warning, 13, "Operation 'streamEvents': the stream 'text/event-stream' declares a string, not a JSON value per item; its items are read as JsonElement"),
                ("CTR119", DiagnosticSeverity.Warning, 21, "Operation 'streamRaw': the stream 'application/x-ndjson' declares no schema; its items are read as JsonElement"),
                ("CTR119", DiagnosticSeverity.Warning, 30, "Operation 'streamAny': the stream 'application/jsonl' declares free-form JSON; its items are read as JsonElement"),
            ],
            reported);
        var client = run.Source("EventsClient.Client");
        Assert.Contains("StreamingResponse<global::System.Text.Json.JsonElement> StreamEventsAsync(", client, StringComparison.Ordinal);
        Assert.Contains("StreamingResponse<global::System.Text.Json.JsonElement> StreamRawAsync(", client, StringComparison.Ordinal);
        Assert.Contains("StreamingResponse<global::System.Text.Json.JsonElement> StreamAnyAsync(", client, StringComparison.Ordinal);
    }

    [Fact]
    public void A_stream_beside_json_gets_its_own_method_and_a_taken_name_gets_a_number()
    {
        const string spec = """
            openapi: 3.0.3
            info: { title: Chat, version: '1' }
            paths:
              /chat:
                post:
                  operationId: chat
                  requestBody:
                    content:
                      application/json:
                        schema:
                          type: object
                          properties:
                            prompt: { type: string }
                            stream: { type: boolean }
                  responses:
                    '200':
                      description: The answer, whole or streamed.
                      content:
                        application/json:
                          schema: { $ref: '#/components/schemas/Answer' }
                        text/event-stream:
                          schema:
                            type: array
                            items: { $ref: '#/components/schemas/Chunk' }
              /chat/streaming:
                get:
                  operationId: chatStreaming
                  responses:
                    '204': { description: Nothing. }
            components:
              schemas:
                Answer: { type: object, properties: { text: { type: string } } }
                Chunk: { type: object, properties: { delta: { type: string } } }
            """;

        var run = GeneratorHarness.Run(SpecFile.Inline("chat.yaml", spec, "Contracts.Tests.Chat", "ChatClient"));

        run.AssertNoGeneratorDiagnostics();
        var client = run.Source("ChatClient.Client");
        Assert.Contains("Task<global::Contracts.Tests.Chat.Answer> ChatAsync(global::Contracts.Tests.Chat.ChatRequest? request = null, ", client, StringComparison.Ordinal);
        Assert.Contains("Task ChatStreamingAsync(global::System.Threading.CancellationToken", client, StringComparison.Ordinal);

        // The array schema's items are the item type; the optional body is flagged only when given.
        Assert.Contains("StreamingResponse<global::Contracts.Tests.Chat.Chunk> ChatStreaming2Async(global::Contracts.Tests.Chat.ChatRequest? request = null, ", client, StringComparison.Ordinal);
        Assert.Contains("var __streamBody = request is null ? null : request with { Stream = true };", client, StringComparison.Ordinal);
        Assert.Contains("AddHeader(__request, \"Accept\", \"text/event-stream\");", client, StringComparison.Ordinal);
        Assert.Single(Regex.Matches(client, "with \\{ Stream = true \\}"));
    }

    [Fact]
    public void Specs_without_streams_have_no_streaming_members()
    {
        var run = GeneratorHarness.Run(SpecFile.FromOutput("Specs/plain-json.yaml", "Contracts.Tests.Pets", "PetsClient"));

        Assert.DoesNotContain(run.Sources.Values, text => text.Contains("Streaming", StringComparison.Ordinal));
    }

    [Fact]
    public void An_aws_json_client_is_generated_as_if_its_responses_offered_no_stream()
    {
        var spec = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Specs", "aws-json.yaml"));
        var withStream = spec.Replace("            application/json:\n", "            text/event-stream:\n              schema: {type: object, properties: {a: {type: string}}}\n            application/json:\n", StringComparison.Ordinal);
        Assert.NotEqual(spec, withStream);

        var plain = GeneratorHarness.Run(SpecFile.Inline("aws-json.yaml", spec, "Contracts.Tests.Widgets", "WidgetsClient"));
        var streamed = GeneratorHarness.Run(SpecFile.Inline("aws-json.yaml", withStream, "Contracts.Tests.Widgets", "WidgetsClient"));

        streamed.AssertNoGeneratorDiagnostics();
        Assert.Equal(plain.Sources.ToList(), streamed.Sources.ToList());
    }
}
