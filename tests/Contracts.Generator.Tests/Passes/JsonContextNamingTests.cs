using System.Linq;
using Contracts.Generator.Helpers;
using Contracts.Generator.Model;
using Contracts.Generator.Passes;
using Xunit;
using static Contracts.Generator.Tests.Passes.HandBuiltModels;

namespace Contracts.Generator.Tests.Passes;

/// <summary>What the JSON context serves, the names of its properties, and where the model points at them.</summary>
public sealed class JsonContextNamingTests
{
    [Fact]
    public void Named_types_come_first_in_ordinal_order_then_other_top_level_types_by_moniker()
    {
        var model = Spec(
            records: new[] { NewRecord("Pet") },
            enums: new[] { NewEnum("Color") },
            unions: new[] { NewUnion("Animal", null, Case("Pet", Record("Pet"), UnionToken.Object)) },
            operations: new[] { Operation("List", response: TypeRef.ArrayOf(Record("Pet"))), Operation("Count", response: new TypeRef(TypeKind.Int32)) });

        var types = JsonContextNaming.Apply(model).JsonContext.Types;

        Assert.Equal(new[] { "Animal", "Color", "Pet", "Int32", "ListOfPet" }, types.Select(t => t.PropertyName).ToArray());
        Assert.Equal(new TypeRef(TypeKind.Union, "Animal"), types[0].Type);
    }

    [Fact]
    public void A_type_named_like_a_member_of_the_context_gets_another_property_name()
    {
        var model = Spec(records: new[] { NewRecord("Options"), NewRecord("Default"), NewRecord("DemoJsonContext") });

        var names = JsonContextNaming.Apply(model).JsonContext.Types.Select(t => t.PropertyName).ToArray();

        Assert.DoesNotContain("Options", names);
        Assert.DoesNotContain("Default", names);
        Assert.DoesNotContain("DemoJsonContext", names);
        Assert.Equal(3, names.Distinct().Count());
    }

    [Fact]
    public void Requests_responses_errors_envelopes_and_AWS_errors_point_at_their_type_info_property()
    {
        var map = TypeRef.MapOf(TypeRef.String);
        var model = Spec(
            records: new[] { NewRecord("Pet"), NewRecord("Problem") },
            operations: new[] { Operation("Save", body: map, response: Record("Pet"), new ErrorResponseModel("404", Record("Problem"), string.Empty)) },
            envelopes: new[] { new EnvelopeModel("s_Envelope", "success", "data", "error", Record("Problem"), string.Empty, null, null) },
            aws: new AwsModel("demo", null, "1.1", "DemoException", new[] { new AwsErrorModel("Problem", "ProblemException", Record("Problem"), null), new AwsErrorModel("Empty", "EmptyException", null, null) }.ToEquatableArray()));

        var client = JsonContextNaming.Apply(model).Client;

        var operation = client.Operations.Single();
        Assert.Equal("MapOfString", operation.Body!.TypeInfoProperty);
        Assert.Equal("Pet", operation.Response.TypeInfoProperty);
        Assert.Equal("Problem", operation.Errors.Single().TypeInfoProperty);
        Assert.Equal("Problem", client.Envelopes.Single().ErrorTypeInfoProperty);
        Assert.Equal("Problem", client.Aws!.Errors[0].DetailsTypeInfoProperty);
        Assert.Null(client.Aws.Errors[1].DetailsTypeInfoProperty);
    }

    [Fact]
    public void Every_list_and_map_used_anywhere_is_a_collection_once_including_nested_ones()
    {
        var nested = TypeRef.ArrayOf(TypeRef.MapOf(new TypeRef(TypeKind.Int64)));
        var model = Spec(
            records: new[] { NewRecord("Pet", new ExtraMembersModel("AdditionalProperties", TypeRef.ArrayOf(TypeRef.String)), ("Scores", nested), ("Again", nested)) },
            unions: new[] { NewUnion("Tags", null, Case("List", TypeRef.ArrayOf(new TypeRef(TypeKind.Boolean)), UnionToken.Array)) });

        var collections = JsonContextNaming.Apply(model).JsonContext.Collections.Select(c => c.Moniker).ToArray();

        Assert.Equal(new[] { "ListOfBoolean", "ListOfMapOfInt64", "ListOfString", "MapOfInt64" }, collections);
    }

    [Fact]
    public void Applying_it_again_changes_nothing()
    {
        var model = Spec(records: new[] { NewRecord("Pet") }, operations: new[] { Operation("Get", response: TypeRef.ArrayOf(Record("Pet"))) });

        var once = JsonContextNaming.Apply(model);

        Assert.Equal(once, JsonContextNaming.Apply(once));
        Assert.NotEqual(model, once);
    }
}
