using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using Contracts.Generator.Tests.Infrastructure;
using Xunit;

namespace Contracts.Generator.Tests.Hierarchies;

/// <summary>
/// The records generated from Specs/hierarchies.yaml, compiled and loaded: a value typed as the base reads as the
/// derived record its discriminator names, writes the discriminator first, and an unknown value loses nothing.
/// </summary>
public sealed class HierarchyBehaviourTests : IDisposable
{
    private const string Ns = "Contracts.Tests.Hierarchies";
    private const string Context = Ns + ".HierarchiesJsonContext";

    private readonly LoadedOutput _output = LoadedOutput.Load(
        GeneratorHarness.Run(SpecFile.FromOutput("Specs/hierarchies.yaml", Ns, "HierarchiesClient").ReadAndWritten()));

    public void Dispose() => _output.Dispose();

    [Fact]
    public void Derived_records_derive_from_their_base_and_declare_only_their_own_members()
    {
        var pet = _output.Type(Ns + ".Pet");
        var cat = _output.Type(Ns + ".Cat");
        var lion = _output.Type(Ns + ".Lion");

        Assert.Equal(pet, cat.BaseType);
        Assert.Equal(cat, lion.BaseType);
        Assert.Equal(pet, _output.Type(Ns + ".Dog").BaseType);
        Assert.Equal(_output.Type(Ns + ".Named"), _output.Type(Ns + ".Owner").BaseType);
        Assert.False(pet.IsSealed);
        Assert.False(cat.IsSealed);
        Assert.True(lion.IsSealed);
        Assert.Equal(new[] { "HuntingSkill", "Lives" }, DeclaredProperties(cat));
        Assert.Equal(new[] { "PackSize" }, DeclaredProperties(_output.Type(Ns + ".Dog")));
        Assert.Equal(new[] { "Mane", "KeeperPassword" }, DeclaredProperties(lion));
    }

    [Fact]
    public void Several_referenced_bases_stay_flattened()
    {
        var document = _output.Type(Ns + ".Document");

        Assert.Equal(typeof(object), document.BaseType);
        Assert.Equal(new[] { "Name", "Token", "Created", "Body" }, DeclaredProperties(document));
    }

    [Theory]
    [InlineData("""{"petType":"cat","name":"Tom","huntingSkill":"lazy","lives":9}""", "Cat")]
    [InlineData("""{"petType":"dog","name":"Rex","packSize":3}""", "Dog")]
    [InlineData("""{"petType":"lion","name":"Leo","huntingSkill":"fierce","mane":true}""", "Lion")]
    public void A_value_typed_as_the_base_reads_as_the_record_its_discriminator_names_and_round_trips(string json, string expected)
    {
        var pet = _output.Deserialize(Context, "Pet", json)!;

        Assert.Equal(Ns + "." + expected, pet.GetType().FullName);
        Assert.Equal(json, _output.Serialize(Context, "Pet", pet));
    }

    [Fact]
    public void A_value_typed_as_a_middle_record_reads_its_own_derived_records()
    {
        var lion = _output.Deserialize(Context, "Cat", """{"petType":"lion","name":"Leo","mane":true}""")!;
        var cat = _output.Deserialize(Context, "Cat", """{"petType":"dog","name":"Odd","huntingSkill":"none"}""")!;

        Assert.Equal(Ns + ".Lion", lion.GetType().FullName);
        Assert.Equal(true, Get(lion, "Mane"));

        // A Dog is no Cat: a value typed as Cat reads as Cat, its members kept.
        Assert.Equal(Ns + ".Cat", cat.GetType().FullName);
        Assert.Equal("dog", Get(cat, "PetType"));
    }

    [Fact]
    public void Implicit_discriminator_values_are_the_schema_names()
    {
        var circle = _output.Deserialize(Context, "Shape", """{"kind":"Circle","colour":"red","radius":2.5}""")!;
        var square = _output.Deserialize(Context, "Shape", """{"kind":"Square","side":4}""")!;

        Assert.Equal(Ns + ".Circle", circle.GetType().FullName);
        Assert.Equal(2.5, Get(circle, "Radius"));
        Assert.Equal(Ns + ".Square", square.GetType().FullName);
    }

    [Fact]
    public void An_unknown_discriminator_value_reads_as_the_base_and_is_written_back_whole()
    {
        const string Json = """{"petType":"lizard","name":"Liz","scales":{"colour":"green","count":1200},"tail":true}""";

        var pet = _output.Deserialize(Context, "Pet", Json)!;

        Assert.Equal(Ns + ".Pet", pet.GetType().FullName);
        Assert.Equal("lizard", Get(pet, "PetType"));
        var kept = (IReadOnlyDictionary<string, JsonElement>)Get(pet, "AdditionalProperties")!;
        Assert.Equal(new[] { "scales", "tail" }, kept.Keys.ToArray());
        Assert.Equal(Json, _output.Serialize(Context, "Pet", pet));
    }

