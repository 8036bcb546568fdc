using System.Linq;
using System.Text.RegularExpressions;
using Contracts.Generator.Tests.Infrastructure;
using Xunit;

namespace Contracts.Generator.Tests;

/// <summary>
/// A path parameter that holds a credential (by its name or <c>format: password</c>, the rule for members) is marked
/// on the request, so that the runtime, which sees only the URL, keeps its value out of exception messages.
/// </summary>
public sealed class PathCredentialTests
{
    [Fact]
    public void Only_credential_path_parameters_are_marked()
    {
        const string Spec = """
            openapi: 3.0.3
            info: { title: Keys, version: '1' }
            servers: [ { url: 'https://api.example.com' } ]
            paths:
              /keys/{apiKey}/users/{userId}:
                get:
                  operationId: GetKeyUser
                  parameters:
                    - { name: apiKey, in: path, required: true, schema: { type: string } }
                    - { name: userId, in: path, required: true, schema: { type: string } }
                    - { name: access_token, in: query, schema: { type: string } }
                  responses:
                    '204': { description: ok }
              /pins/{pin}/pages/{nextPageToken}:
                get:
                  operationId: GetPin
                  parameters:
                    - { name: pin, in: path, required: true, schema: { type: integer, format: int32 } }
                    - { name: nextPageToken, in: path, required: true, schema: { type: string } }
                  responses:
                    '204': { description: ok }
              /passwords/{password}:
                get:
                  operationId: GetPassword
                  parameters:
                    - { name: password, in: path, required: true, schema: { type: string, format: password } }
                  responses:
                    '204': { description: ok }
            """;

        var run = GeneratorHarness.Run(SpecFile.Inline("keys.yaml", Spec, "Contracts.Tests.Keys", "KeysClient"));

        run.AssertCompilesCleanly();
        var client = run.Source("KeysClient.Client.g.cs");
        var marked = Regex.Matches(client, @"MarkCredential\(__request, ([^;]*)\);").Select(match => match.Groups[1].Value).ToArray();
        Assert.Equal(["apiKey", "password"], marked);
    }
}
