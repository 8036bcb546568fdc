using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Contracts.Runtime.Aws;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace Contracts.AwsTests.Credentials;

/// <summary>IMDSv2 against a local stand-in: the session token, its TTL, its header on every request, and no IMDSv1.</summary>
public sealed class InstanceMetadataCredentialsProviderTests
{
    private static VariableSet Pointing(FakeInstanceMetadata fake) =>
        new(new Dictionary<string, string> { [InstanceMetadataCredentialsProvider.EndpointVariable] = fake.Server.BaseAddress.ToString() });

    [Fact]
    public async Task A_session_token_is_asked_for_then_the_role_and_its_credentials_are_read_with_it()
    {
        await using var fake = await FakeInstanceMetadata.StartAsync();
        var provider = new InstanceMetadataCredentialsProvider(Pointing(fake).Environment, new FakeTimeProvider());

        var credentials = await provider.GetCredentialsAsync(default);

        Assert.Equal("ASIAINSTANCE", credentials.AccessKeyId);
        Assert.True(credentials.HasSessionToken);
        Assert.Equal(new DateTimeOffset(2026, 12, 7, 6, 0, 0, TimeSpan.Zero), credentials.Expiration);
        Assert.Equal("21600", fake.LastTtl);
        Assert.Equal(
            ["PUT /latest/api/token", "GET /latest/meta-data/iam/security-credentials/", "GET /latest/meta-data/iam/security-credentials/" + FakeInstanceMetadata.Role],
            fake.Server.Requests.Select(r => r.Method + " " + r.Path));
        Assert.All(fake.Server.Requests.Skip(1), request => Assert.Equal("session-token-1", request.Headers["X-aws-ec2-metadata-token"]));
    }

    [Fact]
    public async Task The_session_token_is_reused_until_shortly_before_its_ttl_ends()
    {
        await using var fake = await FakeInstanceMetadata.StartAsync();
        var time = new FakeTimeProvider();
        var provider = new InstanceMetadataCredentialsProvider(Pointing(fake).Environment, time);

        await provider.GetCredentialsAsync(default);
        time.Advance(TimeSpan.FromHours(5) + TimeSpan.FromMinutes(58));
        await provider.GetCredentialsAsync(default);
        var tokensWithinTtl = fake.TokensIssued;
        time.Advance(TimeSpan.FromMinutes(1));
        await provider.GetCredentialsAsync(default);

        Assert.Equal(1, tokensWithinTtl);
        Assert.Equal(2, fake.TokensIssued);
        Assert.Equal("session-token-2", fake.Server.Requests.Last().Headers["X-aws-ec2-metadata-token"]);
    }

    [Fact]
    public async Task A_token_the_service_no_longer_knows_is_replaced_once()
    {
        await using var fake = await FakeInstanceMetadata.StartAsync();
        var provider = new InstanceMetadataCredentialsProvider(Pointing(fake).Environment, new FakeTimeProvider());
        await provider.GetCredentialsAsync(default);

        fake.RevokeTokens();
        var credentials = await provider.GetCredentialsAsync(default);

        Assert.Equal("ASIAINSTANCE", credentials.AccessKeyId);
        Assert.Equal(2, fake.TokensIssued);
    }

    [Theory]
    [InlineData(404)]
    [InlineData(405)]
    [InlineData(403)]
    public async Task A_refused_token_request_is_an_error_and_no_request_without_a_token_is_made(int status)
    {
        await using var fake = await FakeInstanceMetadata.StartAsync();
        fake.TokenStatus = status;

        var error = await Assert.ThrowsAsync<AwsCredentialsException>(() =>
            new InstanceMetadataCredentialsProvider(Pointing(fake).Environment).GetCredentialsAsync(default).AsTask());

        Assert.Contains(status.ToString(System.Globalization.CultureInfo.InvariantCulture), error.Message, StringComparison.Ordinal);
        Assert.Equal("PUT", Assert.Single(fake.Server.Requests).Method);
    }

    [Fact]
    public async Task A_failure_the_service_reports_in_its_code_is_an_error_naming_the_code_only()
    {
        await using var fake = await FakeInstanceMetadata.StartAsync();
        fake.CredentialsBody = "{\"Code\":\"AssumeRoleUnauthorizedAccess\",\"Message\":\"role arn:aws:iam::123456789012:role/secret-name cannot be assumed\"}";

        var error = await Assert.ThrowsAsync<AwsCredentialsException>(() =>
            new InstanceMetadataCredentialsProvider(Pointing(fake).Environment).GetCredentialsAsync(default).AsTask());

        Assert.Contains("AssumeRoleUnauthorizedAccess", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-name", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Turned_off_by_the_variable_nothing_is_sent()
    {
        await using var fake = await FakeInstanceMetadata.StartAsync();
        var variables = Pointing(fake);
        variables[InstanceMetadataCredentialsProvider.DisabledVariable] = "true";

        var error = await Assert.ThrowsAsync<AwsCredentialsException>(() =>
            new InstanceMetadataCredentialsProvider(variables.Environment).GetCredentialsAsync(default).AsTask());

        Assert.Contains(InstanceMetadataCredentialsProvider.DisabledVariable, error.Message, StringComparison.Ordinal);
        Assert.Empty(fake.Server.Requests);
    }

    [Fact]
    public async Task A_service_that_is_not_there_is_an_error_naming_its_address()
    {
        using var closed = new ClosedPort();
        var variables = new VariableSet(new Dictionary<string, string> { [InstanceMetadataCredentialsProvider.EndpointVariable] = closed.BaseAddress.ToString() });

        var error = await Assert.ThrowsAsync<AwsCredentialsException>(() =>
            new InstanceMetadataCredentialsProvider(variables.Environment).GetCredentialsAsync(default).AsTask());

        Assert.Contains("instance metadata service at " + closed.BaseAddress.GetLeftPart(UriPartial.Authority), error.Message, StringComparison.Ordinal);
    }
}
