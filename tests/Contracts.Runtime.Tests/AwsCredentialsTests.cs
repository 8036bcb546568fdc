using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Contracts.Runtime.Aws;
using Contracts.Runtime.Tests.Infrastructure;
using Xunit;

namespace Contracts.Runtime.Tests;

/// <summary>Credentials and their providers: values are readable by the signer, never by a log.</summary>
public sealed class AwsCredentialsTests
{
    private const string Secret = SigV4Suite.SecretAccessKey;
    private const string Token = "TOKEN-VALUE-THAT-MUST-NOT-LEAK";

    [Fact]
    public void ToString_shows_a_shortened_key_id_and_never_the_secret_or_token()
    {
        var credentials = new AwsCredentials("AKIAIOSFODNN7EXAMPLE", Secret, Token);

        Assert.Equal("AwsCredentials(AKIA…MPLE, secret: ***, session token: ***)", credentials.ToString());
        Assert.Equal("AwsCredentials(AKIA…MPLE, secret: ***)", new AwsCredentials("AKIAIOSFODNN7EXAMPLE", Secret).ToString());
        Assert.DoesNotContain(Secret, $"{credentials}", StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, new StaticCredentialsProvider(credentials).ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(Token, new StaticCredentialsProvider(credentials).ToString(), StringComparison.Ordinal);
        Assert.True(credentials.HasSessionToken);
    }

    [Fact]
    public void Only_the_access_key_id_is_public()
    {
        // Nothing a serializer or a property dump can reach holds the secret or the token.
        foreach (var property in typeof(AwsCredentials).GetProperties())
        {
            Assert.Contains(property.Name, new[] { nameof(AwsCredentials.AccessKeyId), nameof(AwsCredentials.HasSessionToken), nameof(AwsCredentials.Expiration) });
        }
    }

    [Theory]
    [InlineData("", Secret, null, "accessKeyId")]
    [InlineData("AKIDEXAMPLE", "", null, "secretAccessKey")]
    [InlineData("AKIDEXAMPLE", "SECRET-PART\r\nInjected: header", null, "secretAccessKey")]
    [InlineData("AKIDEXAMPLE", Secret, "TOKEN-PART\nX", "sessionToken")]
    public void Invalid_values_are_refused_without_being_repeated(string accessKeyId, string secret, string? token, string parameter)
    {
        var error = Assert.ThrowsAny<ArgumentException>(() => new AwsCredentials(accessKeyId, secret, token));

        Assert.Equal(parameter, error.ParamName);
        Assert.DoesNotContain("SECRET-PART", error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("TOKEN-PART", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Environment_provider_reads_the_three_variables()
    {
        var provider = Environment(("AWS_ACCESS_KEY_ID", "AKIDEXAMPLE"), ("AWS_SECRET_ACCESS_KEY", Secret + "\n"), ("AWS_SESSION_TOKEN", Token));

        var credentials = await provider.GetCredentialsAsync(CancellationToken.None);

        Assert.Equal("AKIDEXAMPLE", credentials.AccessKeyId);
        Assert.True(credentials.HasSessionToken);
        // The secret (trimmed of the newline) is the one the signer uses: same key as the suite's.
        Assert.Equal(
            SigV4Signer.SigningKey(SigV4Suite.Credentials, SigV4Suite.Time, "us-east-1", "service"),
            SigV4Signer.SigningKey(credentials, SigV4Suite.Time, "us-east-1", "service"));
    }

    [Fact]
    public async Task Environment_provider_treats_a_missing_or_blank_token_as_long_term_credentials()
    {
        var provider = Environment(("AWS_ACCESS_KEY_ID", "AKIDEXAMPLE"), ("AWS_SECRET_ACCESS_KEY", Secret), ("AWS_SESSION_TOKEN", "  "));

        Assert.False((await provider.GetCredentialsAsync(CancellationToken.None)).HasSessionToken);
    }

    [Fact]
    public async Task Environment_provider_names_the_missing_variables_and_no_values()
    {
        var none = await Assert.ThrowsAsync<AwsCredentialsException>(() => Environment().GetCredentialsAsync(CancellationToken.None).AsTask());
        Assert.Contains("AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY are not set", none.Message, StringComparison.Ordinal);

        var noSecret = await Assert.ThrowsAsync<AwsCredentialsException>(() =>
            Environment(("AWS_ACCESS_KEY_ID", "AKIDEXAMPLE"), ("AWS_SESSION_TOKEN", Token)).GetCredentialsAsync(CancellationToken.None).AsTask());
        Assert.Contains("AWS_SECRET_ACCESS_KEY is not set", noSecret.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("AKIDEXAMPLE", noSecret.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Token, noSecret.Message, StringComparison.Ordinal);

        var noKeyId = await Assert.ThrowsAsync<AwsCredentialsException>(() =>
            Environment(("AWS_SECRET_ACCESS_KEY", Secret)).GetCredentialsAsync(CancellationToken.None).AsTask());
        Assert.Contains("AWS_ACCESS_KEY_ID is not set", noKeyId.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, noKeyId.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Environment_provider_reports_an_unusable_value_by_variable_name_only()
    {
        var provider = Environment(("AWS_ACCESS_KEY_ID", "AKIDEXAMPLE"), ("AWS_SECRET_ACCESS_KEY", Secret), ("AWS_SESSION_TOKEN", "TOKEN-PART\u0001rest"));

        var error = await Assert.ThrowsAsync<AwsCredentialsException>(() => provider.GetCredentialsAsync(CancellationToken.None).AsTask());

        Assert.Contains("AWS_SESSION_TOKEN", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("TOKEN-PART", error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Environment_provider_reads_again_on_every_call()
    {
        var variables = new Dictionary<string, string?> { ["AWS_ACCESS_KEY_ID"] = "AKIDFIRST", ["AWS_SECRET_ACCESS_KEY"] = Secret };
        var provider = new EnvironmentCredentialsProvider(name => variables.GetValueOrDefault(name));

        Assert.Equal("AKIDFIRST", (await provider.GetCredentialsAsync(CancellationToken.None)).AccessKeyId);
        variables["AWS_ACCESS_KEY_ID"] = "AKIDSECOND";
        Assert.Equal("AKIDSECOND", (await provider.GetCredentialsAsync(CancellationToken.None)).AccessKeyId);
    }

    private static EnvironmentCredentialsProvider Environment(params (string Name, string Value)[] variables)
    {
        var map = new Dictionary<string, string>();
        foreach (var (name, value) in variables)
        {
            map[name] = value;
        }

        return new EnvironmentCredentialsProvider(name => map.GetValueOrDefault(name));
    }
}
