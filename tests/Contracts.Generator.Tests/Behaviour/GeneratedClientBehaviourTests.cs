using System;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Contracts.Generator.Tests.Infrastructure;
using Xunit;

namespace Contracts.Generator.Tests.Behaviour;

/// <summary>
/// The clients generated from the focused specs, compiled, loaded and called over an in-memory handler: the URL, query and
/// body they send. (The seed client is exercised over real HTTP in Contracts.IntegrationTests.)
/// </summary>
public sealed class GeneratedClientBehaviourTests
{
    private const string PetJson = """{"id": "p1", "name": "Rex"}""";

    [Fact]
    public async Task Path_parameters_are_escaped_and_query_parameters_form_a_query_string()
    {
        using var output = LoadedOutput.Load(GeneratorHarness.Run(SpecFile.FromOutput("Specs/plain-json.yaml", "Contracts.Tests.Pets", "PetsClient")));
        var (client, handler) = CreateClient(output, "Contracts.Tests.Pets.PetsClient", HttpStatusCode.OK, PetJson);

        await LoadedOutput.InvokeAsync(client, "GetPetAsync", "p 1/2", "owner", 5, CancellationToken.None);

        var request = Assert.Single(handler.Requests);
        Assert.Equal(HttpMethod.Get, request.Method);
        Assert.Equal("https://pets.example.com/api/pets/p%201%2F2?include=owner&limit=5", request.Uri);
        Assert.Null(request.Body);
    }

    [Fact]
    public async Task Unset_optional_query_parameters_are_left_out()
    {
        using var output = LoadedOutput.Load(GeneratorHarness.Run(SpecFile.FromOutput("Specs/plain-json.yaml", "Contracts.Tests.Pets", "PetsClient")));
        var (client, handler) = CreateClient(output, "Contracts.Tests.Pets.PetsClient", HttpStatusCode.OK, PetJson);

        await LoadedOutput.InvokeAsync(client, "GetPetAsync", "p1", null, null, CancellationToken.None);
        await LoadedOutput.InvokeAsync(client, "GetPetAsync", "p1", null, 0, CancellationToken.None);

        Assert.Equal("https://pets.example.com/api/pets/p1", handler.Requests[0].Uri);
        Assert.Equal("https://pets.example.com/api/pets/p1?limit=0", handler.Requests[1].Uri);
    }

    [Fact]
    public async Task A_required_query_parameter_is_escaped_and_an_array_response_is_read()
    {
        using var output = LoadedOutput.Load(GeneratorHarness.Run(SpecFile.FromOutput("Specs/plain-json.yaml", "Contracts.Tests.Pets", "PetsClient")));
        var (client, handler) = CreateClient(output, "Contracts.Tests.Pets.PetsClient", HttpStatusCode.OK, "[" + PetJson + "]");

        var pets = await LoadedOutput.InvokeAsync(client, "ListPetsAsync", "a&b=c", CancellationToken.None);

        Assert.Equal("https://pets.example.com/api/pets?tag=a%26b%3Dc", Assert.Single(handler.Requests).Uri);
        Assert.Single((System.Collections.IEnumerable)pets!);
    }

    [Fact]
    public async Task A_swagger2_client_uses_host_and_base_path()
    {
        using var output = LoadedOutput.Load(GeneratorHarness.Run(SpecFile.FromOutput("Specs/swagger2.json", "Contracts.Tests.Notes", "NotesClient")));
        var (client, handler) = CreateClient(output, "Contracts.Tests.Notes.NotesClient", HttpStatusCode.OK, """{"id": 42, "text": "hi"}""");

        var note = await LoadedOutput.InvokeAsync(client, "GetNoteAsync", 42, CancellationToken.None);

        Assert.Equal("https://notes.example.com/v2/notes/42", Assert.Single(handler.Requests).Uri);
        Assert.Equal("hi", note!.GetType().GetProperty("Text")!.GetValue(note));
    }

    [Fact]
    public async Task A_posted_record_writes_required_nulls_and_omits_unset_optionals()
    {
        using var output = LoadedOutput.Load(GeneratorHarness.Run(SpecFile.FromOutput("Specs/shapes.yaml", "Contracts.Tests.Shapes", "ShapesClient")));
        const string Sent = """{"id": 7, "name": "w", "nickname": null, "tags": ["a"], "color": "dark-blue", "dimensions": {"width": 1.5}}""";
        var widget = output.Deserialize("Contracts.Tests.Shapes.ShapesJsonContext", "Widget", Sent);
        var (client, handler) = CreateClient(output, "Contracts.Tests.Shapes.ShapesClient", HttpStatusCode.Created, Sent);

        await LoadedOutput.InvokeAsync(client, "CreateWidgetAsync", widget, CancellationToken.None);

        var request = Assert.Single(handler.Requests);
        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal("https://shapes.example.com/v1/widgets", request.Uri);
        using var body = JsonDocument.Parse(request.Body!);
        var root = body.RootElement;
        Assert.Equal(JsonValueKind.Null, root.GetProperty("nickname").ValueKind);
        Assert.Equal("dark-blue", root.GetProperty("color").GetString());
        Assert.Equal(1.5, root.GetProperty("dimensions").GetProperty("width").GetDouble());
        Assert.False(root.TryGetProperty("description", out _));
        Assert.False(root.TryGetProperty("weight", out _));
        Assert.False(root.GetProperty("dimensions").TryGetProperty("height", out _));
    }

    [Fact]
    public void A_required_nullable_member_must_be_present_but_may_be_null()
    {
        using var output = LoadedOutput.Load(GeneratorHarness.Run(SpecFile.FromOutput("Specs/shapes.yaml", "Contracts.Tests.Shapes", "ShapesClient")));

        var widget = output.Deserialize("Contracts.Tests.Shapes.ShapesJsonContext", "Widget", """{"id": 1, "name": "n", "nickname": null, "tags": []}""");
        var missing = Assert.Throws<JsonException>(
            () => output.Deserialize("Contracts.Tests.Shapes.ShapesJsonContext", "Widget", """{"id": 1, "name": "n", "tags": []}"""));

        Assert.Null(widget!.GetType().GetProperty("Nickname")!.GetValue(widget));
        Assert.Contains("'nickname'", missing.Message, StringComparison.Ordinal);
    }

    private static (object Client, RecordingHandler Handler) CreateClient(LoadedOutput output, string clientType, HttpStatusCode status, string body)
    {
        var handler = new RecordingHandler(status, body);
        var client = output.Create(clientType, [new HttpClient(handler), null]);
        return (client, handler);
    }
}
