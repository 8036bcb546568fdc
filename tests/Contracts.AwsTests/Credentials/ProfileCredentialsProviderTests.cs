using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Contracts.Runtime.Aws;
using Xunit;

namespace Contracts.AwsTests.Credentials;

public sealed class ProfileCredentialsProviderTests
{
    private const string Secret = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYSECRETKEY";

    [Fact]
    public async Task Static_keys_of_the_selected_profile_are_read_with_the_session_token_and_the_credentials_file_wins()
    {
        using var home = new TempFolder("aws-profile");
        home.Write(".aws/config", "[profile dev]\naws_access_key_id = AKIDFROMCONFIG\nregion = ca-central-1\n");
        home.Write(".aws/credentials", "[default]\naws_access_key_id = AKIDDEFAULT\naws_secret_access_key = other\n[dev]\naws_access_key_id = AKIDDEVELOPER\naws_secret_access_key = " + Secret + "\naws_session_token = the-session-token\n");
        var environment = Environment(home, ("AWS_PROFILE", "dev"));

        var provider = new ProfileCredentialsProvider(environment: environment);
        var credentials = await provider.GetCredentialsAsync(CancellationToken.None);

        Assert.Equal("dev", provider.ProfileName);
        Assert.Equal("ca-central-1", provider.GetRegion());
        Assert.Equal("AKIDDEVELOPER", credentials.AccessKeyId);
        Assert.True(credentials.HasSessionToken);
        Assert.Null(credentials.Expiration);
        Assert.Equal("ProfileCredentialsProvider(dev)", provider.ToString());
        Assert.DoesNotContain(Secret, credentials.ToString(), StringComparison.Ordinal);
        Assert.Equal("AKIDDEFAULT", (await new ProfileCredentialsProvider("default", environment).GetCredentialsAsync(CancellationToken.None)).AccessKeyId);
    }

