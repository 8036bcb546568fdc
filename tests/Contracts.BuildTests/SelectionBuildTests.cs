using System;
using System.IO;
using System.Threading.Tasks;
using Xunit;

namespace Contracts.BuildTests;

/// <summary>The filters of an <c>OpenApiContract</c> item reach the generator through the package's props and targets (docs/selection.md).</summary>
public sealed class SelectionBuildTests
{
    private const string Spec = """
        openapi: 3.0.3
        info: { title: Pets, version: '1' }
        servers: [{ url: 'https://pets.example.com' }]
        paths:
          /#ping:
            get:
              operationId: ping
              tags: [pets]
              responses:
                '204': { description: Alive. }
          /pets/{petId}:
            parameters:
              - { name: petId, in: path, required: true, schema: { type: string } }
            get:
              operationId: getPet
              tags: [pets]
              responses:
                '200':
                  description: The pet.
                  content:
                    application/json:
                      schema: { $ref: '#/components/schemas/Pet' }
            delete:
              operationId: deletePet
              tags: [pets]
              responses:
                '204': { description: Gone. }
          /stores/{storeId}:
            get:
              operationId: getStore
              tags: [stores]
              parameters:
                - { name: storeId, in: path, required: true, schema: { type: string } }
              responses:
                '200':
                  description: The store.
                  content:
                    application/json:
                      schema: { $ref: '#/components/schemas/Store' }
        components:
          schemas:
            Pet:
              type: object
              properties:
                name: { type: string }
            Store:
              type: object
              properties:
                city: { type: string }
        """;

    /// <remarks>
    /// The compiler reads item metadata from a generated .editorconfig, where <c>;</c> and <c>#</c> start a comment: the
    /// targets turn the separators into <c>,</c> and a path's <c>#</c> into <c>?</c>, so neither cuts a list short.
    /// </remarks>
    [Fact]
    public async Task The_item_metadata_selects_the_operations_and_a_filter_that_matches_nothing_warns()
    {
        using var project = ConsumerProject.Create("selection");
        project.Write("pets.yaml", Spec);
        project.Write("Consumer.csproj", ConsumerProject.ContractProjectFile(
            """<OpenApiContract Include="pets.yaml" Namespace="Consumer.Pets" ClientName="PetsClient" IncludeTags="pets;birds" IncludePaths="/pets/*;/#ping" ExcludeMethods="DELETE" />""",
            warningsAsErrors: false));
        project.Write("Program.cs", """
            using Consumer.Pets;
            IPetsClient client = new PetsClient(new HttpClient());
            Func<string, CancellationToken, Task<Pet>> get = (id, token) => client.GetPetAsync(id, token);
            Console.WriteLine(get.Method.Name.Length > 0);
            """);

        var build = await project.BuildAsync();

        Assert.True(build.ExitCode == 0, build.ToString());
        Assert.Contains("warning CTR132: IncludeTags entry 'birds' matches no operation of this document", build.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("IncludePaths entry", build.Output, StringComparison.Ordinal);
        var client = project.GeneratedFile("PetsClient.Client.g.cs");
        Assert.Contains("GetPetAsync(", client, StringComparison.Ordinal);
        Assert.Contains("PingAsync(", client, StringComparison.Ordinal);
        Assert.DoesNotContain("DeletePetAsync(", client, StringComparison.Ordinal);
        Assert.DoesNotContain("GetStoreAsync(", client, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(Path.GetDirectoryName(GeneratedPath(project, "PetsClient.Client.g.cs"))!, "PetsClient.Models.S.g.cs")), "Store is reached by no kept operation.");
    }

    private static string GeneratedPath(ConsumerProject project, string hintName) =>
        Path.Combine(project.Directory, "obj", RepositoryPaths.Configuration, "net10.0", "generated", "Contracts.Generator", "Contracts.Generator.ContractsGenerator", hintName);
}
