using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Reflection;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Contracts.Generator.Tests.Infrastructure;
using Xunit;

namespace Contracts.Generator.Tests.Behaviour;

/// <summary>
/// OpenAI's published description (spec/vendors/openai, MIT): its <c>ApiKeyAuth</c> (http bearer) scheme is configured in
/// one line of user code, compiled with the generated client, and every call carries <c>Authorization: Bearer …</c>;
/// the admin operations, which declare <c>AdminApiKeyAuth</c> instead, refuse to send without that key.
/// </summary>
public sealed class OpenAiAuthenticationTests
{
    // What a user writes: the whole configuration is the target-typed credential in the options initializer.
    private const string UserCode = """
        namespace Contracts.Tests.App
        {
            public static class UserCode
            {
                public static global::Contracts.Tests.OpenAI.OpenAIClient Create(global::System.Net.Http.HttpClient httpClient, string apiKey) =>
                    new(httpClient, new global::Contracts.Tests.OpenAI.OpenAIClientOptions { ApiKeyAuth = new(apiKey) });
            }
        }
        """;

    [Fact]
    public async Task The_bearer_credential_configured_in_one_line_is_sent_and_the_admin_key_is_required_where_declared()
    {
        var spec = SpecFile.Inline("openai.yaml", File.ReadAllText(RepositoryPaths.Combine("spec", "vendors", "openai", "openapi.yaml")), "Contracts.Tests.OpenAI", "OpenAIClient");
        var texts = new[] { spec }.Select(s => (Microsoft.CodeAnalysis.AdditionalText)s.ToAdditionalText()).ToImmutableArray();
        var run = GeneratorHarness.Run(GeneratorHarness.CreateDriver([spec], texts), GeneratorHarness.CreateCompilation(UserCode), texts);
        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Id is "CTR115" or "CTR116");
        using var loaded = LoadedOutput.Load(run);
        await CallAsync(loaded.Assembly);
    }

    private static async Task CallAsync(Assembly generated)
    {
        var handler = new ScriptedHandler(_ => ScriptedHandler.Respond(HttpStatusCode.OK, new StringContent("""{"object": "list", "data": []}""", Encoding.UTF8, "application/json")));
        using var httpClient = new HttpClient(handler);
        var client = generated.GetType("Contracts.Tests.App.UserCode", throwOnError: true)!.GetMethod("Create")!.Invoke(null, [httpClient, "sk-test-123"])!;

        await LoadedOutput.InvokeAsync(client, "ListModelsAsync", CancellationToken.None);

        var sent = Assert.Single(handler.Requests);
        Assert.Equal("https://api.openai.com/v1/models", sent.Uri);
        Assert.Equal("Bearer sk-test-123", sent.Single("Authorization"));

        // admin-api-keys-list declares AdminApiKeyAuth only: the configured ApiKeyAuth does not satisfy it.
        var exception = await Assert.ThrowsAnyAsync<InvalidOperationException>(() => LoadedOutput.InvokeAsync(client, "AdminApiKeysListAsync"));
        Assert.Equal("CredentialNotConfiguredException", exception.GetType().Name);
        Assert.Contains("AdminApiKeyAuth", exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("sk-test-123", exception.Message, StringComparison.Ordinal);
        Assert.Single(handler.Requests);
    }
}
