using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using Contracts.Generator.Tests.Infrastructure;
using Xunit;

namespace Contracts.Generator.Tests.Hierarchies;

/// <summary>
/// A base whose discriminator is not one of its properties: a derived record writes its own value (first) and skips the
/// member on reading; the base keeps it with the other undeclared members, so an unknown derived type round-trips.
/// </summary>
public sealed class UndeclaredDiscriminatorTests : IDisposable
{
    private const string Ns = "Contracts.Tests.Events";
    private const string Context = Ns + ".EventsJsonContext";

    private const string Spec = """
        openapi: 3.0.3
        info: {title: Events, version: '1'}
        servers: [{url: 'https://api.example.com'}]
        paths:
          /events:
            get:
              operationId: ListEvents
              responses:
                '200':
                  description: Events of every kind.
                  content:
                    application/json:
                      schema: {type: array, items: {$ref: '#/components/schemas/Event'}}
        components:
          schemas:
            Event:
              type: object
              required: [id]
              properties:
                id: {type: string}
              discriminator:
                propertyName: type
                mapping:
                  click: '#/components/schemas/Click'
            Click:
              allOf:
                - $ref: '#/components/schemas/Event'
                - type: object
                  properties:
                    x: {type: integer, format: int32}
            Key:
              allOf:
                - $ref: '#/components/schemas/Event'
                - type: object
                  properties:
                    code: {type: string}
        """;

    private readonly GeneratorRun _run = GeneratorHarness.Run(SpecFile.Inline("events.yaml", Spec, Ns, "EventsClient").ReadAndWritten());

    private LoadedOutput? _output;

    private LoadedOutput Output => _output ??= LoadedOutput.Load(_run);

    public void Dispose() => _output?.Dispose();

    [Fact]
    public void Only_the_readers_warning_about_the_undeclared_member_is_reported()
    {
        // OpenAPI wants the discriminator among the base's required members; the generator copes without.
        _run.AssertGeneratorDidNotThrow();
        var warning = Assert.Single(_run.GeneratorDiagnostics, d => d.Severity >= Microsoft.CodeAnalysis.DiagnosticSeverity.Warning);
        Assert.Equal("CTR005", warning.Id);
        Assert.Contains("discriminator", warning.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"type":"click","id":"1","x":3}""", "Click", """{"type":"click","id":"1","x":3}""")]
    [InlineData("""{"id":"2","code":"Enter","type":"Key"}""", "Key", """{"type":"Key","id":"2","code":"Enter"}""")]
    [InlineData("""{"type":"scroll","id":"3","dy":-4}""", "Event", """{"id":"3","type":"scroll","dy":-4}""")]
    public void Each_event_reads_as_its_record_and_is_written_with_its_discriminator(string json, string expectedType, string written)
    {
        var value = Output.Deserialize(Context, "Event", json)!;

        Assert.Equal(Ns + "." + expectedType, value.GetType().FullName);
        Assert.Equal(written, Output.Serialize(Context, "Event", value));
    }

    [Fact]
    public void A_derived_record_made_in_code_writes_its_value()
    {
        var click = Output.Create(Ns + ".Click", Array.Empty<object?>(), ("Id", "9"), ("X", 1));
        var key = Output.Create(Ns + ".Key", Array.Empty<object?>(), ("Id", "8"));

        Assert.Equal("""{"type":"click","id":"9","x":1}""", Output.Serialize(Context, "Event", click));
        Assert.Equal("""{"type":"Key","id":"8"}""", Output.Serialize(Context, "Event", key));
        Assert.Null(click.GetType().GetProperty("AdditionalProperties")!.GetValue(Output.Deserialize(Context, "Event", """{"type":"click","id":"1"}""")));
    }

    [Fact]
    public void The_base_keeps_an_unknown_discriminator_with_the_other_undeclared_members()
    {
        var value = Output.Deserialize(Context, "Event", """{"type":"scroll","id":"3","dy":-4}""")!;

        var kept = (IReadOnlyDictionary<string, JsonElement>)value.GetType().GetProperty("AdditionalProperties")!.GetValue(value)!;
        Assert.Equal(["type", "dy"], kept.Keys.ToArray());
        Assert.Equal("scroll", kept["type"].GetString());
    }
}
