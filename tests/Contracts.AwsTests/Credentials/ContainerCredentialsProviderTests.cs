using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using Contracts.Runtime.Aws;
using Microsoft.AspNetCore.Http;
using Xunit;

namespace Contracts.AwsTests.Credentials;

/// <summary>The ECS / EKS Pod Identity container endpoint, stood in for by Kestrel on 127.0.0.1 (a loopback FULL_URI).</summary>
public sealed class ContainerCredentialsProviderTests
{
    internal const string SecretAccessKey = "containerSecretKEY/1234567890abcdefghij";
    internal const string SessionToken = "containerSessionTOKEN+abcdefghijklmnopqrstuvwxyz";

    internal static string CredentialsJson(string accessKeyId = "ASIACONTAINER", string expiration = "2026-12-07T06:00:00Z") =>
        "{\"RoleArn\":\"arn:aws:iam::123456789012:role/task\",\"AccessKeyId\":\"" + accessKeyId + "\",\"SecretAccessKey\":\"" + SecretAccessKey
        + "\",\"Token\":\"" + SessionToken + "\",\"Expiration\":\"" + expiration + "\"}";

    /// <summary>An endpoint that, like the EKS Pod Identity agent, answers only a request carrying the expected token.</summary>
    private static Task<LoopbackServer> EndpointAsync(Func<string> expectedToken) => LoopbackServer.StartAsync(context =>
        context.Request.Headers.Authorization.ToString() == expectedToken()
            ? LoopbackServer.Respond(context, 200, CredentialsJson())
            : LoopbackServer.Respond(context, 401, "{\"message\":\"bad token\"}"));

    [Fact]
    public async Task The_full_uri_is_called_with_the_token_of_the_token_file_read_again_on_each_call()
    {
        using var folder = new TempFolder("container");
        var tokenFile = folder.Write("eks-pod-identity-token", "first-token\n");
        var expected = "first-token";
        await using var server = await EndpointAsync(() => expected);
        var variables = new VariableSet(new Dictionary<string, string>
        {
            [ContainerCredentialsProvider.FullUriVariable] = server.BaseAddress + "v1/credentials",
            [ContainerCredentialsProvider.AuthorizationTokenFileVariable] = tokenFile,
            // The file wins over the variable, as in the AWS SDKs.
            [ContainerCredentialsProvider.AuthorizationTokenVariable] = "not-this-one",
        });
        var provider = new ContainerCredentialsProvider(variables.Environment);

        var credentials = await provider.GetCredentialsAsync(default);
        folder.Write("eks-pod-identity-token", "rotated-token");
        expected = "rotated-token";
        var rotated = await provider.GetCredentialsAsync(default);

        Assert.Equal("ASIACONTAINER", credentials.AccessKeyId);
        Assert.True(credentials.HasSessionToken);
        Assert.Equal(new DateTimeOffset(2026, 12, 7, 6, 0, 0, TimeSpan.Zero), credentials.Expiration);
        Assert.Equal("ASIACONTAINER", rotated.AccessKeyId);
        Assert.Equal(["/v1/credentials", "/v1/credentials"], [server.Requests[0].Path, server.Requests[1].Path]);
        Assert.Equal("first-token", server.Requests[0].Headers["Authorization"]);
        Assert.Equal("rotated-token", server.Requests[1].Headers["Authorization"]);
    }

    [Fact]
    public async Task The_token_variable_is_sent_when_there_is_no_token_file()
    {
        await using var server = await EndpointAsync(() => "ecs-token");
        var variables = new VariableSet(new Dictionary<string, string>
        {
            [ContainerCredentialsProvider.FullUriVariable] = server.BaseAddress + "creds",
            [ContainerCredentialsProvider.AuthorizationTokenVariable] = "ecs-token",
        });

        var credentials = await new ContainerCredentialsProvider(variables.Environment).GetCredentialsAsync(default);

        Assert.Equal("ASIACONTAINER", credentials.AccessKeyId);
        Assert.Equal("ecs-token", Assert.Single(server.Requests).Headers["Authorization"]);
    }

