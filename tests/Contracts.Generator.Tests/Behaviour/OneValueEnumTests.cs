using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using Contracts.Generator.Tests.Infrastructure;
using Xunit;

namespace Contracts.Generator.Tests.Behaviour;

/// <summary>
/// A string schema with one allowed value is a <c>string</c> wherever it is used (record members, parameters, items, map
/// values, bodies) and no type is generated for it (<c>Passes/OneValueEnums</c>): a required member is set to the value
/// for the user, a value the service sends that the document does not list is kept, discriminated unions still tell
/// their cases apart by it, and a one-value enum that is a case of a union stays a type.
/// </summary>
public sealed class OneValueEnumTests : IClassFixture<OneValueEnumTests.Output>
{
    private const string Ns = "Contracts.Tests.Single.";
    private const string Context = Ns + "SingleJsonContext";

    private const string Spec = """
        openapi: 3.0.3
        info: { title: Single, version: '1' }
        servers: [ { url: 'https://api.example.com' } ]
        paths:
          /messages/{kind}:
            post:
              operationId: SendMessage
              parameters:
                - { name: kind, in: path, required: true, schema: { type: string, enum: [note] } }
                - { name: mode, in: query, required: false, schema: { $ref: '#/components/schemas/Mode' } }
              requestBody: { required: true, content: { application/json: { schema: { $ref: '#/components/schemas/Message' } } } }
              responses:
                '200': { description: ok, content: { application/json: { schema: { $ref: '#/components/schemas/Event' } } } }
          /status:
            get:
              operationId: GetStatus
              responses:
                '200': { description: ok, content: { application/json: { schema: { $ref: '#/components/schemas/Status' } } } }
        components:
          schemas:
            Mode: { type: string, enum: [fast] }
            Status: { type: string, enum: [ok] }
            Choice:
              oneOf:
                - { type: string, enum: [auto] }
                - { type: string, enum: [none] }
                - { type: integer }
            Message:
              type: object
              required: [type, text]
              properties:
                type: { type: string, enum: [message] }
                text: { type: string }
                tags: { type: array, items: { type: string, enum: [tag] } }
                labels: { type: object, additionalProperties: { type: string, enum: [label] } }
                mode: { $ref: '#/components/schemas/Mode' }
                choice: { $ref: '#/components/schemas/Choice' }
                level: { type: integer, enum: [3] }
                markup: { type: string, enum: ['<b>&amp;</b>'] }
            Created:
              type: object
              required: [type, id]
              properties:
                type: { type: string, enum: [created] }
                id: { type: string }
            Deleted:
              type: object
              required: [type, id]
              properties:
                type: { type: string, enum: [deleted] }
                id: { type: string }
            Event:
              oneOf:
                - $ref: '#/components/schemas/Created'
                - $ref: '#/components/schemas/Deleted'
              discriminator:
                propertyName: type
                mapping: { created: '#/components/schemas/Created', deleted: '#/components/schemas/Deleted' }
        """;

    private readonly Output _output;

    public OneValueEnumTests(Output output) => _output = output;

    [Fact]
    public void The_output_compiles_cleanly_and_has_no_type_for_a_one_value_enum()
    {
        _output.Run.AssertNoGeneratorDiagnostics();
        _output.Run.AssertCompilesCleanly();
        var assembly = _output.Loaded.Type(Ns + "Message").Assembly;

        Assert.Null(assembly.GetType(Ns + "Mode"));
        Assert.Null(assembly.GetType(Ns + "Status"));
        Assert.DoesNotContain(assembly.GetTypes(), t => t.IsValueType && t.Namespace + "." == Ns && t.GetProperty("KnownValues") is not null
            && t.Name.Contains("Type", StringComparison.Ordinal));
    }

    [Fact]
    public void Members_items_map_values_parameters_and_bodies_are_strings()
    {
        var message = _output.Loaded.Type(Ns + "Message");

        Assert.Equal(typeof(string), message.GetProperty("Type")!.PropertyType);
        Assert.Equal(typeof(string), message.GetProperty("Mode")!.PropertyType);
        Assert.Equal(typeof(IReadOnlyList<string>), message.GetProperty("Tags")!.PropertyType);
        Assert.Equal(typeof(IReadOnlyDictionary<string, string>), message.GetProperty("Labels")!.PropertyType);
        var client = _output.Loaded.Type(Ns + "SingleClient");
        var send = client.GetMethods().Single(m => m.Name == "SendMessageAsync");
        Assert.Equal(typeof(string), send.GetParameters().Single(p => p.Name == "kind").ParameterType);
        Assert.Equal(typeof(string), send.GetParameters().Single(p => p.Name == "mode").ParameterType);
        Assert.Equal(typeof(Task<string>), client.GetMethods().Single(m => m.Name == "GetStatusAsync").ReturnType);
    }

