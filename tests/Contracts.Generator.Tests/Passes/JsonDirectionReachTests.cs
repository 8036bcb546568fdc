using System.Linq;
using Contracts.Generator.Helpers;
using Contracts.Generator.Model;
using Contracts.Generator.Passes;
using Xunit;
using static Contracts.Generator.Tests.Passes.HandBuiltModels;

namespace Contracts.Generator.Tests.Passes;

/// <summary>Which halves of each converter the client needs: what it sends is written, what it receives is read, and what they hold follows.</summary>
public sealed class JsonDirectionReachTests
{
    private const JsonDirections Read = JsonDirections.Read;
    private const JsonDirections Write = JsonDirections.Write;
    private const JsonDirections Both = JsonDirections.Both;
    private const JsonDirections None = JsonDirections.None;

    private static SpecModel Apply(SpecModel model, bool both = false) => JsonDirectionReach.Apply(model, GeneratedSides.Client, both);

    private static JsonDirections Of(SpecModel model, string name) =>
        model.Records.FirstOrDefault(r => r.Name == name)?.Directions ?? model.Unions.Single(u => u.Name == name).Directions;

    [Fact]
    public void A_request_body_is_written_a_response_read_and_a_type_in_both_gets_both()
    {
        var model = Apply(Spec(
            records: new[] { NewRecord("Create"), NewRecord("Pet"), NewRecord("Shared"), NewRecord("Unused") },
            operations: new[]
            {
                Operation("CreatePet", body: Record("Create"), response: Record("Pet")),
                Operation("Echo", body: Record("Shared"), response: Record("Shared")),
            }));

        Assert.Equal(Write, Of(model, "Create"));
        Assert.Equal(Read, Of(model, "Pet"));
        Assert.Equal(Both, Of(model, "Shared"));
        Assert.Equal(None, Of(model, "Unused"));
    }

    [Fact]
    public void Members_items_map_values_and_undeclared_members_follow_their_record()
    {
        var model = Apply(Spec(
            records: new[]
            {
                NewRecord("Page", null, ("Items", TypeRef.ArrayOf(Record("Item"))), ("Meta", TypeRef.MapOf(Record("Meta")))),
                NewRecord("Item", new ExtraMembersModel("Extra", Record("Tag")), ("Owner", TypeRef.ClearableOf(Record("Owner")))),
                NewRecord("Meta"), NewRecord("Tag"), NewRecord("Owner"),
            },
            operations: new[] { Operation("List", response: Record("Page")) }));

        Assert.All(new[] { "Page", "Item", "Meta", "Tag", "Owner" }, name => Assert.Equal(Read, Of(model, name)));
    }

    [Fact]
    public void Errors_envelope_errors_aws_error_details_stream_items_events_and_paging_items_are_read()
    {
        var stream = new StreamMethodModel("Chat", "text/event-stream", StreamFormat.ServerSentEvents, Record("Chunk"), "Chunk", true, null,
            EventTypes: new[] { new StreamEventModel("done", Record("Done"), "Done") }.ToEquatableArray());
        var paging = new PagingModel(PagingKind.NextLink, "rule", "#/paths", Record("Row"), false, "Rows");
        var operation = Operation("Chat", errors: new ErrorResponseModel("4XX", Record("Problem"), "Problem")) with { Stream = stream, Paging = paging };
        var envelope = new EnvelopeModel("s_envelope", "Success", "Data", "Error", Record("EnvelopeError"), "EnvelopeError", null, null);
        var aws = new AwsModel("svc", null, "1.1", "SvcException", new[] { new AwsErrorModel("NotFound", "NotFoundException", Record("NotFound"), "NotFound") }.ToEquatableArray());
        var model = Apply(Spec(
            records: new[] { NewRecord("Problem"), NewRecord("Chunk"), NewRecord("Done"), NewRecord("Row"), NewRecord("EnvelopeError"), NewRecord("NotFound") },
            operations: new[] { operation },
            envelopes: new[] { envelope },
            aws: aws));

        Assert.All(new[] { "Problem", "Chunk", "Done", "Row", "EnvelopeError", "NotFound" }, name => Assert.Equal(Read, Of(model, name)));
    }

