using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Reflection;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Contracts.Generator.Configuration;
using Contracts.Generator.Model;
using Contracts.Generator.Tests.Infrastructure;
using Xunit;

namespace Contracts.Generator.Tests.Behaviour;

/// <summary>
/// Specs/formats.yaml through the generated JSON context: formats, open integer enums, kept additional properties,
/// the required × nullable matrix, and the strict readers' errors. Each JSON below is in declared member order and
/// canonical form, so writing what was read must give the same text back.
/// </summary>
public sealed class FormatsBehaviourTests(FormatsBehaviourTests.Output fixture) : IClassFixture<FormatsBehaviourTests.Output>
{
    private const string Context = "Contracts.Tests.Formats.FormatsJsonContext";
    private const string Ns = "Contracts.Tests.Formats.";

    private const string SampleJson = """
        {"id":"6f1c2a5e-8d4b-4c1e-9a7f-0b2d3e4f5a6b","day":"2024-02-29","at":"2024-02-29T13:45:30.5-05:00","time":"13:45:30Z","within":"P1DT2H30M0.25S","link":"https://example.com/a?b=c","email":"a@example.com","blob":"AQID","raw":"bytes","small":-2147483648,"big":9223372036854775807,"plainInteger":-9223372036854775808,"ratio":1.5,"measure":0.1,"money":79228162514264337593543950335,"plainNumber":1E+300,"priority":-1,"level":10,"state":200,"maybeColor":"green","ratios":0.5,"flag":true,"days":["2024-01-01","1999-12-31"],"windows":["PT0S","-P7D","PT0.0000001S"],"grid":[[1,2],[],[3]],"groups":{"a":["x","y"],"b":[]},"anything":{"free":[1,"two",null]},"etag":"v1","password":"hunter2","pageSize":20,"mode":"slow","legacy":"old"}
        """;

    private readonly LoadedOutput _output = fixture.Loaded;

    [Fact]
    public void Every_format_round_trips_exactly()
    {
        var sample = _output.Deserialize(Context, "Sample", SampleJson)!;

        Assert.Equal(SampleJson, _output.Serialize(Context, "Sample", sample));
        Assert.Equal(new DateOnly(2024, 2, 29), Get(sample, "Day"));
        Assert.Equal(new TimeSpan(1, 2, 30, 0, 250), Get(sample, "Within"));
        Assert.Equal(new byte[] { 1, 2, 3 }, Get(sample, "Blob"));
        Assert.Equal("13:45:30Z", Get(sample, "Time"));
        Assert.Equal(decimal.MaxValue, Get(sample, "Money"));
        Assert.Equal(long.MinValue, Get(sample, "PlainInteger"));
    }

