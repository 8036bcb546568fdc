using System;
using System.Linq;
using System.Text.Json;
using Contracts.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace Contracts.Generator.Tests.Reading;

/// <summary>
/// <c>$ref</c>s to other files: resolved from the other AdditionalFiles (bundled into the spec before it is read),
/// never fetched; what cannot be resolved is CTR009 at the reference, and the member is free-form JSON.
/// </summary>
public sealed class ExternalReferenceTests
{
    private const string Namespace = "Contracts.Tests.Split";

    // A spec split over files: a schema in a subfolder, a whole-file ref, a ref back into the spec, a path-level
    // parameter and a response from other files, and a response whose schema lives in a third file (transitive).
    internal const string Api = """
        openapi: 3.0.3
        info: { title: Pets, version: '1' }
        servers: [{ url: 'https://pets.example.com' }]
        paths:
          /pets/{id}:
            parameters:
              - $ref: 'common/parameters.yaml#/PetId'
            get:
              operationId: getPet
              responses:
                '200':
                  description: ok
                  content:
                    application/json:
                      schema: { $ref: './models/pet.yaml#/Pet' }
                '404':
                  $ref: 'common/responses.yaml#/NotFound'
        components:
          schemas:
            Owner:
              type: object
              properties:
                name: { type: string }
                pets: { type: array, items: { $ref: 'models/pet.yaml#/Pet' } }
        """;

    internal const string Pet = """
        Pet:
          type: object
          required: [id, name]
          properties:
            id: { type: integer, format: int64 }
            name: { type: string }
            tag: { $ref: 'tag.yaml' }
            owner: { $ref: '../api.yaml#/components/schemas/Owner' }
            kind: { $ref: '#/Kind' }
        Kind:
          type: string
          enum: [cat, dog]
        """;

    private const string Tag = """
        type: object
        properties:
          label: { type: string }
        """;

    private const string Parameters = """
        PetId:
          name: id
          in: path
          required: true
          schema: { type: integer, format: int64 }
        """;

    private const string Responses = """
        NotFound:
          description: not found
          content:
            application/json:
              schema: { $ref: '../models/error.yaml#/Error' }
        """;

    private const string Error = """
        Error:
          type: object
          properties:
            message: { type: string }
        """;

    internal static SpecFile[] SplitSpec() =>
    [
        new("/specs/api.yaml", Api, Namespace, "PetsClient"),
        new("/specs/models/pet.yaml", Pet),
        new("/specs/models/tag.yaml", Tag),
        new("/specs/models/error.yaml", Error),
        new("/specs/common/parameters.yaml", Parameters),
        new("/specs/common/responses.yaml", Responses),
    ];

    [Fact]
    public void Schemas_parameters_and_responses_from_other_files_are_generated_and_compile()
    {
        var run = GeneratorHarness.Run(SplitSpec().ReadAndWritten());

        run.AssertNoGeneratorDiagnostics();
        run.AssertCompilesCleanly();
        var pet = run.TypeSource("Pet");
        Assert.Contains("public required long Id { get; init; }", pet, StringComparison.Ordinal);
        Assert.Contains("public global::Contracts.Tests.Split.Tag? Tag { get; init; }", pet, StringComparison.Ordinal);
        Assert.Contains("public global::Contracts.Tests.Split.Owner? Owner { get; init; }", pet, StringComparison.Ordinal);
        Assert.Contains("public global::Contracts.Tests.Split.Kind? Kind { get; init; }", pet, StringComparison.Ordinal);
        Assert.Contains("global::System.Collections.Generic.IReadOnlyList<global::Contracts.Tests.Split.Pet>? Pets", run.TypeSource("Owner"), StringComparison.Ordinal);
        Assert.Contains("public string? Message { get; init; }", run.TypeSource("Error"), StringComparison.Ordinal);

        // The path-level parameter from parameters.yaml is the method's long id; the 404 from responses.yaml is typed.
        var client = run.Source("Client.g.cs");
        Assert.Contains("Task<global::Contracts.Tests.Split.Pet> GetPetAsync(long id", client, StringComparison.Ordinal);
        Assert.Contains(".Add(\"404\", global::Contracts.Tests.Split.PetsJsonContext.Default.Error)", client, StringComparison.Ordinal);
    }