    [Fact]
    public async Task A_refused_token_is_an_error_naming_the_endpoint_and_the_token_settings_without_the_token()
    {
        await using var server = await EndpointAsync(() => "right-token");
        var variables = new VariableSet(new Dictionary<string, string>
        {
            [ContainerCredentialsProvider.FullUriVariable] = server.BaseAddress + "creds",
            [ContainerCredentialsProvider.AuthorizationTokenVariable] = "wrong-token-value",
        });

        var error = await Assert.ThrowsAsync<AwsCredentialsException>(() => new ContainerCredentialsProvider(variables.Environment).GetCredentialsAsync(default).AsTask());

        Assert.Contains("container credentials endpoint", error.Message, StringComparison.Ordinal);
        Assert.Contains("401", error.Message, StringComparison.Ordinal);
        Assert.Contains(ContainerCredentialsProvider.AuthorizationTokenVariable, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("wrong-token-value", error.ToString(), StringComparison.Ordinal);
        // A refusal is not retried: the token will not become right.
        Assert.Single(server.Requests);
    }

    [Theory]
    [InlineData("http://169.254.169.254/latest/meta-data/")]
    [InlineData("http://example.com/credentials")]
    [InlineData("http://10.0.0.5/credentials")]
    [InlineData("ftp://127.0.0.1/credentials")]
    public async Task A_full_uri_over_plain_http_to_another_host_is_refused_before_anything_is_sent(string uri)
    {
        var variables = new VariableSet(new Dictionary<string, string>
        {
            [ContainerCredentialsProvider.FullUriVariable] = uri,
            [ContainerCredentialsProvider.AuthorizationTokenVariable] = "token-that-must-stay-home",
        });

        var error = await Assert.ThrowsAsync<AwsCredentialsException>(() => new ContainerCredentialsProvider(variables.Environment).GetCredentialsAsync(default).AsTask());

        Assert.Contains(ContainerCredentialsProvider.FullUriVariable, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("token-that-must-stay-home", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_relative_uri_wins_over_the_full_uri()
    {
        await using var server = await EndpointAsync(() => string.Empty);
        var variables = new VariableSet(new Dictionary<string, string>
        {
            // Not a path: the error shows the relative form was the one read, and the full one was never called.
            [ContainerCredentialsProvider.RelativeUriVariable] = "v2/credentials/abc",
            [ContainerCredentialsProvider.FullUriVariable] = server.BaseAddress + "creds",
        });

        var error = await Assert.ThrowsAsync<AwsCredentialsException>(() => new ContainerCredentialsProvider(variables.Environment).GetCredentialsAsync(default).AsTask());

        Assert.Contains(ContainerCredentialsProvider.RelativeUriVariable, error.Message, StringComparison.Ordinal);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task A_token_with_a_line_break_is_refused_before_anything_is_sent()
    {
        await using var server = await EndpointAsync(() => string.Empty);
        using var folder = new TempFolder("container");
        var variables = new VariableSet(new Dictionary<string, string>
        {
            [ContainerCredentialsProvider.FullUriVariable] = server.BaseAddress + "creds",
            [ContainerCredentialsProvider.AuthorizationTokenFileVariable] = folder.Write("token", "token\nX-Injected: yes"),
        });

        var error = await Assert.ThrowsAsync<AwsCredentialsException>(() => new ContainerCredentialsProvider(variables.Environment).GetCredentialsAsync(default).AsTask());

        Assert.Contains("line break", error.Message, StringComparison.Ordinal);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task A_server_error_is_asked_again_and_the_secrets_of_the_answer_never_show()
    {
        var calls = 0;
        await using var server = await LoopbackServer.StartAsync(context =>
            System.Threading.Interlocked.Increment(ref calls) == 1 ? LoopbackServer.Respond(context, 503, string.Empty) : LoopbackServer.Respond(context, 200, CredentialsJson()));
        var variables = new VariableSet(new Dictionary<string, string> { [ContainerCredentialsProvider.FullUriVariable] = server.BaseAddress + "creds" });
        var provider = new ContainerCredentialsProvider(variables.Environment);

        var credentials = await provider.GetCredentialsAsync(default);

        Assert.Equal(2, server.Requests.Count);
        Assert.False(server.Requests[0].Headers.ContainsKey("Authorization"));
        Assert.DoesNotContain(SecretAccessKey, credentials.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(SessionToken, credentials.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("127.0.0.1", provider.ToString(), StringComparison.Ordinal);
    }
}
