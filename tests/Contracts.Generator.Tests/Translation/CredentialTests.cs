using System.Linq;
using System.Text.RegularExpressions;
using Contracts.Generator.Translation.Naming;
using Contracts.Generator.Tests.Infrastructure;
using Xunit;

namespace Contracts.Generator.Tests.Translation;

/// <summary>
/// Which members and parameters hold credentials: a member by its name, <c>format: password</c> or <c>writeOnly</c> (hidden
/// from a record's <c>ToString()</c>); a path parameter by the same rule is marked on the request, so that the runtime,
/// which sees only the URL, keeps its value out of exception messages.
/// </summary>
public sealed class CredentialTests
{
    [Theory]
    [InlineData("secretAccessKey", null, false, true)]
    [InlineData("password", null, false, true)]
    [InlineData("sessionToken", null, false, true)]
    [InlineData("api_key", null, false, true)]
    [InlineData("privateKey", null, false, true)]
    [InlineData("pin", "password", false, true)]
    [InlineData("newValue", null, true, true)]
    [InlineData("nextPageToken", null, false, false)]
    [InlineData("pageToken", null, false, false)]
    [InlineData("accessKeyId", null, false, false)]
    [InlineData("tokenizer", null, false, false)]
    public void Members_are_secret_by_name_format_or_writeOnly(string name, string? format, bool writeOnly, bool expected)
    {
        Assert.Equal(expected, Secrets.IsSecret(name, format, writeOnly));
    }

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
