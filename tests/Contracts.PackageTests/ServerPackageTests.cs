using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Text;
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
}
