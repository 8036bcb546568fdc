using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Contracts.Benchmarks.Server.HandWritten;

public sealed record Pet(long Id, string Name, string? Tag);

public sealed record NewPet(string Name, string? Tag);

public sealed record Error(string Code, string Message);

/// <summary>The JSON metadata a careful developer generates for the minimal API (no reflection when serving).</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(Pet))]
[JsonSerializable(typeof(NewPet))]
[JsonSerializable(typeof(Error))]
[JsonSerializable(typeof(List<Pet>))]
public sealed partial class HandWrittenJsonContext : JsonSerializerContext
{
}

/// <summary>
/// The same operations written by hand as minimal APIs: typed lambdas (compiled by the request delegate generator),
/// TypedResults with the same status codes and bodies as the description declares.
/// </summary>
public static class HandWrittenPetStore
{
    private static readonly Dictionary<long, Pet> s_pets = PetData.Seed().ToDictionary(p => p.Id, p => new Pet(p.Id, p.Name, p.Tag));
    private static readonly Pet[] s_ordered = s_pets.Values.OrderBy(p => p.Id).ToArray();

    public static IEndpointRouteBuilder MapHandWrittenPetStore(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/pets", ListPets).WithName("listPets").WithTags("pets");
        endpoints.MapPost("/pets", CreatePet).WithName("createPet").WithTags("pets");
        endpoints.MapGet("/pets/{petId}", GetPet).WithName("getPet").WithTags("pets");
        endpoints.MapDelete("/pets/{petId}", DeletePet).WithName("deletePet").WithTags("pets");
        return endpoints;
    }

    private static Ok<List<Pet>> ListPets(int? limit, string[]? tag)
    {
        var max = limit ?? 100;
        var pets = new List<Pet>(max);
        foreach (var pet in s_ordered)
        {
            if (pets.Count == max)
            {
                break;
            }

            if (tag is null || tag.Length == 0 || (pet.Tag is not null && tag.Contains(pet.Tag)))
            {
                pets.Add(pet);
            }
        }

        return TypedResults.Ok(pets);
    }

    private static Results<Created<Pet>, Conflict<Error>> CreatePet(NewPet pet)
    {
        if (PetData.NameTaken(pet.Name))
        {
            return TypedResults.Conflict(new Error("NAME_TAKEN", "A pet is already called " + pet.Name + "."));
        }

        return TypedResults.Created((string?)null, new Pet(PetData.NextId(), pet.Name, pet.Tag));
    }

    private static Results<Ok<Pet>, NotFound<Error>> GetPet(long petId)
        => s_pets.TryGetValue(petId, out var pet)
            ? TypedResults.Ok(pet)
            : TypedResults.NotFound(new Error("NOT_FOUND", "No pet has the id " + petId + "."));

    private static Results<NoContent, NotFound> DeletePet(long petId)
        => s_pets.ContainsKey(petId) ? TypedResults.NoContent() : TypedResults.NotFound();
}