    [Fact]
    public void Parameters_sent_as_json_form_bodies_and_json_parts_of_multipart_bodies_are_written()
    {
        var parameter = new ParameterModel("filter", "filter", ParameterLocation.Query, Record("Filter"), false, null, ParameterStyle.DeepObject, true, "Filter");
        var scalar = new ParameterModel("id", "id", ParameterLocation.Path, TypeRef.String, true, null);
        var form = Operation("Form") with { Body = new RequestBodyModel("body", Record("FormFields"), "FormFields", "application/x-www-form-urlencoded", true, null, BodyKind.Form) };
        var multipart = Operation("Upload") with
        {
            Body = new RequestBodyModel("body", Record("UploadForm"), "UploadForm", "multipart/form-data", true, null, BodyKind.Multipart,
                Fields: new[]
                {
                    new MultipartFieldModel("meta", "meta", Record("Metadata"), MultipartFieldKind.Json, true, null, "Metadata"),
                    new MultipartFieldModel("file", "file", new TypeRef(TypeKind.Bytes), MultipartFieldKind.File, true, null),
                }.ToEquatableArray()),
            Parameters = new[] { parameter, scalar }.ToEquatableArray(),
        };
        var model = Apply(Spec(
            records: new[] { NewRecord("Filter"), NewRecord("FormFields"), NewRecord("UploadForm"), NewRecord("Metadata") },
            operations: new[] { form, multipart }));

        Assert.Equal(Write, Of(model, "Filter"));
        Assert.Equal(Write, Of(model, "FormFields"));
        Assert.Equal(Write, Of(model, "Metadata"));
        // The multipart body's record is never serialized as a whole: each part is its own parameter.
        Assert.Equal(None, Of(model, "UploadForm"));
    }

    [Fact]
    public void A_union_passes_its_direction_to_its_cases_and_nested_unions()
    {
        var model = Apply(Spec(
            records: new[] { NewRecord("Cat"), NewRecord("Dog"), NewRecord("Fish") },
            unions: new[]
            {
                NewUnion("Pet", "kind", Case("Cat", Record("Cat"), UnionToken.Object, new[] { "cat" }), Case("Water", Union("Water"), UnionToken.Any)),
                NewUnion("Water", null, Case("Fish", Record("Fish"), UnionToken.Object)),
                NewUnion("Other", null, Case("Dog", Record("Dog"), UnionToken.Object)),
            },
            operations: new[] { Operation("Adopt", body: Union("Pet")) }));

        Assert.Equal(Write, Of(model, "Pet"));
        Assert.Equal(Write, Of(model, "Water"));
        Assert.Equal(Write, Of(model, "Cat"));
        Assert.Equal(Write, Of(model, "Fish"));
        Assert.Equal(None, Of(model, "Other"));
        Assert.Equal(None, Of(model, "Dog"));
    }

    [Fact]
    public void A_hierarchy_base_passes_its_direction_to_every_derived_record_and_a_derived_one_to_its_inherited_members()
    {
        var basePet = NewRecord("Pet") with
        {
            Hierarchy = new HierarchyModel(EquatableArray<PropertyModel>.Empty, null, false, "kind", "pet",
                new[] { new HierarchyCaseModel("cat", "Cat") }.ToEquatableArray(), new[] { "Kitten", "Cat" }.ToEquatableArray()),
        };
        var inherited = new PropertyModel("Collar", "collar", Record("Collar"), false, true, false, null, false);
        var cat = NewRecord("Cat") with { Base = "Pet", Hierarchy = new HierarchyModel(new[] { inherited }.ToEquatableArray(), null, false, "kind", "cat") };
        var kitten = NewRecord("Kitten") with { Base = "Cat", Hierarchy = new HierarchyModel(new[] { inherited }.ToEquatableArray(), null, true, "kind", "kitten") };
        var model = Apply(Spec(
            records: new[] { basePet, cat, kitten, NewRecord("Collar"), NewRecord("Lonely") with { Base = "Pet" } },
            operations: new[] { Operation("Get", response: Record("Pet")), Operation("Breed", body: Record("Kitten")) }));

        Assert.Equal(Read, Of(model, "Pet"));
        Assert.Equal(Read, Of(model, "Cat"));
        Assert.Equal(Both, Of(model, "Kitten"));
        Assert.Equal(Both, Of(model, "Collar"));
        // Not a descendant the base lists: reading the base never reads it.
        Assert.Equal(None, Of(model, "Lonely"));
    }

    [Fact]
    public void A_cycle_of_records_ends()
    {
        var model = Apply(Spec(
            records: new[] { NewRecord("Node", null, ("Next", Record("Node")), ("Children", TypeRef.ArrayOf(Record("Node")))) },
            operations: new[] { Operation("Get", response: Record("Node")) }));

        Assert.Equal(Read, Of(model, "Node"));
    }

    [Fact]
    public void Both_keeps_every_converter_whole()
    {
        var input = Spec(
            records: new[] { NewRecord("Create"), NewRecord("Unused") },
            unions: new[] { NewUnion("Loose", null, Case("Create", Record("Create"), UnionToken.Object)) },
            operations: new[] { Operation("Create", body: Record("Create")) });

        var model = Apply(input, both: true);

        Assert.Equal(input, model);
        Assert.All(model.Records, r => Assert.Equal(Both, r.Directions));
        Assert.All(model.Unions, u => Assert.Equal(Both, u.Directions));
    }
}
