using System;
using Contracts.Runtime.Authentication;
using Xunit;

namespace Contracts.Runtime.Tests.Authentication;

/// <summary>Credentials are printed in logs and debuggers: what they print never holds a secret.</summary>
public sealed class CredentialTextTests
{
    [Fact]
    public void No_credential_prints_its_secret()
    {
        var printed = string.Join(
            "\n",
            new ApiKeyCredential("key-secret-1").ToString(),
            new ApiKeyCredential { KeyProvider = _ => new("key-secret-2") }.ToString(),
            new BearerCredential("token-secret-3").ToString(),
            new BasicCredential("alice", "password-secret-4").ToString(),
            new AuthorizationCredential("value-secret-5").ToString(),
            new OAuth2Credential { ClientId = "client-7", ClientSecret = "client-secret-6", Scopes = { "read" }, TokenEndpoint = new Uri("https://auth.example/token?key=query-secret-8") }.ToString(),
            new AccessToken("access-secret-9", DateTimeOffset.UnixEpoch).ToString(),
            new OAuth2ClientCredentialsProvider(new System.Net.Http.HttpClient(), new Uri("https://auth.example/token?key=query-secret-10"), "client-7", "client-secret-11").ToString());

        for (var i = 1; i <= 11; i++)
        {
            Assert.DoesNotContain("-secret-" + i, printed, StringComparison.Ordinal);
        }

        Assert.Contains("alice", printed, StringComparison.Ordinal);
        Assert.Contains("client-7", printed, StringComparison.Ordinal);
        Assert.Contains("***", printed, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unset_credential_says_so()
    {
        Assert.Contains("(none)", new BearerCredential().ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("***", new BearerCredential().ToString(), StringComparison.Ordinal);
    }
}
