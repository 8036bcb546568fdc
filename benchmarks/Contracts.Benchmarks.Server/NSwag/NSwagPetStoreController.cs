using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Contracts.Benchmarks.Server.NSwag;

/// <summary>
/// The app's part of NSwag's abstract controller (openapi2cscontroller /ControllerStyle:Abstract
/// /UseActionResultType:true /JsonLibrary:SystemTextJson). [ApiController] answers unbindable input with a 400
/// ValidationProblemDetails before the action runs, as the generated server answers it with problem details.
/// </summary>
[ApiController]
public sealed class NSwagPetStoreController : PetStoreControllerBase
{
    private static readonly Dictionary<long, Pet> s_pets = PetData.Seed().ToDictionary(p => p.Id, p => new Pet { Id = p.Id, Name = p.Name, Tag = p.Tag });
    private static readonly Pet[] s_ordered = s_pets.Values.OrderBy(p => p.Id).ToArray();

    public override Task<ActionResult<ICollection<Pet>>> ListPets(int? limit, IEnumerable<string> tag)
    {
        var max = limit ?? 100;
        var tags = tag as ICollection<string> ?? tag?.ToList();
        var pets = new List<Pet>(max);
        foreach (var pet in s_ordered)
        {
            if (pets.Count == max)
            {
                break;
            }

            if (tags is null || tags.Count == 0 || (pet.Tag is not null && tags.Contains(pet.Tag)))
            {
                pets.Add(pet);
            }
        }

        return Task.FromResult<ActionResult<ICollection<Pet>>>(pets);
    }

    public override Task<ActionResult<Pet>> CreatePet(NewPet body)
    {
        if (PetData.NameTaken(body.Name))
        {
            return Task.FromResult<ActionResult<Pet>>(Conflict(new Error { Code = "NAME_TAKEN", Message = "A pet is already called " + body.Name + "." }));
        }

        var created = new Pet { Id = PetData.NextId(), Name = body.Name, Tag = body.Tag };
        return Task.FromResult<ActionResult<Pet>>(StatusCode(StatusCodes.Status201Created, created));
    }

    public override Task<ActionResult<Pet>> GetPet(long petId)
        => Task.FromResult<ActionResult<Pet>>(s_pets.TryGetValue(petId, out var pet)
            ? pet
            : NotFound(new Error { Code = "NOT_FOUND", Message = "No pet has the id " + petId + "." }));

    public override Task<IActionResult> DeletePet(long petId)
        => Task.FromResult<IActionResult>(s_pets.ContainsKey(petId) ? NoContent() : NotFound());
}
