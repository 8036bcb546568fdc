using System;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using Contracts.IntegrationTests.Hierarchies;
using Microsoft.AspNetCore.Http;
using Xunit;

namespace Contracts.IntegrationTests.HierarchyClient;

/// <summary>
/// The client generated from Specs/hierarchies.yaml (allOf with one base: Cat : Pet, Lion : Cat, Dog : Pet; Pet's
/// discriminator is petType) against a real HTTP server on loopback, with reflection disabled.
/// </summary>
public sealed class HierarchyClientTests
{
    [Fact]
    public async Task A_response_typed_as_the_base_arrives_as_the_derived_record_with_its_members()
    {
        await using var server = await LoopbackServer.StartAsync(200, """{"name":"Leo","mane":true,"petType":"lion","huntingSkill":"pride","lives":9}""");
        using var http = new HttpClient();

        var pet = await Client(http, server.BaseAddress).GetPetAsync("leo");

        var lion = Assert.IsType<Lion>(pet);
        Assert.Equal("Leo", lion.Name);
        Assert.Equal("pride", lion.HuntingSkill);
        Assert.Equal(9, lion.Lives);
        Assert.True(lion.Mane);
        Assert.Equal("lion", lion.PetType);
        Assert.Null(lion.AdditionalProperties);
        Assert.Equal("/pets/leo", Assert.Single(server.Requests).Path);
    }

    [Fact]
    public async Task An_unknown_derived_type_reads_as_the_base_and_is_sent_back_unchanged()
    {
        const string Stored = """{"petType":"axolotl","name":"Axel","gills":6,"habitat":{"water":"fresh","depth":[1,2.5]}}""";
        await using var server = await LoopbackServer.StartAsync(context =>
            LoopbackServer.Respond(context, 200, context.Request.Method == HttpMethods.Put ? "{\"petType\":\"axolotl\",\"name\":\"Axel\"}" : Stored));
        using var http = new HttpClient();
        var client = Client(http, server.BaseAddress);

        var pet = await client.GetPetAsync("axel");
        await client.ReplacePetAsync("axel", pet with { Name = "Axel" });

        Assert.Equal(typeof(Pet), pet.GetType());
        Assert.Equal("axolotl", pet.PetType);
        Assert.Equal(["gills", "habitat"], pet.AdditionalProperties!.Keys.ToArray());
        var sent = server.Requests[1];
        Assert.Equal("PUT", sent.Method);
        Assert.Equal(Stored, sent.BodyText);
    }

    [Fact]
    public async Task A_derived_request_body_carries_its_discriminator_and_the_server_sees_it()
    {
        string? seenKind = null;
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            using var body = await JsonDocument.ParseAsync(context.Request.Body);
            seenKind = body.RootElement.GetProperty("petType").GetString();
            await LoopbackServer.Respond(context, 201, """{"petType":"cat","name":"Tom","lives":9,"huntingSkill":"lazy"}""");
        });
        using var http = new HttpClient();
        var client = Client(http, server.BaseAddress);

        var created = await client.CreateCatAsync(new Cat { Name = "Tom", Lives = 9 });
        await client.ReplacePetAsync("rex", new Dog { Name = "Rex", PackSize = 4 });

        Assert.Equal("""{"petType":"cat","name":"Tom","lives":9}""", server.Requests[0].BodyText);
        Assert.Equal("""{"petType":"dog","name":"Rex","packSize":4}""", server.Requests[1].BodyText);
        Assert.Equal("dog", seenKind);
        Assert.Equal("lazy", Assert.IsType<Cat>(created).HuntingSkill);
    }

    [Fact]
    public async Task An_array_of_the_base_holds_each_derived_record()
    {
        const string Body = """[{"petType":"dog","name":"Rex","packSize":2},{"petType":"cat","name":"Tom"},{"petType":"lion","name":"Leo","mane":false},{"petType":"hamster","name":"Ham","wheel":true}]""";
        await using var server = await LoopbackServer.StartAsync(200, Body);
        using var http = new HttpClient();

        var pets = await Client(http, server.BaseAddress).ListPetsAsync();

        Assert.Equal([typeof(Dog), typeof(Cat), typeof(Lion), typeof(Pet)], pets.Select(p => p.GetType()).ToArray());
        Assert.Equal(2, ((Dog)pets[0]).PackSize);
        Assert.False(((Lion)pets[2]).Mane);
        Assert.Equal(Body, JsonSerializer.Serialize(pets, HierarchiesJsonContext.Default.ListOfPet));
    }

    [Fact]
    public async Task Implicit_discriminator_values_and_a_base_without_one_read_as_declared()
    {
        await using var server = await LoopbackServer.StartAsync(context => LoopbackServer.Respond(context, 200, context.Request.Path.Value == "/shapes"
            ? """{"kind":"Circle","radius":1.5}"""
            : """{"name":"Ann","pets":[{"petType":"cat","name":"Tom"}]}"""));
        using var http = new HttpClient();
        var client = Client(http, server.BaseAddress);

        var shape = await client.GetShapeAsync();
        var owner = await client.GetOwnerAsync();

        Assert.Equal(1.5, Assert.IsType<Circle>(shape).Radius);
        Assert.Equal("Ann", owner.Name);
        Assert.IsType<Cat>(Assert.Single(owner.Pets!));
    }

    private static Hierarchies.HierarchiesClient Client(HttpClient http, Uri baseAddress) =>
        new(http, new HierarchiesClientOptions { BaseAddress = baseAddress });
}
