using System.Linq;
using Contracts.Generator.Helpers;
using Contracts.Generator.Model;
using Contracts.Generator.Passes;
using Xunit;
using static Contracts.Generator.Tests.Passes.HandBuiltModels;

namespace Contracts.Generator.Tests.Passes;

/// <summary>Which union cases cannot be told apart when JSON is read into the union.</summary>
public sealed class UnionAmbiguityTests
{
    private static readonly UnionModel TwoStrings = NewUnion(
        "Text", null, Case("Plain", TypeRef.String, UnionToken.String), Case("Code", new TypeRef(TypeKind.Enum, "Code"), UnionToken.String));

    private static string[] Found(SpecModel model) =>
        UnionAmbiguity.Find(model).Select(f => f.Union.Name + ":" + f.First.Name + "/" + f.Second.Name).ToArray();

    [Fact]
    public void Two_cases_read_from_the_same_token_are_ambiguous_when_a_response_reads_the_union()
    {
        var model = Spec(unions: new[] { TwoStrings }, operations: new[] { Operation("Get", response: Union("Text")) });

        Assert.Equal(new[] { "Text:Plain/Code" }, Found(model));
    }

    [Fact]
    public void A_union_the_client_only_writes_is_not_reported()
    {
        var model = Spec(unions: new[] { TwoStrings }, operations: new[] { Operation("Send", body: Union("Text")) });

        Assert.Empty(Found(model));
    }

    [Fact]
    public void A_union_written_and_read_through_a_record_and_a_list_is_reported()
    {
        var model = Spec(
            records: new[] { NewRecord("Page", null, ("Items", TypeRef.ArrayOf(Union("Text")))) },
            unions: new[] { TwoStrings },
            operations: new[] { Operation("Send", body: Union("Text")), Operation("List", response: Record("Page")) });

        Assert.Equal(new[] { "Text:Plain/Code" }, Found(model));
    }

    [Fact]
    public void An_unused_union_is_reported_because_a_caller_may_read_it()
    {
        Assert.Equal(new[] { "Text:Plain/Code" }, Found(Spec(unions: new[] { TwoStrings })));
    }

    [Fact]
    public void Unions_read_as_error_envelope_or_AWS_error_types_are_reported()
    {
        var error = new ErrorResponseModel("4XX", Record("Problem"), string.Empty);
        var records = new[] { NewRecord("Problem", null, ("Detail", Union("Text"))) };
        var written = Operation("Send", body: Union("Text"));

        Assert.Single(Found(Spec(records: records, unions: new[] { TwoStrings }, operations: new[] { written, Operation("Fail", null, null, error) })));
        Assert.Single(Found(Spec(records: records, unions: new[] { TwoStrings }, operations: new[] { written },
            envelopes: new[] { new EnvelopeModel("s_Envelope", "success", "data", "error", Record("Problem"), string.Empty, null, null) })));
        Assert.Single(Found(Spec(records: records, unions: new[] { TwoStrings }, operations: new[] { written },
            aws: new AwsModel("demo", null, "1.1", "DemoException", new[] { new AwsErrorModel("Problem", "ProblemException", Record("Problem"), null) }.ToEquatableArray()))));
    }

    [Fact]
    public void Object_cases_with_discriminator_values_or_different_members_are_told_apart()
    {
        var discriminated = NewUnion(
            "Pet",
            "kind",
            Case("Cat", Record("Cat"), UnionToken.Object, new[] { "cat" }, required: new[] { "name" }, known: new[] { "name" }),
            Case("Dog", Record("Dog"), UnionToken.Object, new[] { "dog" }, required: new[] { "name" }, known: new[] { "name" }));
        var byMembers = NewUnion(
            "Shape",
            null,
            Case("Circle", Record("Circle"), UnionToken.Object, required: new[] { "radius" }, known: new[] { "radius" }),
            Case("Square", Record("Square"), UnionToken.Object, required: new[] { "side" }, known: new[] { "side" }));

        Assert.Empty(Found(Spec(unions: new[] { discriminated, byMembers })));
    }

    [Fact]
    public void Object_cases_with_the_same_members_are_ambiguous_unless_a_shared_member_contradicts()
    {
        UnionModel Union(string name, UnionMemberModel first, UnionMemberModel second) => NewUnion(
            name,
            null,
            Case("A", Record(name + "A"), UnionToken.Object, required: new[] { "x" }, known: new[] { "x" }, members: first),
            Case("B", Record(name + "B"), UnionToken.Object, required: new[] { "x" }, known: new[] { "x" }, members: second));
        var none = EquatableArray<string>.Empty;
        var same = Union("Same", new UnionMemberModel("x", JsonKindFlags.String, 0, none), new UnionMemberModel("x", JsonKindFlags.String | JsonKindFlags.Null, 0, none));
        var kinds = Union("Kinds", new UnionMemberModel("x", JsonKindFlags.String, 0, none), new UnionMemberModel("x", JsonKindFlags.Number | JsonKindFlags.Null, 0, none));
        var items = Union("Items", new UnionMemberModel("x", JsonKindFlags.Array, JsonKindFlags.Object, none), new UnionMemberModel("x", JsonKindFlags.Array, JsonKindFlags.String, none));
        var values = Union("Values", new UnionMemberModel("x", JsonKindFlags.String, 0, new[] { "card" }.ToEquatableArray()), new UnionMemberModel("x", JsonKindFlags.String, 0, new[] { "bank" }.ToEquatableArray()));

        Assert.Equal(new[] { "Same:A/B" }, Found(Spec(unions: new[] { same, kinds, items, values })));
    }

    [Fact]
    public void Every_pair_of_a_union_is_reported_in_case_order()
    {
        var three = NewUnion(
            "Three", null, Case("A", TypeRef.String, UnionToken.String), Case("B", new TypeRef(TypeKind.Guid), UnionToken.String), Case("C", new TypeRef(TypeKind.Bytes), UnionToken.String), Case("D", new TypeRef(TypeKind.Int32), UnionToken.Integer));

        Assert.Equal(new[] { "Three:A/B", "Three:A/C", "Three:B/C" }, Found(Spec(unions: new[] { three })));
    }
}