    [Fact]
    public void Members_a_derived_record_does_not_declare_are_kept_too()
    {
        const string Json = """{"petType":"cat","name":"Tom","whiskers":12}""";

        var cat = _output.Deserialize(Context, "Pet", Json)!;

        Assert.Equal(Ns + ".Cat", cat.GetType().FullName);
        Assert.Equal(Json, _output.Serialize(Context, "Pet", cat));
    }

    [Fact]
    public void Writing_a_derived_record_writes_its_discriminator_first_even_when_unset()
    {
        var cat = _output.Create(Ns + ".Cat", Array.Empty<object?>(), ("Name", "Tom"), ("Lives", 7));
        var lion = _output.Create(Ns + ".Lion", Array.Empty<object?>(), ("Name", "Leo"));

        Assert.Equal("""{"petType":"cat","name":"Tom","lives":7}""", _output.Serialize(Context, "Pet", cat));
        Assert.Equal("""{"petType":"cat","name":"Tom","lives":7}""", _output.Serialize(Context, "Cat", cat));
        Assert.Equal("""{"petType":"lion","name":"Leo"}""", _output.Serialize(Context, "Pet", lion));
    }

    [Fact]
    public void The_discriminator_is_written_first_whatever_order_it_came_in()
    {
        var dog = _output.Deserialize(Context, "Pet", """{"packSize":2,"name":"Rex","petType":"dog"}""")!;

        Assert.Equal(Ns + ".Dog", dog.GetType().FullName);
        Assert.Equal("""{"petType":"dog","name":"Rex","packSize":2}""", _output.Serialize(Context, "Pet", dog));
    }

    [Fact]
    public void An_array_of_the_base_holds_every_derived_record()
    {
        const string Json = """[{"petType":"cat","name":"Tom"},{"petType":"dog","name":"Rex","packSize":1},{"petType":"lion","name":"Leo"},{"petType":"newt","name":"Ned"}]""";

        var pets = (IEnumerable)_output.Deserialize(Context, "ListOfPet", Json)!;

        Assert.Equal(new[] { "Cat", "Dog", "Lion", "Pet" }, pets.Cast<object>().Select(p => p.GetType().Name).ToArray());
        Assert.Equal(Json, _output.Serialize(Context, "ListOfPet", pets));
    }

    [Fact]
    public void A_derived_record_without_a_discriminator_reads_its_base_members_and_its_own()
    {
        const string Json = """{"name":"Ann","pets":[{"petType":"cat","name":"Tom"},{"petType":"dog","name":"Rex","packSize":1}]}""";

        var owner = _output.Deserialize(Context, "Named", Json)!;

        // Without a discriminator nothing says the value is an Owner: typed as Named, it reads as Named.
        Assert.Equal(Ns + ".Named", owner.GetType().FullName);
        var typed = _output.Deserialize(Context, "Owner", Json)!;
        Assert.Equal("Ann", Get(typed, "Name"));
        Assert.Equal(new[] { "Cat", "Dog" }, ((IEnumerable)Get(typed, "Pets")!).Cast<object>().Select(p => p.GetType().Name).ToArray());
        Assert.Equal(Json, _output.Serialize(Context, "Named", typed));
    }

    [Fact]
    public void Equality_and_ToString_include_the_inherited_members_and_hide_credentials()
    {
        var json = """{"petType":"lion","name":"Leo","keeperPassword":"hunter2"}""";
        var first = _output.Deserialize(Context, "Pet", json)!;
        var second = _output.Deserialize(Context, "Pet", json)!;
        var other = _output.Deserialize(Context, "Pet", json.Replace("Leo", "Max"))!;
        var cat = _output.Create(Ns + ".Cat", Array.Empty<object?>(), ("Name", "Leo"));
        var lion = _output.Create(Ns + ".Lion", Array.Empty<object?>(), ("Name", "Leo"));

        Assert.Equal(first, second);
        Assert.NotEqual(first, other);
        Assert.NotEqual(cat, lion);
        Assert.NotEqual(lion, cat);
        var text = first.ToString()!;
        Assert.Contains("Name = Leo", text, StringComparison.Ordinal);
        Assert.Contains("KeeperPassword = ***", text, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", text, StringComparison.Ordinal);
    }

    private static string[] DeclaredProperties(Type type) =>
        type.GetProperties(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.DeclaredOnly)
            .Where(p => p.Name != "EqualityContract").Select(p => p.Name).ToArray();

    private static object? Get(object instance, string property) => instance.GetType().GetProperty(property)!.GetValue(instance);
}