    [Theory]
    [InlineData("day", "\"2024-2-29\"", "a yyyy-MM-dd date")]
    [InlineData("day", "\"2024-02-30\"", "a yyyy-MM-dd date")]
    [InlineData("day", "\"2024-02-29T00:00:00Z\"", "a yyyy-MM-dd date")]
    [InlineData("within", "\"P1M\"", "an ISO-8601 duration")]
    [InlineData("within", "\"1.02:00:00\"", "an ISO-8601 duration")]
    [InlineData("within", "\"PT1.5H\"", "an ISO-8601 duration")]
    [InlineData("within", "\"P\"", "an ISO-8601 duration")]
    [InlineData("small", "2147483648", "a 32-bit integer")]
    [InlineData("big", "1.5", "a 64-bit integer")]
    [InlineData("priority", "\"1\"", "a 64-bit integer")]
    [InlineData("id", "\"not-a-uuid\"", "a UUID string")]
    [InlineData("blob", "\"***\"", "a base64 string")]
    public void Bad_values_throw_a_JsonException_naming_the_type_and_member(string member, string json, string expected)
    {
        var text = """{"id":"6f1c2a5e-8d4b-4c1e-9a7f-0b2d3e4f5a6b","day":"2024-02-29","priority":1,""" + "\"" + member + "\":" + json + "}";

        var error = Assert.Throws<JsonException>(() => _output.Deserialize(Context, "Sample", text));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.Contains(member == "priority" ? "'Priority'" : "'" + member + "' of 'Sample'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Durations_are_read_in_any_exact_iso_form_and_written_canonically()
    {
        var windows = (IEnumerable<TimeSpan>)Get(Read("""{"windows":["P2W","PT90M","P0Y0M1D","-PT1S","PT1,5S"]}"""), "Windows")!;

        Assert.Equal([TimeSpan.FromDays(14), TimeSpan.FromMinutes(90), TimeSpan.FromDays(1), TimeSpan.FromSeconds(-1), TimeSpan.FromSeconds(1.5)], windows);
        Assert.Contains("\"windows\":[\"P14D\",\"PT1H30M\",\"P1D\",\"-PT1S\",\"PT1.5S\"]", _output.Serialize(Context, "Sample", Read("""{"windows":["P2W","PT90M","P0Y0M1D","-PT1S","PT1,5S"]}""")), StringComparison.Ordinal);
    }

    [Fact]
    public void Integer_enums_are_open_structs_with_declared_or_sanitised_names()
    {
        var priority = _output.Type(Ns + "Priority");
        var level = _output.Type(Ns + "Level");
        var state = _output.Type(Ns + "State");

        Assert.Equal(["Value1", "Value2", "Value3", "ValueMinus1"], StaticNames(priority));
        Assert.Equal(["High", "Low", "Medium"], StaticNames(level));
        Assert.Equal(["Active", "Retired"], StaticNames(state));
        Assert.Equal(10L, level.GetProperty("Value")!.GetValue(level.GetProperty("Medium")!.GetValue(null)));
        Assert.True(priority.IsValueType);
    }

    [Fact]
    public void An_unknown_integer_enum_value_is_kept_and_written_back()
    {
        var sample = Read("""{"priority":42,"level":20}""");
        var priority = Get(sample, "Priority")!;
        var level = Get(sample, "Level")!;

        Assert.False((bool)priority.GetType().GetProperty("IsKnown")!.GetValue(priority)!);
        Assert.Equal(42L, priority.GetType().GetProperty("Value")!.GetValue(priority));
        Assert.True((bool)level.GetType().GetProperty("IsKnown")!.GetValue(level)!);
        Assert.Equal(level.GetType().GetProperty("High")!.GetValue(null), level);
        Assert.Contains("\"priority\":42,\"level\":20", _output.Serialize(Context, "Sample", sample), StringComparison.Ordinal);
    }

    [Fact]
    public void An_enum_that_lists_null_reads_null()
    {
        var sample = Read("""{"priority":1,"maybeColor":null}""");

        Assert.Null(Get(sample, "MaybeColor"));
        Assert.True(Nullable.GetUnderlyingType(PropertyType("Sample", "MaybeColor")) is not null);
    }

    [Fact]
    public void Number_and_boolean_enums_stay_plain_values()
    {
        Assert.Equal(typeof(double?), PropertyType("Sample", "Ratios"));
        Assert.Equal(typeof(bool?), PropertyType("Sample", "Flag"));
        Assert.Equal(7.25, Get(Read("""{"priority":1,"ratios":7.25}"""), "Ratios"));
    }

    [Fact]
    public void String_formats_without_a_dotnet_type_stay_strings_and_number_without_format_is_double()
    {
        Assert.Equal(typeof(string), PropertyType("Sample", "Link"));
        Assert.Equal(typeof(string), PropertyType("Sample", "Email"));
        Assert.Equal(typeof(string), PropertyType("Sample", "Time"));
        Assert.Equal(typeof(string), PropertyType("Sample", "Raw"));
        Assert.Equal(typeof(double?), PropertyType("Sample", "PlainNumber"));
        Assert.Equal(typeof(long?), PropertyType("Sample", "PlainInteger"));
        Assert.Equal(typeof(float?), PropertyType("Sample", "Ratio"));
        Assert.Equal(typeof(decimal?), PropertyType("Sample", "Money"));
    }

    [Fact]
    public void Additional_properties_true_keeps_undeclared_members_and_writes_them_back()
    {
        const string Json = """{"id":"a","AdditionalProperties":"declared","extra":{"n":[1,2]},"flag":null}""";
        var open = _output.Deserialize(Context, "Open", Json)!;
        var extra = (IReadOnlyDictionary<string, JsonElement>)Get(open, "AdditionalProperties2")!;

        Assert.Equal("declared", Get(open, "AdditionalProperties"));
        Assert.Equal(["extra", "flag"], extra.Keys);
        Assert.Equal(JsonValueKind.Null, extra["flag"].ValueKind);
        Assert.Equal(Json, _output.Serialize(Context, "Open", open));
    }

    [Fact]
    public void A_kept_member_named_like_a_declared_one_is_not_written_twice()
    {
        var open = _output.Create(Ns + "Open", [], ("Id", "a"), ("AdditionalProperties2", new Dictionary<string, JsonElement>
        {
            ["id"] = JsonDocument.Parse("\"b\"").RootElement,
            ["other"] = JsonDocument.Parse("1").RootElement,
        }));

        Assert.Equal("""{"id":"a","other":1}""", _output.Serialize(Context, "Open", open));
    }

    [Fact]
    public void Typed_additional_properties_are_read_strictly()
    {
        var typed = _output.Deserialize(Context, "TypedOpen", """{"name":"n","a":1,"b":-2}""")!;
        var error = Assert.Throws<JsonException>(() => _output.Deserialize(Context, "TypedOpen", """{"name":"n","a":"one"}"""));

        Assert.Equal(new Dictionary<string, long> { ["a"] = 1, ["b"] = -2 }, (IReadOnlyDictionary<string, long>)Get(typed, "AdditionalProperties")!);
        Assert.Contains("'a' of 'TypedOpen'", error.Message, StringComparison.Ordinal);
        Assert.Equal("""{"name":"n","a":1,"b":-2}""", _output.Serialize(Context, "TypedOpen", typed));
    }

    [Fact]
    public void Kept_members_of_a_collection_type_use_its_helpers()
    {
        const string Json = """{"name":"n","ids":["6f1c2a5e-8d4b-4c1e-9a7f-0b2d3e4f5a6b"],"none":[]}""";
        var tagged = _output.Deserialize(Context, "Tagged", Json)!;

        Assert.Equal([Guid.Parse("6f1c2a5e-8d4b-4c1e-9a7f-0b2d3e4f5a6b")], ((IReadOnlyDictionary<string, IReadOnlyList<Guid>>)Get(tagged, "AdditionalProperties")!)["ids"]);
        Assert.Equal(Json, _output.Serialize(Context, "Tagged", tagged));
    }

    [Fact]
    public void Additional_properties_false_or_absent_skips_undeclared_members()
    {
        Assert.Null(_output.Type(Ns + "Closed").GetProperty("AdditionalProperties"));
        Assert.Null(_output.Type(Ns + "Tree").GetProperty("AdditionalProperties"));
        Assert.Equal("""{"id":"a"}""", _output.Serialize(Context, "Closed", _output.Deserialize(Context, "Closed", """{"id":"a","x":{"y":1}}""")));
    }

    [Fact]
    public void Required_and_nullable_map_to_required_and_question_marks()
    {
        var matrix = _output.Type(Ns + "Matrix");

        Assert.Equal(
            [
                ("OptInt", typeof(int?), false), ("OptNullInt", typeof(int?), false), ("OptNullText", typeof(string), false),
                ("OptText", typeof(string), false), ("ReqInt", typeof(int), true), ("ReqNullInt", typeof(int?), true),
                ("ReqNullText", typeof(string), true), ("ReqReadOnly", typeof(string), false), ("ReqText", typeof(string), true),
            ],
            matrix.GetProperties().OrderBy(p => p.Name, StringComparer.Ordinal)
                .Select(p => (p.Name, p.PropertyType, p.GetCustomAttributes().Any(a => a.GetType().Name == "RequiredMemberAttribute"))));
        var context = new NullabilityInfoContext();
        Assert.Equal(NullabilityState.NotNull, context.Create(matrix.GetProperty("ReqText")!).ReadState);
        Assert.Equal(NullabilityState.Nullable, context.Create(matrix.GetProperty("ReqNullText")!).ReadState);
        Assert.Equal(NullabilityState.Nullable, context.Create(matrix.GetProperty("OptText")!).ReadState);
    }

    [Fact]
    public void Required_members_must_be_present_required_nullable_may_be_null_and_read_only_ones_may_be_absent()
    {
        const string Full = """{"reqInt":1,"reqNullInt":null,"reqText":"t","reqNullText":null}""";
        var matrix = _output.Deserialize(Context, "Matrix", Full)!;
        var missing = Assert.Throws<JsonException>(() => _output.Deserialize(Context, "Matrix", """{"reqInt":1,"reqNullInt":2,"reqNullText":"x"}"""));
        var nullText = Assert.Throws<JsonException>(() => _output.Deserialize(Context, "Matrix", """{"reqInt":1,"reqNullInt":2,"reqText":null,"reqNullText":"x"}"""));

        Assert.Null(Get(matrix, "ReqReadOnly"));
        Assert.Equal(Full, _output.Serialize(Context, "Matrix", matrix));
        Assert.Contains("'reqText'", missing.Message, StringComparison.Ordinal);
        Assert.Contains("'reqText' of 'Matrix'", nullText.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_only_members_are_read_but_not_sent_unless_set()
    {
        var matrix = _output.Deserialize(Context, "Matrix", """{"reqInt":1,"reqNullInt":null,"reqText":"t","reqNullText":null,"reqReadOnly":"server"}""")!;

        var request = _output.Create(Ns + "Matrix", [], ("ReqInt", 1), ("ReqNullInt", null), ("ReqText", "t"), ("ReqNullText", null));

        Assert.Equal("server", Get(matrix, "ReqReadOnly"));
        Assert.EndsWith(",\"reqReadOnly\":\"server\"}", _output.Serialize(Context, "Matrix", matrix), StringComparison.Ordinal);
        Assert.Equal("""{"reqInt":1,"reqNullInt":null,"reqText":"t","reqNullText":null}""", _output.Serialize(Context, "Matrix", request));
    }

    [Fact]
    public void Recursive_schemas_and_inline_objects_read_and_write()
    {
        const string Json = """{"name":"root","children":[{"name":"a","children":[]},{"name":"b","meta":{"label":"l"}}],"parent":{"name":"up"}}""";

        Assert.Equal(Json, _output.Serialize(Context, "Tree", _output.Deserialize(Context, "Tree", Json)));
    }

    [Fact]
    public void Deprecated_types_and_members_are_obsolete()
    {
        Assert.NotNull(_output.Type(Ns + "OldStatus").GetCustomAttribute<ObsoleteAttribute>());
        Assert.NotNull(_output.Type(Ns + "Sample").GetProperty("Legacy")!.GetCustomAttribute<ObsoleteAttribute>());
        Assert.Null(_output.Type(Ns + "Sample").GetProperty("Mode")!.GetCustomAttribute<ObsoleteAttribute>());
    }

    [Fact]
    public async Task Dates_durations_and_integer_enums_are_sent_in_their_json_spelling_and_a_date_body_is_read()
    {
        var handler = new RecordingHandler(HttpStatusCode.OK, SampleJson);
        var client = _output.Create(Ns + "FormatsClient", [new HttpClient(handler), null]);
        var dayClient = _output.Create(Ns + "FormatsClient", [new HttpClient(new RecordingHandler(HttpStatusCode.OK, "\"2024-02-29\"")), null]);
        var sample = Read("""{"priority":3}""");
        var priority = _output.Type(Ns + "Priority").GetProperty("ValueMinus1")!.GetValue(null);

        await LoadedOutput.InvokeAsync(client, "PutSampleAsync", sample, new DateOnly(2024, 2, 29), TimeSpan.FromMinutes(90), priority, CancellationToken.None);
        var day = await LoadedOutput.InvokeAsync(dayClient, "GetDayAsync", CancellationToken.None);

        Assert.Equal("https://formats.example.com/v1/samples?day=2024-02-29&within=PT1H30M&priority=-1", handler.Requests[0].Uri);
        Assert.Contains("\"day\":\"2024-02-29\",", handler.Requests[0].Body, StringComparison.Ordinal);
        Assert.Equal(new DateOnly(2024, 2, 29), day);
    }

    [Fact]
    public void A_swagger2_json_document_keeps_x_nullable_integer_enum_names_and_additional_properties_true()
    {
        const string Spec = """
            {
              "swagger": "2.0",
              "info": { "title": "Legacy", "version": "1" },
              "host": "legacy.example.com",
              "paths": {},
              "definitions": {
                "Item": {
                  "type": "object",
                  "required": ["count", "note"],
                  "additionalProperties": true,
                  "properties": {
                    "count": { "type": "integer", "format": "int32", "x-nullable": true },
                    "note": { "type": "string", "x-nullable": true },
                    "kind": { "$ref": "#/definitions/Kind" }
                  }
                },
                "Kind": { "type": "integer", "enum": [1, 2], "x-enumNames": ["One", "Two"] }
              }
            }
            """;
        using var output = LoadedOutput.Load(GeneratorHarness.Run(SpecFile.Inline("legacy.json", Spec, "Contracts.Tests.Legacy", "LegacyClient").ReadAndWritten()));
        const string Json = """{"count":null,"note":null,"kind":2,"more":true}""";

        var item = output.Deserialize("Contracts.Tests.Legacy.LegacyJsonContext", "Item", Json)!;

        Assert.Equal(typeof(int?), item.GetType().GetProperty("Count")!.PropertyType);
        Assert.NotNull(output.Type("Contracts.Tests.Legacy.Kind").GetProperty("Two"));
        Assert.True(((IReadOnlyDictionary<string, JsonElement>)Get(item, "AdditionalProperties")!)["more"].GetBoolean());
        Assert.Equal(Json, output.Serialize("Contracts.Tests.Legacy.LegacyJsonContext", "Item", item));
    }

    [Fact]
    public void Without_DateOnly_a_date_is_a_string()
    {
        var text = System.IO.File.ReadAllText(System.IO.Path.Combine(AppContext.BaseDirectory, "Specs/formats.yaml"));
        var input = new SpecInput("/specs/formats.yaml", text, new GeneratorOptions(null, null, null, null, IsMarked: true));

        var withDateOnly = Contracts.Generator.Pipeline.GenerationSteps.Translate(input, hasDateOnly: true, CancellationToken.None).Model!;
        var withoutDateOnly = Contracts.Generator.Pipeline.GenerationSteps.Translate(input, hasDateOnly: false, CancellationToken.None).Model!;

        Assert.Equal(TypeKind.Date, DayType(withDateOnly).Kind);
        Assert.Equal(TypeKind.String, DayType(withoutDateOnly).Kind);

        static TypeRef DayType(SpecModel model) => model.Records.Single(r => r.Name == "Sample").Properties.Single(p => p.JsonName == "day").Type;
    }

    private object Read(string members) =>
        _output.Deserialize(Context, "Sample", """{"id":"6f1c2a5e-8d4b-4c1e-9a7f-0b2d3e4f5a6b","day":"2024-02-29","priority":1,""" + members.TrimStart('{'))!;

    private Type PropertyType(string type, string property) => _output.Type(Ns + type).GetProperty(property)!.PropertyType;

    private static object? Get(object instance, string property) => instance.GetType().GetProperty(property)!.GetValue(instance);

    private static string[] StaticNames(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Static).Where(p => p.PropertyType == type).Select(p => p.Name).OrderBy(n => n, StringComparer.Ordinal).ToArray();

    /// <summary>The generated assembly, built and loaded once for the class.</summary>
    public sealed class Output : IDisposable
    {
        internal LoadedOutput Loaded { get; } =
            LoadedOutput.Load(GeneratorHarness.Run(SpecFile.FromOutput("Specs/formats.yaml", "Contracts.Tests.Formats", "FormatsClient").ReadAndWritten()));

        public void Dispose() => Loaded.Dispose();
    }
}
