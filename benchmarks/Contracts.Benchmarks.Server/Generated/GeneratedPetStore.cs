using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace Contracts.Benchmarks.Server.Generated;

/// <summary>The app's part of the generated server: the handler; binding, routing and writing are generated.</summary>
public sealed class GeneratedPetStore : IPetStoreHandler
{
    private readonly Dictionary<long, Pet> _pets = PetData.Seed().ToDictionary(p => p.Id, p => new Pet { Id = p.Id, Name = p.Name, Tag = p.Tag });
    private readonly Pet[] _ordered;

    public GeneratedPetStore() => _ordered = _pets.Values.OrderBy(p => p.Id).ToArray();

    public Task<ListPetsResult> ListPetsAsync(int? limit, IReadOnlyList<string>? tag, CancellationToken cancellationToken)
    {
        var max = limit ?? 100;
        var pets = new List<Pet>(max);
        foreach (var pet in _ordered)
        {
            if (pets.Count == max)
            {
                break;
            }

            if (tag is null || (pet.Tag is not null && tag.Contains(pet.Tag)))
            {
                pets.Add(pet);
            }
        }

        return Task.FromResult(ListPetsResult.Ok(pets));
    }

    public Task<CreatePetResult> CreatePetAsync(NewPet request, CancellationToken cancellationToken)
    {
        if (PetData.NameTaken(request.Name))
        {
            return Task.FromResult(CreatePetResult.Conflict(new Error { Code = "NAME_TAKEN", Message = "A pet is already called " + request.Name + "." }));
        }

        return Task.FromResult(CreatePetResult.Created(new Pet { Id = PetData.NextId(), Name = request.Name, Tag = request.Tag }));
    }

    public Task<GetPetResult> GetPetAsync(long petId, CancellationToken cancellationToken)
    {
        return Task.FromResult(_pets.TryGetValue(petId, out var pet)
            ? GetPetResult.Ok(pet)
            : GetPetResult.NotFound(new Error { Code = "NOT_FOUND", Message = "No pet has the id " + petId + "." }));
    }

    public Task<DeletePetResult> DeletePetAsync(long petId, CancellationToken cancellationToken)
        => Task.FromResult(_pets.ContainsKey(petId) ? DeletePetResult.NoContent() : DeletePetResult.NotFound());
}
