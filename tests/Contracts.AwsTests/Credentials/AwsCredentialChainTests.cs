using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Contracts.Runtime.Aws;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace Contracts.AwsTests.Credentials;

/// <summary>
/// The default chain through the environment seam: which source wins, that a configured source's failure names it
/// rather than falling through, that the source is remembered, and the error when nothing is configured.
/// </summary>
public sealed class AwsCredentialChainTests
{
    private const string EnvironmentSecret = "environmentSecretKEY/abcdefghijklmnop";

    private static Dictionary<string, string> EnvironmentKeys() => new()
    {
        [EnvironmentCredentialsProvider.AccessKeyIdVariable] = "AKIAFROMENVIRONMENT",
        [EnvironmentCredentialsProvider.SecretAccessKeyVariable] = EnvironmentSecret,
    };

    private static Task<LoopbackServer> ContainerEndpointAsync(int status = 200) =>
        LoopbackServer.StartAsync(context => LoopbackServer.Respond(context, status, status == 200 ? ContainerCredentialsProviderTests.CredentialsJson() : string.Empty));

    [Fact]
    public async Task The_environment_wins_over_the_container_endpoint_and_the_instance_metadata_service()
    {
        await using var container = await ContainerEndpointAsync();
        await using var metadata = await FakeInstanceMetadata.StartAsync();
        var values = EnvironmentKeys();
        values[ContainerCredentialsProvider.FullUriVariable] = container.BaseAddress + "creds";
        values[InstanceMetadataCredentialsProvider.EndpointVariable] = metadata.Server.BaseAddress.ToString();
        var chain = new AwsCredentialChain(new VariableSet(values).Environment, new FakeTimeProvider());

        var credentials = await chain.GetCredentialsAsync(default);

        Assert.Equal("AKIAFROMENVIRONMENT", credentials.AccessKeyId);
        Assert.Equal("the environment", chain.Source);
        Assert.Empty(container.Requests);
        Assert.Empty(metadata.Server.Requests);
    }

    [Fact]
    public async Task The_container_endpoint_wins_over_the_instance_metadata_service_and_is_asked_once_per_expiry()
    {
        await using var container = await ContainerEndpointAsync();
        await using var metadata = await FakeInstanceMetadata.StartAsync();
        var variables = new VariableSet(new Dictionary<string, string>
        {
            [ContainerCredentialsProvider.FullUriVariable] = container.BaseAddress + "creds",
            [InstanceMetadataCredentialsProvider.EndpointVariable] = metadata.Server.BaseAddress.ToString(),
        });
        var chain = new AwsCredentialChain(variables.Environment, new FakeTimeProvider(new DateTimeOffset(2026, 12, 7, 0, 0, 0, TimeSpan.Zero)));

        var first = await chain.GetCredentialsAsync(default);
        var second = await chain.GetCredentialsAsync(default);

        Assert.Equal("ASIACONTAINER", first.AccessKeyId);
        Assert.Same(first, second);
        Assert.Single(container.Requests);
        Assert.Empty(metadata.Server.Requests);
        Assert.Equal("AwsCredentialChain(the container endpoint)", chain.ToString());
    }

    [Fact]
    public async Task The_instance_metadata_service_is_the_last_resort()
    {
        await using var metadata = await FakeInstanceMetadata.StartAsync();
        var variables = new VariableSet(new Dictionary<string, string> { [InstanceMetadataCredentialsProvider.EndpointVariable] = metadata.Server.BaseAddress.ToString() });
        var chain = new AwsCredentialChain(variables.Environment, new FakeTimeProvider());

        var credentials = await chain.GetCredentialsAsync(default);

        Assert.Equal("ASIAINSTANCE", credentials.AccessKeyId);
        Assert.Equal("the instance metadata service", chain.Source);
    }

    [Fact]
    public async Task A_configured_source_that_fails_is_an_error_naming_it_and_nothing_falls_through()
    {
        await using var container = await ContainerEndpointAsync(status: 403);
        await using var metadata = await FakeInstanceMetadata.StartAsync();
        var variables = new VariableSet(new Dictionary<string, string>
        {
            [ContainerCredentialsProvider.FullUriVariable] = container.BaseAddress + "creds",
            [InstanceMetadataCredentialsProvider.EndpointVariable] = metadata.Server.BaseAddress.ToString(),
        });
        var chain = new AwsCredentialChain(variables.Environment, new FakeTimeProvider());

        var error = await Assert.ThrowsAsync<AwsCredentialsException>(() => chain.GetCredentialsAsync(default).AsTask());

        Assert.StartsWith("The AWS credentials from the container endpoint could not be loaded: ", error.Message, StringComparison.Ordinal);
        Assert.Contains("403", error.Message, StringComparison.Ordinal);
        Assert.Empty(metadata.Server.Requests);
        Assert.Null(chain.Source);
    }

