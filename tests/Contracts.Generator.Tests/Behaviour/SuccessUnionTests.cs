using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using Contracts.Generator.Tests.Infrastructure;
using Xunit;

namespace Contracts.Generator.Tests.Behaviour;

/// <summary>Success responses with different JSON types (GitHub's 201 Deployment beside 202 {message}) return a union of them.</summary>
public sealed class SuccessUnionTests
{
    private const string Spec = """
        openapi: 3.0.3
        info: { title: Deploy, version: '1' }
        servers: [ { url: 'https://api.example.com' } ]
        paths:
          /deployments:
            post:
              operationId: CreateDeployment
              responses:
                '201':
                  description: Created.
                  content: { application/json: { schema: { $ref: '#/components/schemas/Deployment' } } }
                '202':
                  description: Merged branch.
                  content: { application/json: { schema: { type: object, required: [message], properties: { message: { type: string } } } } }
        components:
          schemas:
            Deployment:
              type: object
              required: [id, sha]
              properties: { id: { type: integer }, sha: { type: string } }
        """;

    [Theory]
    [InlineData(HttpStatusCode.Created, """{"id": 1, "sha": "a84d88e"}""", "Deployment")]
    [InlineData(HttpStatusCode.Accepted, """{"message": "Auto-merged master into topic-branch on deployment."}""", "CreateDeploymentResponse")]
    public async Task Each_success_response_is_read_as_its_own_case(HttpStatusCode status, string body, string caseName)
    {
        var run = GeneratorHarness.Run(SpecFile.Inline("deploy.yaml", Spec, "Contracts.Tests.Deploy", "DeployClient"));
        run.AssertNoGeneratorDiagnostics();
        using var output = LoadedOutput.Load(run);
        var handler = new RecordingHandler(status, body);
        var client = output.Create("Contracts.Tests.Deploy.DeployClient", [new System.Net.Http.HttpClient(handler), null]);

        var result = await LoadedOutput.InvokeAsync(client, "CreateDeploymentAsync", CancellationToken.None);

        Assert.Equal("CreateDeploymentResult", result!.GetType().BaseType!.Name);
        Assert.Equal(caseName, result.GetType().Name);
    }
}
