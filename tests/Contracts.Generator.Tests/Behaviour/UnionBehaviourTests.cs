using System;
using System.Collections.Immutable;
using System.Linq;
using System.Reflection;
using System.Text.Json;
using Contracts.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace Contracts.Generator.Tests.Behaviour;

/// <summary>
/// The unions generated from Specs/unions.yaml, compiled and loaded: every shape read through the generated context
/// lands in the right case and is written back to the same JSON; unknown discriminators and no-match values fail
/// with a message naming the union; Match, Switch and the implicit conversions work from user code.
/// </summary>
public sealed class UnionBehaviourTests : IDisposable
{
    private const string Context = "Contracts.Tests.Unions.UnionsJsonContext";
    private const string Ns = "Contracts.Tests.Unions";

    // User code compiled with the generated code: exhaustive Match/Switch and implicit conversions.
    private const string UserCode = """
        namespace Contracts.Tests.App
        {
            using Contracts.Tests.Unions;

            public static class UnionUser
            {
                public static string Describe(Pet pet) => pet.Match(cat => "cat " + cat.Name, dog => "dog " + dog.Name);

                public static string Visit(ChargeCustomer customer)
                {
                    var seen = "";
                    customer.Switch(id => seen = "id " + id, full => seen = "customer " + full.Id, deleted => seen = "deleted " + deleted.Id);
                    return seen;
                }

                public static Pet FromCat() => new Cat { PetType = "cat", Name = "Tom" };

                public static ListWorkflowRunsWorkflowId FromNumber() => 42L;

                public static ListWorkflowRunsWorkflowId FromName() => "ci.yml";
            }
        }
        """;

    private readonly LoadedOutput _output;

    public UnionBehaviourTests()
    {
        var spec = SpecFile.FromOutput("Specs/unions.yaml", Ns, "UnionsClient").ReadAndWritten();
        var texts = new[] { (AdditionalText)spec.ToAdditionalText() }.ToImmutableArray();
        var run = GeneratorHarness.Run(GeneratorHarness.CreateDriver([spec], texts), GeneratorHarness.CreateCompilation(UserCode), texts);
        _output = LoadedOutput.Load(run);
    }

    public void Dispose() => _output.Dispose();

    [Theory]
    [InlineData("""{"petType":"cat","name":"Tom","lives":9}""", "Cat")]
    [InlineData("""{"name":"Rex","petType":"doggo","goodBoy":true}""", "Dog")]
    public void A_discriminated_union_reads_the_mapped_case(string json, string expectedCase)
    {
        var pet = _output.Deserialize(Context, "Pet", json)!;

        Assert.Equal(Ns + ".Pet+" + expectedCase, pet.GetType().FullName);
    }

    [Fact]
    public void A_discriminator_the_case_record_does_not_declare_is_written_back()
    {
        // Dog declares no petType member: the union writes its mapped value first, so the round trip is exact.
        const string Json = """{"petType":"doggo","name":"Rex","goodBoy":true}""";
        var dog = _output.Deserialize(Context, "Pet", Json);

        Assert.Equal(Json, _output.Serialize(Context, "Pet", dog));
        Assert.Equal("""{"petType":"cat","name":"Tom","lives":9}""", _output.Serialize(Context, "Pet", _output.Deserialize(Context, "Pet", """{"petType":"cat","name":"Tom","lives":9}""")));
    }

    [Fact]
    public void An_unknown_or_missing_discriminator_names_the_union_and_the_value()
    {
        var unknown = Assert.Throws<JsonException>(() => _output.Deserialize(Context, "Pet", """{"petType":"fish","name":"Nemo"}"""));
        var missing = Assert.Throws<JsonException>(() => _output.Deserialize(Context, "Pet", """{"name":"Nemo"}"""));

        Assert.Equal("The JSON object for 'Pet' has the unknown 'petType' value 'fish'.", unknown.Message);
        Assert.Equal("The JSON object for 'Pet' has no string member 'petType' to tell its case.", missing.Message);
    }

    [Theory]
    [InlineData("\"cus_1\"", "String")]
    [InlineData("""{"id":"cus_1","object":"customer","email":"a@b.c"}""", "Customer")]
    [InlineData("""{"id":"cus_1","object":"customer","deleted":true}""", "DeletedCustomer")]
    public void An_expandable_field_reads_the_id_or_the_object_whose_required_members_are_present(string customer, string expectedCase)
    {
        var json = """{"id":"ch_1","customer":""" + customer + "}";
        var charge = _output.Deserialize(Context, "Charge", json)!;

        var value = charge.GetType().GetProperty("Customer")!.GetValue(charge)!;
        Assert.Equal(Ns + ".ChargeCustomer+" + expectedCase, value.GetType().FullName);
        Assert.Equal(json, _output.Serialize(Context, "Charge", charge));
    }

    [Theory]
    [InlineData("amount", "5", "Integer")]
    [InlineData("amount", "5.5", "Number")]
    [InlineData("setting", "true", "Boolean")]
    [InlineData("setting", "1.5", "Number")]
    [InlineData("setting", """{"a":"b"}""", "MapOfString")]
    // Stripe's "a value, or the empty string" (metadata) is a Clearable member, not a union: Naming/ClearableBehaviourTests.
    [InlineData("extra", "\"2024-01-02T03:04:05+00:00\"", "DateTime")]
    [InlineData("extra", "[1,2]", "ListOfInt32")]
    [InlineData("extra", """{"note":"n"}""", "Option3")]
    [InlineData("extra", "true", "Json")]
    public void Structural_unions_pick_the_case_by_token_and_round_trip(string member, string value, string expectedCase)
    {
        var json = """{"id":"ch_1","customer":"cus_1",""" + "\"" + member + "\":" + value + "}";
        var charge = _output.Deserialize(Context, "Charge", json)!;

        var property = charge.GetType().GetProperties().Single(p => string.Equals(p.Name, member, StringComparison.OrdinalIgnoreCase));
        var union = property.GetValue(charge)!;
        Assert.EndsWith("+" + expectedCase, union.GetType().FullName, StringComparison.Ordinal);
        Assert.Equal(json, _output.Serialize(Context, "Charge", charge));
    }