    [Fact]
    public async Task A_partial_environment_is_an_error_naming_the_missing_variable()
    {
        await using var metadata = await FakeInstanceMetadata.StartAsync();
        var variables = new VariableSet(new Dictionary<string, string>
        {
            [EnvironmentCredentialsProvider.AccessKeyIdVariable] = "AKIAFROMENVIRONMENT",
            [InstanceMetadataCredentialsProvider.EndpointVariable] = metadata.Server.BaseAddress.ToString(),
        });

        var error = await Assert.ThrowsAsync<AwsCredentialsException>(() => new AwsCredentialChain(variables.Environment).GetCredentialsAsync(default).AsTask());

        Assert.Contains("the environment", error.Message, StringComparison.Ordinal);
        Assert.Contains(EnvironmentCredentialsProvider.SecretAccessKeyVariable, error.Message, StringComparison.Ordinal);
        Assert.Empty(metadata.Server.Requests);
    }

    [Fact]
    public async Task With_nothing_configured_the_error_lists_every_source_and_why()
    {
        var variables = new VariableSet(new Dictionary<string, string> { [InstanceMetadataCredentialsProvider.DisabledVariable] = "true" });

        var error = await Assert.ThrowsAsync<AwsCredentialsException>(() => new AwsCredentialChain(variables.Environment).GetCredentialsAsync(default).AsTask());

        Assert.StartsWith("No AWS credentials were found. Not configured: ", error.Message, StringComparison.Ordinal);
        Assert.Contains("the environment (AWS_ACCESS_KEY_ID is not set)", error.Message, StringComparison.Ordinal);
        Assert.Contains("the container endpoint (AWS_CONTAINER_CREDENTIALS_RELATIVE_URI and AWS_CONTAINER_CREDENTIALS_FULL_URI are not set)", error.Message, StringComparison.Ordinal);
        Assert.Contains("the instance metadata service (turned off by AWS_EC2_METADATA_DISABLED)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Off_ec2_the_error_lists_what_was_tried_and_why_the_metadata_service_failed()
    {
        using var closed = new ClosedPort();
        var variables = new VariableSet(new Dictionary<string, string> { [InstanceMetadataCredentialsProvider.EndpointVariable] = closed.BaseAddress.ToString() });

        var error = await Assert.ThrowsAsync<AwsCredentialsException>(() => new AwsCredentialChain(variables.Environment).GetCredentialsAsync(default).AsTask());

        Assert.StartsWith("No AWS credentials were found. Not configured: the environment (", error.Message, StringComparison.Ordinal);
        Assert.Contains("; and the instance metadata service: the instance metadata service at " + closed.BaseAddress.GetLeftPart(UriPartial.Authority), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Until_a_source_has_worked_every_call_looks_again_and_after_it_has_the_source_is_kept()
    {
        await using var container = await ContainerEndpointAsync();
        var variables = new VariableSet(new Dictionary<string, string> { [InstanceMetadataCredentialsProvider.DisabledVariable] = "true" });
        var chain = new AwsCredentialChain(variables.Environment, new FakeTimeProvider());
        await Assert.ThrowsAsync<AwsCredentialsException>(() => chain.GetCredentialsAsync(default).AsTask());

        variables[ContainerCredentialsProvider.FullUriVariable] = container.BaseAddress + "creds";
        var found = await chain.GetCredentialsAsync(default);
        variables[EnvironmentCredentialsProvider.AccessKeyIdVariable] = "AKIAFROMENVIRONMENT";
        variables[EnvironmentCredentialsProvider.SecretAccessKeyVariable] = EnvironmentSecret;
        var kept = await chain.GetCredentialsAsync(default);

        Assert.Equal("ASIACONTAINER", found.AccessKeyId);
        Assert.Equal("ASIACONTAINER", kept.AccessKeyId);
        Assert.Equal("the container endpoint", chain.Source);
    }

    [Fact]
    public async Task The_environment_wins_over_a_profile_and_a_profile_wins_over_the_container_endpoint()
    {
        using var home = new TempFolder("chain");
        home.Write(".aws/credentials", "[default]\naws_access_key_id = AKIAFROMPROFILE\naws_secret_access_key = profileSecretKEY/abcdefghijklmnop\n");
        await using var container = await ContainerEndpointAsync();
        var values = EnvironmentKeys();
        values[ContainerCredentialsProvider.FullUriVariable] = container.BaseAddress + "creds";
        var withEnvironment = new AwsCredentialChain(new VariableSet(values, home.Path).Environment);
        var withoutEnvironment = new AwsCredentialChain(
            new VariableSet(new Dictionary<string, string> { [ContainerCredentialsProvider.FullUriVariable] = container.BaseAddress + "creds" }, home.Path).Environment);

        var fromEnvironment = await withEnvironment.GetCredentialsAsync(default);
        var fromProfile = await withoutEnvironment.GetCredentialsAsync(default);

        Assert.Equal("AKIAFROMENVIRONMENT", fromEnvironment.AccessKeyId);
        Assert.Equal("AKIAFROMPROFILE", fromProfile.AccessKeyId);
        Assert.Equal("a profile", withoutEnvironment.Source);
        Assert.Empty(container.Requests);
    }

    [Fact]
    public async Task A_profile_that_only_sets_a_region_is_passed_over()
    {
        using var home = new TempFolder("chain");
        home.Write(".aws/config", "[default]\nregion = eu-west-1\n");
        await using var container = await ContainerEndpointAsync();
        var variables = new VariableSet(new Dictionary<string, string> { [ContainerCredentialsProvider.FullUriVariable] = container.BaseAddress + "creds" }, home.Path);
        var chain = new AwsCredentialChain(variables.Environment, new FakeTimeProvider());

        var credentials = await chain.GetCredentialsAsync(default);

        Assert.Equal("ASIACONTAINER", credentials.AccessKeyId);
        Assert.Equal("the container endpoint", chain.Source);
    }

    [Fact]
    public async Task A_profile_named_by_AWS_PROFILE_that_does_not_exist_is_an_error_and_nothing_falls_through()
    {
        using var home = new TempFolder("chain");
        home.Write(".aws/config", "[default]\nregion = eu-west-1\n");
        await using var container = await ContainerEndpointAsync();
        var variables = new VariableSet(new Dictionary<string, string>
        {
            ["AWS_PROFILE"] = "production",
            [ContainerCredentialsProvider.FullUriVariable] = container.BaseAddress + "creds",
        }, home.Path);

        var error = await Assert.ThrowsAsync<AwsCredentialsException>(() => new AwsCredentialChain(variables.Environment).GetCredentialsAsync(default).AsTask());

        Assert.StartsWith("The AWS credentials from a profile could not be loaded: ", error.Message, StringComparison.Ordinal);
        Assert.Contains("'production'", error.Message, StringComparison.Ordinal);
        Assert.Empty(container.Requests);
    }

    [Fact]
    public async Task A_profiles_credential_source_EcsContainer_is_the_chains_container_provider()
    {
        using var home = new TempFolder("chain");
        home.Write(".aws/config", "[default]\nrole_arn = arn:aws:iam::123456789012:role/deploy\ncredential_source = EcsContainer\n");
        await using var container = await ContainerEndpointAsync();
        var clock = new TestClock();
        await using var sts = await FakeSts.StartAsync(clock);
        sts.Trust(new AwsCredentials("ASIACONTAINER", ContainerCredentialsProviderTests.SecretAccessKey, ContainerCredentialsProviderTests.SessionToken));
        var values = new Dictionary<string, string>
        {
            ["AWS_ENDPOINT_URL_STS"] = sts.BaseAddress.ToString(),
            [AwsRegion.RegionVariable] = sts.Region,
            [ContainerCredentialsProvider.FullUriVariable] = container.BaseAddress + "creds",
        };
        var environment = new AwsEnvironment
        {
            Variables = name => values.TryGetValue(name, out var value) ? value : null,
            HomeDirectory = home.Path,
            Clock = () => clock.Now,
        };
        var chain = new AwsCredentialChain(environment);

        var credentials = await chain.GetCredentialsAsync(default);

        Assert.Equal("a profile", chain.Source);
        Assert.Single(container.Requests);
        var call = Assert.Single(sts.Calls);
        Assert.Null(call.Error);
        Assert.Equal("ASIACONTAINER", call.SignedBy);
        Assert.NotEqual("ASIACONTAINER", credentials.AccessKeyId);
    }
}
