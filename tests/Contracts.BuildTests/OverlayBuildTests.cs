using System.IO;
using System.Threading.Tasks;
using Xunit;

namespace Contracts.BuildTests;

/// <summary>
/// <c>Overlays</c> metadata in a real build: the package's targets add the overlay files (relative to the project) as
/// AdditionalFiles, once even when two specs name the same one; they apply in order; editing one rebuilds with the change.
/// </summary>
public sealed class OverlayBuildTests
{
    private const string Spec = """
        openapi: 3.0.3
        info: { title: Pets, version: '1' }
        servers: [{ url: 'https://pets.example.com' }]
        paths:
          /pets/{id}:
            get:
              operationId: getPetById
              parameters:
                - { name: id, in: path, required: true, schema: { type: string } }
              responses:
                '200':
                  description: ok
                  content:
                    application/json:
                      schema: { $ref: '#/components/schemas/Pet' }
        components:
          schemas:
            Pet:
              type: object
              required: [name]
              properties:
                name: { type: string }
        """;

    private const string Rename = """
        overlay: 1.0.0
        info: { title: Names, version: 1.0.0 }
        actions:
          - target: $.paths['/pets/{id}'].get
            update: { operationId: fetchPet }
        """;

    private const string Nickname = """
        overlay: 1.0.0
        info: { title: Members, version: 1.0.0 }
        actions:
          - target: $.components.schemas.Pet.properties
            update:
              nickname: { type: string }
          - target: $.paths['/pets/{id}'].get
            update: { description: Second overlay. }
        """;

    private const string Program = """
        var pet = new Pets.Api.Pet { Name = "Rex", Nickname = "R" };
        var other = new Other.Api.Pet { Name = "Tom", Nickname = "T" };
        System.Func<Pets.Api.PetsClient, System.Threading.Tasks.Task> call = client => client.FetchPetAsync("1");
        System.Console.WriteLine(pet.Nickname + other.Nickname);
        """;

    private static string ProjectFile() => ConsumerProject.ContractProjectFile("""
        <OpenApiContract Include="specs/pets.yaml" Namespace="Pets.Api" ClientName="PetsClient" Overlays="overlays/rename.yaml;overlays/nickname.yaml" />
        <OpenApiContract Include="specs/other.yaml" Namespace="Other.Api" ClientName="OtherClient" Overlays="overlays/nickname.yaml" />
        """);

    [Fact]
    public async Task Overlays_named_by_metadata_apply_in_order_and_an_edit_to_one_rebuilds()
    {
        using var project = ConsumerProject.Create("overlays");
        project.Write("specs/pets.yaml", Spec);
        project.Write("specs/other.yaml", Spec);
        project.Write("overlays/rename.yaml", Rename);
        project.Write("overlays/nickname.yaml", Nickname);
        project.Write("Consumer.csproj", ProjectFile());
        project.Write("Program.cs", Program);

        var first = await project.BuildAsync();

        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.Contains("public string? Nickname { get; init; }", project.GeneratedFile("PetsClient.Models.P.g.cs"));
        Assert.Contains("public string? Nickname { get; init; }", project.GeneratedFile("OtherClient.Models.P.g.cs"));
        Assert.Contains("Second overlay.", project.GeneratedFile("PetsClient.Client.g.cs"));
        Assert.Contains("GetPetByIdAsync", project.GeneratedFile("OtherClient.Client.g.cs"));

        project.Write("overlays/nickname.yaml", Nickname.Replace("Second overlay.", "Edited overlay.", System.StringComparison.Ordinal));
        var second = await project.BuildAsync();

        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.Contains("Edited overlay.", project.GeneratedFile("PetsClient.Client.g.cs"));
        var run = await DotNetCli.RunAsync(project.Directory, Path.Combine("bin", RepositoryPaths.Configuration, "net10.0", "Consumer.dll"));
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("RT", run.Output);
    }
}