    [Fact]
    public void Nullable_unions_merged_enums_and_lists_of_unions_round_trip()
    {
        const string Json = """{"id":"ch_1","customer":"cus_1","statement":"","amount":null,"setting":null,"mode":"sandbox","shapes":[{"radius":1},{"side":2}]}""";
        var charge = _output.Deserialize(Context, "Charge", Json)!;

        var shapes = (System.Collections.IEnumerable)charge.GetType().GetProperty("Shapes")!.GetValue(charge)!;
        Assert.Equal(["Circle", "Square"], shapes.Cast<object>().Select(s => s.GetType().Name));
        Assert.Equal("sandbox", charge.GetType().GetProperty("Mode")!.GetValue(charge)!.ToString());
        Assert.Null(charge.GetType().GetProperty("Amount")!.GetValue(charge));
        Assert.Equal(Json.Replace("\"amount\":null,\"setting\":null,", string.Empty, StringComparison.Ordinal), _output.Serialize(Context, "Charge", charge));
    }

    [Theory]
    [InlineData("\"bad\"")]
    [InlineData("3")]
    [InlineData("[\"a\",\"b\"]")]
    [InlineData("null")]
    public void A_validation_error_value_of_string_integer_array_or_null_round_trips(string value)
    {
        var json = """{"message":"Validation Failed","errors":[{"code":"invalid","value":""" + value + "}]}";
        var error = _output.Deserialize(Context, "ValidationError", json);

        var expected = value == "null" ? """{"message":"Validation Failed","errors":[{"code":"invalid"}]}""" : json;
        Assert.Equal(expected, _output.Serialize(Context, "ValidationError", error));
    }

    [Fact]
    public void A_value_no_case_accepts_fails_naming_the_union()
    {
        var error = Assert.Throws<JsonException>(() => _output.Deserialize(Context, "Charge", """{"id":"ch_1","customer":true}"""));
        var shape = Assert.Throws<JsonException>(() => _output.Deserialize(Context, "Charge", """{"id":"ch_1","customer":"c","shapes":[{"edge":1}]}"""));

        Assert.Equal("The JSON value (a boolean) matches none of the cases of 'ChargeCustomer'.", error.Message);
        Assert.Equal("The JSON value (an object) matches none of the cases of 'ChargeShapesItem'.", shape.Message);
    }

    [Fact]
    public void Match_switch_and_implicit_conversions_work_from_user_code()
    {
        var user = _output.Type("Contracts.Tests.App.UnionUser");
        object? Call(string name, params object?[] args) => user.GetMethod(name, BindingFlags.Public | BindingFlags.Static)!.Invoke(null, args);

        var cat = Call("FromCat")!;
        Assert.Equal("cat Tom", Call("Describe", cat));
        Assert.Equal("dog Rex", Call("Describe", _output.Deserialize(Context, "Pet", """{"petType":"doggo","name":"Rex"}""")));
        var charge = _output.Deserialize(Context, "Charge", """{"id":"ch","customer":{"id":"cus_9","object":"customer","deleted":true}}""")!;
        Assert.Equal("deleted cus_9", Call("Visit", charge.GetType().GetProperty("Customer")!.GetValue(charge)));
        Assert.Equal("Integer { Value = 42 }", Call("FromNumber")!.ToString());
        Assert.Equal("String { Value = ci.yml }", Call("FromName")!.ToString());
    }

    [Theory]
    [InlineData("""{"id":"src_1","object":"card"}""", "CardSource")]
    [InlineData("""{"id":"src_2","object":"bank_account"}""", "BankSource")]
    public void A_required_constant_member_acts_as_the_discriminator(string json, string expectedCase)
    {
        var source = _output.Deserialize(Context, "PaymentSource", json)!;

        Assert.Equal(Ns + ".PaymentSource+" + expectedCase, source.GetType().FullName);
        Assert.Equal(json, _output.Serialize(Context, "PaymentSource", source));
        foreach (var (link, linkCase) in new[] { ("""{"rel":"targetCustomer","href":"h"}""", "CustomerLink"), ("""{"rel":"website","href":"h"}""", "WebsiteLink") })
        {
            var item = _output.Deserialize(Context, "LinkItem", link)!;
            Assert.Equal(Ns + ".LinkItem+" + linkCase, item.GetType().FullName);
            Assert.Equal(link, _output.Serialize(Context, "LinkItem", item));
        }

        var unknown = Assert.Throws<JsonException>(() => _output.Deserialize(Context, "PaymentSource", """{"id":"src_3","object":"alipay_account"}"""));
        Assert.Equal("The JSON object for 'PaymentSource' has the unknown 'object' value 'alipay_account'.", unknown.Message);
    }

    [Fact]
    public void Alternatives_that_only_require_members_leave_a_plain_record()
    {
        var type = _output.Type(Ns + ".GistUpdate");
        const string Json = """{"description":"d","files":{"a.txt":"x"}}""";

        Assert.True(type.IsSealed && !type.IsAbstract, "GistUpdate is a record, not a union.");
        Assert.Equal(Json, _output.Serialize(Context, "GistUpdate", _output.Deserialize(Context, "GistUpdate", Json)));
    }
}
