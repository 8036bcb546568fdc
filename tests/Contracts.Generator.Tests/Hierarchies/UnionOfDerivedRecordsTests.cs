using System;
using Contracts.Generator.Tests.Infrastructure;
using Xunit;

namespace Contracts.Generator.Tests.Hierarchies;

/// <summary>
/// A <c>oneOf</c> with a discriminator whose cases derive from one base stays a union (it says which cases are allowed
/// there); its cases are the derived records, so each case's value is also a <c>Pet</c>.
/// </summary>
public sealed class UnionOfDerivedRecordsTests : IDisposable
{
    private const string Ns = "Contracts.Tests.Shelter";
    private const string Context = Ns + ".ShelterJsonContext";

    private const string Spec = """
        openapi: 3.0.3
        info: {title: Shelter, version: '1'}
        servers: [{url: 'https://api.example.com'}]
        paths:
          /adoptable:
            get:
              operationId: GetAdoptable
              responses:
                '200':
                  description: A cat or a dog, nothing else.
                  content:
                    application/json:
                      schema: {$ref: '#/components/schemas/Adoptable'}
        components:
          schemas:
            Adoptable:
              oneOf:
                - $ref: '#/components/schemas/Cat'
                - $ref: '#/components/schemas/Dog'
              discriminator:
                propertyName: petType
                mapping:
                  cat: '#/components/schemas/Cat'
                  dog: '#/components/schemas/Dog'
            Pet:
              type: object
              required: [petType, name]
              properties:
                petType: {type: string}
                name: {type: string}
              discriminator:
                propertyName: petType
                mapping:
                  cat: '#/components/schemas/Cat'
                  dog: '#/components/schemas/Dog'
            Cat:
              allOf:
                - $ref: '#/components/schemas/Pet'
                - type: object
                  properties:
                    lives: {type: integer, format: int32}
            Dog:
              allOf:
                - $ref: '#/components/schemas/Pet'
                - type: object
                  properties:
                    packSize: {type: integer, format: int32}
        """;

    private readonly LoadedOutput _output = LoadedOutput.Load(GeneratorHarness.Run(SpecFile.Inline("shelter.yaml", Spec, Ns, "ShelterClient").ReadAndWritten()));

    public void Dispose() => _output.Dispose();

    [Theory]
    [InlineData("""{"petType":"cat","name":"Tom","lives":9}""", "Cat")]
    [InlineData("""{"name":"Rex","petType":"dog","packSize":2}""", "Dog")]
    public void The_union_reads_its_case_as_the_derived_record_and_writes_the_discriminator_once(string json, string expected)
    {
        var adoptable = _output.Deserialize(Context, "Adoptable", json)!;

        Assert.Equal(Ns + ".Adoptable+" + expected, adoptable.GetType().FullName);
        var value = adoptable.GetType().GetProperty("Value")!.GetValue(adoptable)!;
        Assert.Equal(Ns + "." + expected, value.GetType().FullName);
        Assert.Equal(_output.Type(Ns + ".Pet"), value.GetType().BaseType);
        var written = _output.Serialize(Context, "Adoptable", adoptable);
        Assert.StartsWith("""{"petType":""" + "\"" + expected.ToLowerInvariant() + "\"", written, StringComparison.Ordinal);
        Assert.Equal(written, _output.Serialize(Context, "Pet", value));
    }

    [Fact]
    public void A_case_made_in_code_writes_its_discriminator_without_setting_it()
    {
        var dog = _output.Create(Ns + ".Dog", Array.Empty<object?>(), ("Name", "Rex"));
        var adoptable = Activator.CreateInstance(_output.Type(Ns + ".Adoptable+Dog"), dog)!;

        Assert.Equal("""{"petType":"dog","name":"Rex"}""", _output.Serialize(Context, "Adoptable", adoptable));
    }
}
