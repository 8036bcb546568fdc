using System;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using Xunit;

namespace Contracts.PackageTests;

/// <summary>
/// What a new user of the generated server does: <c>dotnet new web</c>, the three packages, one
/// <c>OpenApiContract</c> item with <c>Generate="Server"</c>, a class implementing the generated handler; build, run,
/// call. Only the packages in <see cref="LocalFeed"/> are used.
/// </summary>
[Collection(LocalFeedCollection.Name)]
public sealed class ServerPackageTests(LocalFeed feed)
{
    [Fact]
    public async Task A_fresh_web_app_serves_the_description_from_the_packages()
    {
        using var workspace = Workspace.Create("server");
        var app = await workspace.NewProjectWithPackagesAsync(feed, "web", "Pets");
        await workspace.DotNetIn(app, "add", "package", "Contracts.Runtime.AspNetCore", "--version", feed.Version);
        var sample = RepositoryPaths.Combine("samples", "PetStore.Server");
        File.Copy(Path.Combine(sample, "petstore.yaml"), Path.Combine(app, "petstore.yaml"));
        File.Copy(Path.Combine(sample, "InMemoryPetStore.cs"), Path.Combine(app, "InMemoryPetStore.cs"));
        File.Copy(Path.Combine(sample, "Program.cs"), Path.Combine(app, "Program.cs"), overwrite: true);
        Workspace.AddItems(Path.Combine(app, "Pets.csproj"), """<OpenApiContract Include="petstore.yaml" Namespace="PetStore.Server.Contracts" ClientName="PetStoreClient" Generate="Server" />""");

        var build = await workspace.DotNetIn(app, "build", "-nologo");
        Assert.DoesNotMatch(@": warning (CS8784|CS8785|AD0001|CTR)", build.Output);

        using var server = RunningApp.Start(app, Path.Combine("bin", "Debug", "net10.0", "Pets.dll"));
        using var http = new HttpClient { BaseAddress = await server.ListeningAddressAsync() };
        using var created = await http.PostAsync("pets", new StringContent("""{"name":"Rex"}""", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("""{"id":1,"name":"Rex"}""", await created.Content.ReadAsStringAsync());
        using var refused = await http.GetAsync("pets/abc");
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType!.MediaType);

        var deps = File.ReadAllText(Path.Combine(app, "bin", "Debug", "net10.0", "Pets.deps.json"));
        Assert.Contains("Contracts.Runtime.AspNetCore", deps);
        Assert.DoesNotContain("Microsoft.OpenApi", deps);
    }

    [Fact]
    public async Task With_the_OpenApi_package_the_apps_document_describes_the_generated_models()
    {
        using var workspace = Workspace.Create("server-openapi");
        var app = await workspace.NewProjectWithPackagesAsync(feed, "web", "Pets");
        await workspace.DotNetIn(app, "add", "package", "Contracts.Runtime.AspNetCore", "--version", feed.Version);
        await workspace.DotNetIn(app, "add", "package", "Contracts.Runtime.AspNetCore.OpenApi", "--version", feed.Version);
        var sample = RepositoryPaths.Combine("samples", "PetStore.Server");
        File.Copy(Path.Combine(sample, "petstore.yaml"), Path.Combine(app, "petstore.yaml"));
        File.Copy(Path.Combine(sample, "InMemoryPetStore.cs"), Path.Combine(app, "InMemoryPetStore.cs"));
        File.WriteAllText(Path.Combine(app, "Program.cs"), """
            using Contracts.Runtime.AspNetCore.OpenApi;
            using PetStore.Server;
            using PetStore.Server.Contracts;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddSingleton<IPetStoreHandler, InMemoryPetStore>();
            builder.Services.AddContractEndpointDescriptions();
            builder.Services.AddOpenApi(options => options.AddContractDescriptions());
            var app = builder.Build();
            app.MapPetStore();
            app.MapOpenApi();
            app.Run();
            """);
        Workspace.AddItems(Path.Combine(app, "Pets.csproj"), """<OpenApiContract Include="petstore.yaml" Namespace="PetStore.Server.Contracts" ClientName="PetStoreClient" Generate="Server" />""");

        var build = await workspace.DotNetIn(app, "build", "-nologo");
        Assert.DoesNotMatch(@": warning (CS8784|CS8785|AD0001|CTR)", build.Output);

        using var server = RunningApp.Start(app, Path.Combine("bin", "Debug", "net10.0", "Pets.dll"));
        using var http = new HttpClient { BaseAddress = await server.ListeningAddressAsync() };
        using var document = JsonDocument.Parse(await http.GetStringAsync("openapi/v1.json"));

        // The generator saw the package and emitted the models' schemas; without them a model is an open schema {}.
        var pet = document.RootElement.GetProperty("components").GetProperty("schemas").GetProperty("Pet");
        Assert.True(pet.TryGetProperty("properties", out var members), pet.ToString());
        Assert.True(members.TryGetProperty("name", out _), pet.ToString());
        Assert.Contains("name", pet.GetProperty("required").EnumerateArray().Select(r => r.GetString()));
        Assert.True(document.RootElement.GetProperty("paths").TryGetProperty("/pets/{petId}", out _));
    }
}