    [Fact]
    public void A_record_from_another_file_serializes_and_reads_back_its_members()
    {
        using var output = LoadedOutput.Load(GeneratorHarness.Run(SplitSpec().ReadAndWritten()));
        const string Json = """{"id":7,"name":"Rex","tag":{"label":"good"},"owner":{"name":"Ann","pets":[{"id":8,"name":"Tom"}]},"kind":"dog"}""";

        var pet = output.Deserialize(Namespace + ".PetsJsonContext", "Pet", Json)!;

        Assert.Equal(7L, pet.GetType().GetProperty("Id")!.GetValue(pet));
        Assert.Equal("good", Value(Value(pet, "Tag"), "Label"));
        Assert.Equal(Json, output.Serialize(Namespace + ".PetsJsonContext", "Pet", pet));
    }

    [Fact]
    public void References_that_cycle_between_files_end_and_copy_each_target_once()
    {
        const string Spec = """
            openapi: 3.0.3
            info: { title: Cycle, version: '1' }
            paths: {}
            components:
              schemas:
                Root:
                  type: object
                  properties:
                    a: { $ref: 'a.yaml#/A' }
                    again: { $ref: './b.yaml#/B' }
            """;
        const string A = """
            A:
              type: object
              properties:
                b: { $ref: 'b.yaml#/B' }
            """;
        const string B = """
            B:
              type: object
              properties:
                a: { $ref: 'a.yaml#/A' }
                self: { $ref: '#/B' }
            """;
        var run = GeneratorHarness.Run(
            new SpecFile("/specs/cycle.yaml", Spec, Namespace, "CycleClient").ReadAndWritten(), new SpecFile("/specs/a.yaml", A), new SpecFile("/specs/b.yaml", B));

        run.AssertCompilesCleanly();
        Assert.Empty(run.GeneratorDiagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning));
        Assert.Contains("global::Contracts.Tests.Split.B? B { get; init; }", run.TypeSource("A"), StringComparison.Ordinal);
        Assert.Contains("global::Contracts.Tests.Split.B? Self { get; init; }", run.TypeSource("B"), StringComparison.Ordinal);
        Assert.DoesNotContain(run.Sources.Values, text => text.Contains("partial record B2", StringComparison.Ordinal) || text.Contains("partial record A2", StringComparison.Ordinal));
    }

    [Fact]
    public void A_name_taken_in_the_spec_gives_the_copied_schema_another_name()
    {
        const string Spec = """
            openapi: 3.0.3
            info: { title: Clash, version: '1' }
            paths: {}
            components:
              schemas:
                Pet:
                  type: object
                  properties:
                    local: { type: string }
                    remote: { $ref: 'models/pet.yaml#/Pet' }
            """;
        var run = GeneratorHarness.Run(
            new SpecFile("/specs/clash.yaml", Spec, Namespace, "ClashClient").ReadAndWritten(),
            new SpecFile("/specs/models/pet.yaml", Pet),
            new SpecFile("/specs/models/tag.yaml", Tag),
            new SpecFile("/specs/api.yaml", Api, Contract: "false"));

        run.AssertCompilesCleanly();
        Assert.Contains("global::Contracts.Tests.Split.Pet2? Remote { get; init; }", run.TypeSource("Pet"), StringComparison.Ordinal);
        Assert.Contains("public required string Name { get; init; }", run.TypeSource("Pet2"), StringComparison.Ordinal);

        // OpenApiContract="false" keeps api.yaml (an OpenAPI document) from being generated itself; its Owner comes in by reference.
        Assert.DoesNotContain(run.Sources.Keys, name => name.StartsWith("ApiClient", StringComparison.Ordinal));
        Assert.Contains("partial record Owner", run.Sources["ClashClient.Models.O.g.cs"], StringComparison.Ordinal);
    }

    [Fact]
    public void Swagger2_definitions_and_parameters_come_from_other_files()
    {
        const string Spec = """
            swagger: '2.0'
            info: { title: Notes, version: '1' }
            host: notes.example.com
            schemes: [https]
            produces: [application/json]
            paths:
              /notes/{id}:
                get:
                  operationId: getNote
                  parameters:
                    - $ref: 'shared.yaml#/parameters/NoteId'
                  responses:
                    '200':
                      description: ok
                      schema: { $ref: 'shared.yaml#/definitions/Note' }
            """;
        const string Shared = """
            parameters:
              NoteId: { name: id, in: path, required: true, type: integer, format: int32 }
            definitions:
              Note:
                type: object
                properties:
                  text: { type: string }
            """;
        var run = GeneratorHarness.Run(new SpecFile("/specs/notes.yaml", Spec, Namespace, "NotesClient").ReadAndWritten(), new SpecFile("/specs/shared.yaml", Shared));

        run.AssertNoGeneratorDiagnostics();
        run.AssertCompilesCleanly();
        Assert.Contains("Task<global::Contracts.Tests.Split.Note> GetNoteAsync(int id", run.Source("Client.g.cs"), StringComparison.Ordinal);
    }

    // Line 9: a URL; line 10: no such file; line 11: a pointer that is not in the file; line 12: a path through a file.
    private const string Unresolvable = """
        openapi: 3.0.3
        info: { title: Broken, version: '1' }
        paths: {}
        components:
          schemas:
            Thing:
              type: object
              properties:
                remote: { $ref: 'https://example.com/schemas.yaml#/Remote' }
                missing: { $ref: 'nowhere/missing.yaml#/Missing' }
                pointer: { $ref: 'models/error.yaml#/Nope' }
                nested: { $ref: 'models/broken.yaml#/Broken' }
                fine: { $ref: 'models/error.yaml#/Error' }
        """;

    // Line 4: a local pointer of this file that does not exist.
    private const string Broken = """
        Broken:
          type: object
          properties:
            inner: { $ref: '#/Gone' }
        """;

    [Fact]
    public void Unresolvable_references_are_CTR009_at_their_lines_and_degrade_to_JsonElement()
    {
        var run = GeneratorHarness.Run(
            new SpecFile("/specs/broken.yaml", Unresolvable, Namespace, "BrokenClient"),
            new SpecFile("/specs/models/error.yaml", Error),
            new SpecFile("/specs/models/broken.yaml", Broken));

        run.AssertCompilesCleanly();
        var found = run.GeneratorDiagnostics.Where(d => d.Id == "CTR009").OrderBy(d => d.Location.GetLineSpan().Path, StringComparer.Ordinal)
            .ThenBy(d => d.Location.GetLineSpan().StartLinePosition.Line).ToList();
        Assert.All(found, d => Assert.Equal(DiagnosticSeverity.Warning, d.Severity));
        Assert.Equal(
            [
                ("/specs/broken.yaml", 9, "The reference 'https://example.com/schemas.yaml#/Remote' is not resolved: it is a URL, and the generator never downloads anything; it is read as free-form JSON (JsonElement)"),
                ("/specs/broken.yaml", 10, "The reference 'nowhere/missing.yaml#/Missing' is not resolved: '/specs/nowhere/missing.yaml' is not among the AdditionalFiles (missing, or not added to the project); it is read as free-form JSON (JsonElement)"),
                ("/specs/broken.yaml", 11, "The reference 'models/error.yaml#/Nope' is not resolved: '#/Nope' does not exist in '/specs/models/error.yaml'; it is read as free-form JSON (JsonElement)"),
                ("/specs/models/broken.yaml", 4, "The reference '#/Gone' is not resolved: '#/Gone' does not exist in '/specs/models/broken.yaml'; it is read as free-form JSON (JsonElement)"),
            ],
            found.Select(d => (d.Location.GetLineSpan().Path, d.Location.GetLineSpan().StartLinePosition.Line + 1, Message(d))));

        var thing = run.TypeSource("Thing");
        Assert.Contains("public global::System.Text.Json.JsonElement? Remote { get; init; }", thing, StringComparison.Ordinal);
        Assert.Contains("public global::System.Text.Json.JsonElement? Missing { get; init; }", thing, StringComparison.Ordinal);
        Assert.Contains("public global::System.Text.Json.JsonElement? Pointer { get; init; }", thing, StringComparison.Ordinal);
        Assert.Contains("public global::Contracts.Tests.Split.Error? Fine { get; init; }", thing, StringComparison.Ordinal);
        Assert.Contains("public global::System.Text.Json.JsonElement? Inner { get; init; }", run.TypeSource("Broken"), StringComparison.Ordinal);
    }

    [Fact]
    public void Unresolvable_parameters_bodies_responses_and_headers_degrade_and_keep_the_operation()
    {
        const string Spec = """
            openapi: 3.0.3
            info: { title: Ops, version: '1' }
            servers: [{ url: 'https://ops.example.com' }]
            paths:
              /things:
                post:
                  operationId: addThing
                  parameters:
                    - $ref: 'https://example.com/common.yaml#/parameters/Limit'
                    - { name: page, in: query, schema: { type: integer } }
                  requestBody:
                    $ref: 'missing.yaml#/Body'
                  responses:
                    '200':
                      $ref: 'missing.yaml#/Ok'
                    '404':
                      description: not found
                      headers:
                        X-Trace: { $ref: 'missing.yaml#/Trace' }
            """;
        var run = GeneratorHarness.Run(new SpecFile("/specs/ops.yaml", Spec, Namespace, "OpsClient").ReadAndWritten());

        run.AssertCompilesCleanly();
        Assert.Equal(
            [
                (9, "the parameter is left out"),
                (12, "the request body is sent as free-form JSON (JsonElement)"),
                (15, "the response is read as free-form JSON (JsonElement)"),
                (19, "the header is left out"),
            ],
            run.GeneratorDiagnostics.Where(d => d.Id == "CTR009")
                .Select(d => (d.Location.GetLineSpan().StartLinePosition.Line + 1, Message(d).Substring(Message(d).LastIndexOf("; ", StringComparison.Ordinal) + 2)))
                .Order());
        Assert.Equal(["CTR009"], run.GeneratorDiagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning).Select(d => d.Id).Distinct());
        Assert.Contains(
            "Task<global::System.Text.Json.JsonElement> AddThingAsync(global::System.Text.Json.JsonElement? request = null, long? page = null",
            run.Source("Client.g.cs"),
            StringComparison.Ordinal);
    }

    [Fact]
    public void An_openapi_31_spec_bundles_first_and_then_downgrades_the_copied_schemas()
    {
        const string Spec = """
            openapi: 3.1.0
            info: { title: Modern, version: '1' }
            paths: {}
            components:
              schemas:
                Holder:
                  type: object
                  properties:
                    item: { $ref: 'item.json#/$defs/Item' }
            """;
        const string Item = """{ "$defs": { "Item": { "type": "object", "properties": { "note": { "type": ["string", "null"] } } } } }""";
        var run = GeneratorHarness.Run(new SpecFile("/specs/modern.yaml", Spec, Namespace, "ModernClient").ReadAndWritten(), new SpecFile("/specs/item.json", Item));

        run.AssertCompilesCleanly();
        Assert.Contains("public global::Contracts.Tests.Split.Item? Item { get; init; }", run.TypeSource("Holder"), StringComparison.Ordinal);
        Assert.Contains("public string? Note { get; init; }", run.TypeSource("Item"), StringComparison.Ordinal);
    }

    [Fact]
    public void A_referenced_file_that_is_not_yaml_is_CTR009_naming_it()
    {
        const string Spec = """
            openapi: 3.0.3
            info: { title: Bad, version: '1' }
            paths: {}
            components:
              schemas:
                Holder:
                  type: object
                  properties:
                    item: { $ref: 'bad.yaml#/Item' }
            """;
        var run = GeneratorHarness.Run(new SpecFile("/specs/holder.yaml", Spec, Namespace, "HolderClient").ReadAndWritten(), new SpecFile("/specs/bad.yaml", "Item: {a: b: c}\n  - ]"));

        run.AssertCompilesCleanly();
        var diagnostic = Assert.Single(run.GeneratorDiagnostics, d => d.Id == "CTR009");
        Assert.Equal(9, diagnostic.Location.GetLineSpan().StartLinePosition.Line + 1);
        Assert.Contains("'/specs/bad.yaml' cannot be read as YAML or JSON", Message(diagnostic), StringComparison.Ordinal);
    }

    [Fact]
    public async System.Threading.Tasks.Task Facts_the_reader_drops_are_read_from_the_copied_nodes_too()
    {
        // additionalProperties: true (kept as a member) and Swagger's collectionFormat: multi are read from the YAML
        // tree, not from the reader's model: for copied nodes, from the bundle.
        const string Spec = """
            swagger: '2.0'
            info: { title: Facts, version: '1' }
            host: facts.example.com
            schemes: [https]
            produces: [application/json]
            paths:
              /bags:
                get:
                  operationId: getBag
                  parameters:
                    - $ref: 'shared.yaml#/parameters/Tags'
                  responses:
                    '200':
                      description: ok
                      schema: { $ref: 'shared.yaml#/definitions/Bag' }
            """;
        const string Shared = """
            parameters:
              Tags: { name: tag, in: query, type: array, items: { type: string }, collectionFormat: multi }
            definitions:
              Bag:
                type: object
                properties:
                  name: { type: string }
                additionalProperties: true
            """;
        using var output = LoadedOutput.Load(GeneratorHarness.Run(new SpecFile("/specs/facts.yaml", Spec, Namespace, "FactsClient").ReadAndWritten(), new SpecFile("/specs/shared.yaml", Shared)));

        var bag = output.Deserialize(Namespace + ".FactsJsonContext", "Bag", """{"name":"b","extra":1}""")!;
        Assert.Equal("""{"name":"b","extra":1}""", output.Serialize(Namespace + ".FactsJsonContext", "Bag", bag));

        var handler = new RecordingHandler(System.Net.HttpStatusCode.OK, """{"name":"b"}""");
        var client = output.Create(Namespace + ".FactsClient", [new System.Net.Http.HttpClient(handler), null]);
        await LoadedOutput.InvokeAsync(client, "GetBagAsync", new[] { "a", "b" }, System.Threading.CancellationToken.None);
        Assert.EndsWith("/bags?tag=a&tag=b", Assert.Single(handler.Requests).Uri, StringComparison.Ordinal);
    }

    [Fact]
    public void A_discriminator_mapping_in_another_file_names_the_copied_schemas()
    {
        const string Spec = """
            openapi: 3.0.3
            info: { title: Zoo, version: '1' }
            paths: {}
            components:
              schemas:
                Cage:
                  type: object
                  properties:
                    pet: { $ref: 'pets.yaml#/Pet' }
                    guard: { $ref: '#/components/schemas/Dog' }
                Dog:
                  type: object
                  properties: { bark: { type: string } }
            """;
        // The mapping (pointers of pets.yaml, not $refs) is the only thing that says "doggo" means pets.yaml's Dog,
        // which is copied as Dog2 beside the spec's own Dog.
        const string Pets = """
            Pet:
              oneOf: [{ $ref: '#/Cat' }, { $ref: '#/Dog' }]
              discriminator:
                propertyName: petType
                mapping:
                  cat: '#/Cat'
                  doggo: '#/Dog'
            Cat:
              type: object
              required: [petType, name]
              properties: { petType: { type: string }, name: { type: string } }
            Dog:
              type: object
              required: [petType, name]
              properties: { petType: { type: string }, name: { type: string }, goodBoy: { type: boolean } }
            """;
        using var output = LoadedOutput.Load(GeneratorHarness.Run(new SpecFile("/specs/zoo.yaml", Spec, Namespace, "ZooClient").ReadAndWritten(), new SpecFile("/specs/pets.yaml", Pets)));

        // Both cases fit the members; only the mapping tells a dog.
        var pet = output.Deserialize(Namespace + ".ZooJsonContext", "Pet", """{"petType":"doggo","name":"Rex"}""")!;

        Assert.Contains("Dog2", pet.ToString(), StringComparison.Ordinal);
        Assert.Contains("Name = Rex", pet.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_problem_inside_a_copied_schema_is_located_in_its_own_file()
    {
        const string Spec = """
            openapi: 3.0.3
            info: { title: Located, version: '1' }
            paths: {}
            components:
              schemas:
                Holder:
                  type: object
                  properties:
                    odd: { $ref: 'odd.yaml#/Odd' }
            """;
        // Line 1: variants (oneOf) beside own properties, which the generator does not model (CTR100 at the schema).
        const string Odd = """
            Odd:
              type: object
              properties:
                a: { type: string }
              oneOf:
                - { type: object, properties: { x: { type: string } } }
                - { type: object, properties: { y: { type: integer } } }
            """;
        var run = GeneratorHarness.Run(new SpecFile("/specs/located.yaml", Spec, Namespace, "LocatedClient").ReadAndWritten(), new SpecFile("/specs/odd.yaml", Odd));

        run.AssertCompilesCleanly();
        var warning = Assert.Single(run.GeneratorDiagnostics, d => d.Id == "CTR100");
        Assert.Equal("/specs/odd.yaml", warning.Location.GetLineSpan().Path);
        Assert.Equal(0, warning.Location.GetLineSpan().StartLinePosition.Line);
    }

    private const string Unrelated = """
        # Not OpenAPI and referenced by no spec.
        settings: { retries: 3 }
        """;

    private const string NoReferences = """
        openapi: 3.0.3
        info: { title: Plain, version: '1' }
        servers: [{ url: 'https://plain.example.com' }]
        paths: {}
        components:
          schemas:
            Plain: { type: object, properties: { name: { type: string } } }
        """;

    private static GeneratorRun FirstRun() =>
        GeneratorHarness.Run([.. SplitSpec(), new SpecFile("/specs/unrelated.yaml", Unrelated), new SpecFile("/specs/plain.yaml", NoReferences, Namespace + ".Plain", "PlainClient")]);

    private static GeneratorRun Edit(GeneratorRun first, string path, string text) =>
        GeneratorHarness.Run(first.Driver.ReplaceAdditionalText(first.Text(path), new InMemoryAdditionalText(path, text)), first.InputCompilation, first.Texts);

    /// <summary>The run reasons of a per-spec step, by the client or path its output belongs to.</summary>
    private static IncrementalStepRunReason ReasonFor(GeneratorRun run, string step, string owner)
    {
        var matches = IncrementalAssert.Outputs(run.Result, step)
            .Where(o => ObjectGraph.Strings(o.Value).Any(text => text == owner || text.EndsWith("/" + owner, StringComparison.Ordinal)))
            .Select(o => o.Reason).Distinct().ToList();
        Assert.True(matches.Count == 1, $"{step} for {owner}: {IncrementalAssert.Describe(matches)}");
        return matches[0];
    }

    [Fact]
    public void Editing_a_referenced_file_reparses_the_spec_that_reaches_it_and_no_other()
    {
        var first = FirstRun();
        var second = Edit(first, "/specs/models/tag.yaml", Tag + "\n  color: { type: string }\n");

        // tag.yaml is reached through pet.yaml: the change travels transitively.
        Assert.Equal(IncrementalStepRunReason.Modified, ReasonFor(second, "ResolveReferences", "/specs/api.yaml"));
        Assert.Equal(IncrementalStepRunReason.Modified, ReasonFor(second, "ParseSpecs", "PetsClient"));
        Assert.Equal(IncrementalStepRunReason.Unchanged, ReasonFor(second, "ResolveReferences", "/specs/plain.yaml"));
        Assert.Equal(IncrementalStepRunReason.Cached, ReasonFor(second, "ParseSpecs", "PlainClient"));
        Assert.Contains("Color", second.Source("PetsClient.Models.T.g.cs"), StringComparison.Ordinal);
        Assert.DoesNotContain("Color", first.Source("PetsClient.Models.T.g.cs"), StringComparison.Ordinal);

        // Only the edited file is scanned again; the files of other letters (Error's) are not re-emitted.
        Assert.Equal([IncrementalStepRunReason.Modified], IncrementalAssert.Outputs(second.Result, "ScanReferences").Select(o => o.Reason).Where(r => r != IncrementalStepRunReason.Cached));
        var outputs = IncrementalAssert.SourceOutputs(second.Result);
        Assert.Equal(IncrementalStepRunReason.Modified, outputs.Single(o => o.HintNames.Contains("PetsClient.Models.T.g.cs")).Reason);
        Assert.Equal(IncrementalStepRunReason.Cached, outputs.Single(o => o.HintNames.Contains("PetsClient.Models.E.g.cs")).Reason);
        second.AssertCompilesCleanly();
    }

    [Fact]
    public void Editing_an_unrelated_additional_file_reparses_nothing()
    {
        var first = FirstRun();
        var second = Edit(first, "/specs/unrelated.yaml", Unrelated + "\nother: true\n");

        // The edited file is scanned again (it could be a reference target); every spec's input comes out equal.
        Assert.Equal([IncrementalStepRunReason.Modified], IncrementalAssert.Outputs(second.Result, "ScanReferences").Select(o => o.Reason).Where(r => r != IncrementalStepRunReason.Cached));
        var recomputed = IncrementalAssert.TrackingNames
            .Where(name => name != "ScanReferences" && second.Result.TrackedSteps.ContainsKey(name))
            .SelectMany(name => IncrementalAssert.Reasons(second.Result, name).Where(r => r is not (IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged)).Select(r => name + ": " + r))
            .ToList();
        Assert.True(recomputed.Count == 0, string.Join("\n", recomputed));
        Assert.All(IncrementalAssert.SourceOutputs(second.Result), o => Assert.Equal(IncrementalStepRunReason.Cached, o.Reason));
        Assert.Equal(first.Sources, second.Sources);
    }

    [Fact]
    public void A_csharp_edit_reruns_nothing_with_referenced_files()
    {
        var first = FirstRun();
        var edited = first.InputCompilation.AddSyntaxTrees(
            Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText("internal sealed class Unrelated { }", GeneratorHarness.ParseOptions, "/src/Unrelated.cs"));

        var second = GeneratorHarness.Run(first.Driver, edited, first.Texts);

        IncrementalAssert.AssertAllCachedOrUnchanged(second.Result);
        Assert.Equal(first.Sources, second.Sources);
    }

    [Fact]
    public void A_spec_without_external_references_takes_no_other_file_and_is_passed_through_as_read()
    {
        var run = FirstRun();

        var read = IncrementalAssert.Outputs(run.Result, "ReadSpecs").Select(o => o.Value).ToList();
        var resolved = IncrementalAssert.Outputs(run.Result, "ResolveReferences").Select(o => o.Value).ToList();
        var plainRead = read.Single(v => ObjectGraph.Strings(v).Contains("/specs/plain.yaml"));
        var plainResolved = resolved.Single(v => ObjectGraph.Strings(v).Contains("/specs/plain.yaml"));

        // The very same object: no scan of the other files, no copy, and so no bundling in the parse.
        Assert.Same(plainRead, plainResolved);
        var split = resolved.Single(v => ObjectGraph.Strings(v).Contains("/specs/api.yaml"));
        Assert.Equal(
            ["/specs/common/parameters.yaml", "/specs/common/responses.yaml", "/specs/models/error.yaml", "/specs/models/pet.yaml", "/specs/models/tag.yaml"],
            ObjectGraph.Strings(split).Where(text => text.StartsWith("/specs/", StringComparison.Ordinal) && text != "/specs/api.yaml").Distinct().Order(StringComparer.Ordinal));
    }

    private static string Message(Diagnostic diagnostic) => diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture);

    private static object? Value(object? instance, string property) => instance?.GetType().GetProperty(property)!.GetValue(instance);
}