    [Fact]
    public void An_optional_members_docs_name_the_one_value_escaped_and_a_required_members_say_it_is_set()
    {
        var source = _output.Run.Sources.Values.Single(s => s.Contains("partial record Message\n", StringComparison.Ordinal) || s.Contains("partial record Message\r\n", StringComparison.Ordinal));
        var lines = source.Split('\n').Select(l => l.Trim()).ToList();

        Assert.Equal("/// <remarks>The document declares one value: <c>\"fast\"</c>.</remarks>", lines[lines.IndexOf("public string? Mode { get; init; }") - 1]);
        Assert.Equal("/// <remarks>The document declares one value: <c>\"&lt;b&gt;&amp;amp;&lt;/b&gt;\"</c>.</remarks>", lines[lines.IndexOf("public string? Markup { get; init; }") - 1]);
        Assert.Equal("/// <remarks>The only value the document allows, <c>\"message\"</c>: set for you.</remarks>", lines[lines.IndexOf("public string Type { get; init; } = \"message\";") - 1]);
    }

    [Fact]
    public void An_integer_enum_of_one_value_stays_an_enum()
    {
        var level = _output.Loaded.Type(Ns + "Message").GetProperty("Level")!.PropertyType;

        Assert.True(Nullable.GetUnderlyingType(level) is { IsValueType: true } underlying && underlying.GetProperty("KnownValues") is not null);
    }

    [Fact]
    public void The_only_value_is_set_for_the_user_and_sent()
    {
        var message = _output.Loaded.Create(Ns + "Message", [], ("Text", "hi"));

        Assert.Equal("""{"type":"message","text":"hi"}""", _output.Loaded.Serialize(Context, "Message", message));
    }

    [Theory]
    [InlineData("""{"type":"message","text":"hi","tags":["tag"],"labels":{"a":"label"},"mode":"fast"}""")]
    [InlineData("""{"type":"reply","text":"hi","tags":["later"],"labels":{"a":"other"},"mode":"slow"}""")]
    public void Listed_and_unlisted_values_read_and_are_written_back_as_they_came(string json)
    {
        var message = _output.Loaded.Deserialize(Context, "Message", json);

        Assert.Equal(json, _output.Loaded.Serialize(Context, "Message", message));
    }

    [Theory]
    [InlineData("""{"type":5,"text":"hi"}""", "'type'")]
    [InlineData("""{"text":"hi"}""", "'type'")]
    public void A_wrong_token_or_a_missing_required_value_fails_clearly(string json, string named)
    {
        var error = Assert.Throws<JsonException>(() => _output.Loaded.Deserialize(Context, "Message", json));

        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"type":"created","id":"1"}""", "Created")]
    [InlineData("""{"type":"deleted","id":"2"}""", "Deleted")]
    public void A_discriminated_union_still_picks_its_case_by_the_one_value_member(string json, string expectedCase)
    {
        var value = _output.Loaded.Deserialize(Context, "Event", json)!;

        Assert.Equal(Ns + "Event+" + expectedCase, value.GetType().FullName);
        Assert.Equal(json, _output.Loaded.Serialize(Context, "Event", value));
    }

    [Theory]
    [InlineData("\"auto\"")]
    [InlineData("\"none\"")]
    [InlineData("7")]
    public void One_value_enums_that_are_union_cases_stay_types_and_keep_the_cases_apart(string json)
    {
        var choice = _output.Loaded.Deserialize(Context, "Choice", json)!;
        var cases = choice.GetType().DeclaringType!.GetNestedTypes().Where(t => t.GetProperty("Value") is not null).ToList();

        Assert.Equal(3, cases.Count);
        Assert.Equal(json, _output.Loaded.Serialize(Context, "Choice", choice));
        Assert.Equal(2, cases.Count(c => c.GetProperty("Value")!.PropertyType.GetProperty("KnownValues") is not null));
    }

    /// <summary>The generated assembly, built and loaded once for the class.</summary>
    public sealed class Output : IDisposable
    {
        public Output()
        {
            Run = GeneratorHarness.Run(SpecFile.Inline("single.yaml", Spec, "Contracts.Tests.Single", "SingleClient").ReadAndWritten());
            Loaded = LoadedOutput.Load(Run);
        }

        internal GeneratorRun Run { get; }

        internal LoadedOutput Loaded { get; }

        public void Dispose() => Loaded.Dispose();
    }
}
