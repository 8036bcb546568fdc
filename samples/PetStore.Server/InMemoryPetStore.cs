using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using PetStore.Server.Contracts;

namespace PetStore.Server;

/// <summary>
/// The pet store's behaviour, and all the app writes: every method gets its parameters already bound and checked, and
/// can only answer with the responses petstore.yaml declares for it.
/// </summary>
public sealed class InMemoryPetStore : IPetStoreHandler
{
    private readonly Lock _gate = new();
    private readonly SortedDictionary<long, Pet> _pets = new();
    private long _lastId;

    public Task<ListPetsResult> ListPetsAsync(int? limit, IReadOnlyList<string>? tag, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var pets = _pets.Values.Where(pet => tag is null || (pet.Tag is not null && tag.Contains(pet.Tag))).Take(limit ?? 100).ToList();
            return Task.FromResult(ListPetsResult.Ok(pets));
        }
    }

    public Task<CreatePetResult> CreatePetAsync(NewPet request, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_pets.Values.Any(pet => pet.Name == request.Name))
            {
                return Task.FromResult(CreatePetResult.Conflict(new Error { Code = "NAME_TAKEN", Message = "A pet is already called " + request.Name + "." }));
            }

            var created = new Pet { Id = ++_lastId, Name = request.Name, Tag = request.Tag };
            _pets.Add(created.Id, created);
            return Task.FromResult(CreatePetResult.Created(created));
        }
    }

    public Task<GetPetResult> GetPetAsync(long petId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_pets.TryGetValue(petId, out var pet)
                ? GetPetResult.Ok(pet)
                : GetPetResult.NotFound(new Error { Code = "NOT_FOUND", Message = "No pet has the id " + petId + "." }));
        }
    }

    public Task<DeletePetResult> DeletePetAsync(long petId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_pets.Remove(petId) ? DeletePetResult.NoContent() : DeletePetResult.NotFound());
        }
    }
}