    [Fact]
    public async Task The_keys_sign_a_request_the_way_the_endpoint_checks_them()
    {
        // The secret itself is never public: prove it was read by a signature the verifier accepts.
        using var home = new TempFolder("aws-profile");
        home.Write(".aws/credentials", "[default]\naws_access_key_id = " + Infrastructure.TestCredentials.AccessKeyId + "\naws_secret_access_key = " + Infrastructure.TestCredentials.SecretAccessKey + "\n");
        var clock = new TestClock();
        await using var sts = await FakeSts.StartAsync(clock);
        sts.Trust(Infrastructure.TestCredentials.Create());
        home.Write(".aws/config", "[profile role]\nrole_arn = arn:aws:iam::123456789012:role/r\nsource_profile = default\n");

        var credentials = await new ProfileCredentialsProvider("role", StsEnvironment(home, sts, clock)).GetCredentialsAsync(CancellationToken.None);

        Assert.Equal(Infrastructure.TestCredentials.AccessKeyId, Assert.Single(sts.Calls).SignedBy);
        Assert.Null(sts.Calls[0].Error);
        Assert.StartsWith("ASIAISSUED", credentials.AccessKeyId, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_profile_names_the_profile_and_both_files()
    {
        using var home = new TempFolder("aws-profile");
        home.Write(".aws/credentials", "[default]\naws_access_key_id = AKIDDEFAULT\naws_secret_access_key = " + Secret + "\n");

        var exception = await Assert.ThrowsAsync<AwsCredentialsException>(() => new ProfileCredentialsProvider("prod", Environment(home)).GetCredentialsAsync(CancellationToken.None).AsTask());

        Assert.Contains("'prod' was not found", exception.Message, StringComparison.Ordinal);
        Assert.Contains(home.Combine(".aws/credentials"), exception.Message, StringComparison.Ordinal);
        Assert.Contains(home.Combine(".aws/config"), exception.Message, StringComparison.Ordinal);
        Assert.False(ProfileCredentialsProvider.ProfileExists("prod", Environment(home)));
        Assert.True(ProfileCredentialsProvider.ProfileExists(null, Environment(home)));
    }

    [Theory]
    [InlineData("[default]\naws_secret_access_key = " + Secret + "\n", "sets aws_secret_access_key but not aws_access_key_id")]
    [InlineData("[default]\nregion = us-east-1\n", "has no credentials")]
    [InlineData("[default]\nrole_arn = arn:aws:iam::1:role/r\n", "neither source_profile, credential_source nor web_identity_token_file")]
    [InlineData("[default]\nrole_arn = arn:aws:iam::1:role/r\nsource_profile = a\ncredential_source = Environment\n", "both source_profile and credential_source")]
    [InlineData("[default]\nrole_arn = arn:aws:iam::1:role/r\nsource_profile = default\n", "its own source_profile but has no aws_access_key_id")]
    [InlineData("[default]\nrole_arn = arn:aws:iam::1:role/r\nsource_profile = a\n[a]\nrole_arn = arn:aws:iam::1:role/a\nsource_profile = b\n[b]\nrole_arn = arn:aws:iam::1:role/b\nsource_profile = a\n", "form a loop: default → a → b → a")]
    [InlineData("[default]\nrole_arn = arn:aws:iam::1:role/r\nsource_profile = gone\n", "'gone' was not found")]
    [InlineData("[default]\nrole_arn = arn:aws:iam::1:role/r\nmfa_serial = arn:aws:iam::1:mfa/u\nsource_profile = default\naws_access_key_id = AKID\naws_secret_access_key = " + Secret + "\n", "requires an MFA code")]
    [InlineData("[default]\nrole_arn = arn:aws:iam::1:role/r\ncredential_source = Ec2InstanceMetadata\n", "credential_source = Ec2InstanceMetadata, which this provider cannot supply")]
    [InlineData("[default]\nrole_arn = arn:aws:iam::1:role/r\ncredential_source = Environment\nduration_seconds = 60\n", "duration_seconds = 60")]
    public async Task An_unusable_profile_says_why_without_showing_a_secret(string credentialsFile, string expected)
    {
        using var home = new TempFolder("aws-profile");
        home.Write(".aws/credentials", credentialsFile);

        var exception = await Assert.ThrowsAsync<AwsCredentialsException>(() => new ProfileCredentialsProvider("default", Environment(home)).GetCredentialsAsync(CancellationToken.None).AsTask());

        Assert.Contains(expected, exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_credential_source_is_asked_through_the_hook()
    {
        using var home = new TempFolder("aws-profile");
        home.Write(".aws/config", "[default]\nrole_arn = arn:aws:iam::123456789012:role/from-instance\ncredential_source = Ec2InstanceMetadata\n");
        var clock = new TestClock();
        await using var sts = await FakeSts.StartAsync(clock);
        var instance = new AwsCredentials("ASIAINSTANCE", "instance-secret", "instance-token");
        sts.Trust(instance);
        var asked = new List<string>();

        var provider = new ProfileCredentialsProvider("default", StsEnvironment(home, sts, clock))
        {
            CredentialSources = source =>
            {
                asked.Add(source);
                return source == ProfileCredentialsProvider.Ec2InstanceMetadataSource ? new StaticCredentialsProvider(instance) : null;
            },
        };
        await provider.GetCredentialsAsync(CancellationToken.None);

        Assert.Equal(["Ec2InstanceMetadata"], asked);
        Assert.Equal("ASIAINSTANCE", Assert.Single(sts.Calls).SignedBy);
        Assert.Null(sts.Calls[0].Error);
    }

    internal static AwsEnvironment Environment(TempFolder home, params (string Name, string Value)[] variables)
    {
        var all = new Dictionary<string, string> { ["HOME"] = home.Path };
        foreach (var (name, value) in variables)
        {
            all[name] = value;
        }

        return new AwsEnvironment { Variables = name => all.TryGetValue(name, out var value) ? value : null };
    }

    internal static AwsEnvironment StsEnvironment(TempFolder home, FakeSts sts, TestClock clock, params (string Name, string Value)[] variables)
    {
        var all = new Dictionary<string, string> { ["HOME"] = home.Path, ["AWS_ENDPOINT_URL_STS"] = sts.BaseAddress.ToString(), ["AWS_REGION"] = sts.Region };
        foreach (var (name, value) in variables)
        {
            all[name] = value;
        }

        return new AwsEnvironment { Variables = name => all.TryGetValue(name, out var value) ? value : null, Clock = () => clock.Now };
    }
}
