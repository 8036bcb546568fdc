using System;
using System.Linq;
using Contracts.Generator.Tests.Overlays;
using Xunit;

namespace Contracts.Generator.Tests.Combined;

/// <summary>
/// The three features of a description the user does not own, together as the docs show them: an overlay adds the
/// <c>x-contracts-*</c> overrides (also beside a <c>$ref</c>, which only the YAML tree keeps, so the overrides must read
/// the overlaid tree, not the file), and the operation filters then keep one operation and the types it reaches — under
/// the names the overlay gave them.
/// </summary>
public sealed class OverlaySelectionOverridesTests
{
    private const string Spec = """
        openapi: 3.0.3
        info: {title: Pets, version: '1'}
        servers: [{url: 'https://pets.example.com'}]
        paths:
          /pets/{petId}:
            get:
              operationId: get_pet_by_id
              tags: [pets]
              parameters:
                - {name: petId, in: path, required: true, schema: {type: string}}
              responses:
                '200':
                  description: The pet.
                  content:
                    application/json:
                      schema: {$ref: '#/components/schemas/pet_v2'}
          /stores/{storeId}:
            get:
              operationId: getStore
              tags: [stores]
              parameters:
                - {name: storeId, in: path, required: true, schema: {type: string}}
              responses:
                '200':
                  description: The store.
                  content:
                    application/json:
                      schema: {$ref: '#/components/schemas/Store'}
        components:
          schemas:
            pet_v2:
              type: object
              required: [name]
              properties:
                name: {type: string}
                kind: {$ref: '#/components/schemas/pet_kind'}
                owner: {$ref: '#/components/schemas/Owner'}
            pet_kind:
              type: string
              enum: [dog, cat]
            Owner:
              type: object
              properties:
                name: {type: string}
            Store:
              type: object
              properties:
                address: {type: string}
        """;

    private const string Renames = """
        overlay: 1.0.0
        info: {title: Our names for the pet service, version: '1'}
        actions:
          - target: $.components.schemas.pet_v2
            update: {x-contracts-name: Pet}
          - target: $.components.schemas.pet_kind
            update:
              x-contracts-name: PetKind
              x-contracts-enum-names: {dog: Canine, cat: Feline}
          - target: $.components.schemas.pet_v2.properties.owner
            update: {x-contracts-name: Keeper}
          - target: $.paths['/pets/{petId}'].get
            update: {x-contracts-name: GetPet}
        """;

    [Fact]
    public void An_overlays_overrides_name_what_the_selection_keeps()
    {
        var spec = SpecFile.Inline("pets.yaml", Spec, OverlayHarness.Namespace, OverlayHarness.ClientName)
            .WithMetadata("ContractsIncludeTags", "pets");
        var run = OverlayHarness.Run(spec, "renames.yaml", [OverlayHarness.Overlay("/specs/renames.yaml", Renames)]);

        run.AssertNoGeneratorDiagnostics();
        run.AssertCompilesCleanly();
        var all = string.Join("\n", run.Sources.Values);
        Assert.Contains("partial record Pet", all, StringComparison.Ordinal);
        Assert.Contains("public global::Contracts.Tests.Overlays.Owner? Keeper { get; init; }", all, StringComparison.Ordinal);
        Assert.Contains("Canine", all, StringComparison.Ordinal);
        Assert.Contains("Feline", all, StringComparison.Ordinal);
        Assert.Contains("GetPetAsync(", all, StringComparison.Ordinal);
        Assert.DoesNotContain("PetV2", all, StringComparison.Ordinal);
        Assert.DoesNotContain("GetPetByIdAsync", all, StringComparison.Ordinal);

        // The selection kept getPet and what it reaches, under the overlay's names; the store is gone.
        Assert.DoesNotContain("Store", all, StringComparison.Ordinal);
        Assert.DoesNotContain("GetStoreAsync", all, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_the_overlay_the_vendors_names_stay()
    {
        var spec = SpecFile.Inline("pets.yaml", Spec, OverlayHarness.Namespace, OverlayHarness.ClientName)
            .WithMetadata("ContractsIncludeTags", "pets");
        var run = OverlayHarness.Run(spec, null, []);

        run.AssertCompilesCleanly();
        var all = string.Join("\n", run.Sources.Values);
        Assert.Contains("PetV2", all, StringComparison.Ordinal);
        Assert.Contains("GetPetByIdAsync(", all, StringComparison.Ordinal);
        Assert.DoesNotContain("Keeper", all, StringComparison.Ordinal);
    }
}
