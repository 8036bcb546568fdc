using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PetStore.Server;
using PetStore.Server.Contracts;

// A server for petstore.yaml: the endpoints, their binding and their answers are generated; the app only implements
// IPetStoreHandler. `dotnet run --project samples/PetStore.Server`, then e.g. `curl localhost:5080/pets`.
var builder = WebApplication.CreateSlimBuilder(args);
if (builder.Configuration["urls"] is null)
{
    // The address petstore.yaml names, unless --urls says otherwise.
    builder.WebHost.UseUrls("http://localhost:5080");
}

// Requests are not logged one by one; startup ("Now listening on …") still is.
builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
builder.Services.AddSingleton<IPetStoreHandler, InMemoryPetStore>();

var app = builder.Build();
app.MapPetStore();
app.Run();
