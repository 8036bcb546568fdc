using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Contracts.AwsTests.Infrastructure;
using Contracts.Runtime.Aws;
using Xunit;
using static Contracts.AwsTests.Credentials.ProfileCredentialsProviderTests;

namespace Contracts.AwsTests.Credentials;

public sealed class AssumeRoleTests
{
    [Fact]
    public async Task A_role_is_assumed_with_the_profile_settings_and_the_expiration_is_read_back()
    {
        using var home = new TempFolder("aws-assume");
        home.Write(".aws/credentials", "[base]\naws_access_key_id = " + TestCredentials.AccessKeyId + "\naws_secret_access_key = " + TestCredentials.SecretAccessKey + "\n");
        home.Write(".aws/config", """
            [profile deploy]
            role_arn = arn:aws:iam::123456789012:role/deployer
            source_profile = base
            external_id = partner-external-id
            role_session_name = ci-run-42
            duration_seconds = 1800
            """);
        var clock = new TestClock();
        await using var sts = await FakeSts.StartAsync(clock);
        sts.Trust(TestCredentials.Create());

        var credentials = await new ProfileCredentialsProvider("deploy", StsEnvironment(home, sts, clock)).GetCredentialsAsync(CancellationToken.None);

        var call = Assert.Single(sts.Calls);
        Assert.Null(call.Error);
        Assert.Equal("AssumeRole", call.Action);
        Assert.Equal(TestCredentials.AccessKeyId, call.SignedBy);
        Assert.Equal("arn:aws:iam::123456789012:role/deployer", call.Parameters["RoleArn"]);
        Assert.Equal("ci-run-42", call.Parameters["RoleSessionName"]);
        Assert.Equal("partner-external-id", call.Parameters["ExternalId"]);
        Assert.Equal("1800", call.Parameters["DurationSeconds"]);
        Assert.StartsWith("application/x-www-form-urlencoded", call.ContentType, StringComparison.Ordinal);
        Assert.Equal("ASIAISSUED000001", credentials.AccessKeyId);
        Assert.True(credentials.HasSessionToken);
        Assert.Equal(clock.Now + sts.Lifetime, credentials.Expiration);
    }

    [Fact]
    public async Task Roles_chain_through_source_profiles_each_signed_by_the_credentials_before_it()
    {
        using var home = new TempFolder("aws-assume");
        home.Write(".aws/credentials", "[base]\naws_access_key_id = " + TestCredentials.AccessKeyId + "\naws_secret_access_key = " + TestCredentials.SecretAccessKey + "\n");
        home.Write(".aws/config", """
            [profile hop]
            role_arn = arn:aws:iam::111111111111:role/hop
            source_profile = base

            [profile target]
            role_arn = arn:aws:iam::222222222222:role/target
            source_profile = hop
            """);
        var clock = new TestClock();
        await using var sts = await FakeSts.StartAsync(clock);
        sts.Trust(TestCredentials.Create());

        var credentials = await new ProfileCredentialsProvider("target", StsEnvironment(home, sts, clock)).GetCredentialsAsync(CancellationToken.None);

        Assert.Equal(
            [("arn:aws:iam::111111111111:role/hop", TestCredentials.AccessKeyId), ("arn:aws:iam::222222222222:role/target", "ASIAISSUED000001")],
            sts.Calls.Select(c => (c.Parameters["RoleArn"], c.SignedBy!)));
        Assert.All(sts.Calls, c => Assert.Null(c.Error));
        Assert.Equal("ASIAISSUED000002", credentials.AccessKeyId);
    }

    [Fact]
    public async Task A_profile_that_is_its_own_source_uses_its_keys()
    {
        using var home = new TempFolder("aws-assume");
        home.Write(".aws/credentials", "[self]\naws_access_key_id = " + TestCredentials.AccessKeyId + "\naws_secret_access_key = " + TestCredentials.SecretAccessKey + "\nrole_arn = arn:aws:iam::1:role/r\nsource_profile = self\n");
        var clock = new TestClock();
        await using var sts = await FakeSts.StartAsync(clock);
        sts.Trust(TestCredentials.Create());

        var credentials = await new ProfileCredentialsProvider("self", StsEnvironment(home, sts, clock)).GetCredentialsAsync(CancellationToken.None);

        Assert.Equal(TestCredentials.AccessKeyId, Assert.Single(sts.Calls).SignedBy);
        Assert.Equal("ASIAISSUED000001", credentials.AccessKeyId);
    }

    [Fact]
    public async Task Assumed_credentials_are_kept_until_five_minutes_before_they_expire_and_concurrent_callers_share_one_call()
    {
        using var home = new TempFolder("aws-assume");
        home.Write(".aws/credentials", "[base]\naws_access_key_id = " + TestCredentials.AccessKeyId + "\naws_secret_access_key = " + TestCredentials.SecretAccessKey + "\n");
        home.Write(".aws/config", "[default]\nrole_arn = arn:aws:iam::1:role/r\nsource_profile = base\n");
        var clock = new TestClock();
        await using var sts = await FakeSts.StartAsync(clock);
        sts.Trust(TestCredentials.Create());
        var provider = new ProfileCredentialsProvider(null, StsEnvironment(home, sts, clock));

        var first = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => provider.GetCredentialsAsync(CancellationToken.None).AsTask()));
        clock.Advance(sts.Lifetime - TimeSpan.FromMinutes(5) - TimeSpan.FromSeconds(1));
        var stillCached = await provider.GetCredentialsAsync(CancellationToken.None);
        clock.Advance(TimeSpan.FromSeconds(2));
        var refreshed = await provider.GetCredentialsAsync(CancellationToken.None);

        Assert.Single(first.Distinct());
        Assert.Same(first[0], stillCached);
        Assert.NotSame(first[0], refreshed);
        Assert.Equal("ASIAISSUED000002", refreshed.AccessKeyId);
        Assert.Equal(2, sts.Calls.Count);
    }

    [Fact]
    public async Task A_refusal_names_the_role_and_the_error_code_but_not_the_secrets_sent()
    {
        using var home = new TempFolder("aws-assume");
        home.Write(".aws/credentials", "[base]\naws_access_key_id = AKIDUNKNOWN\naws_secret_access_key = " + TestCredentials.SecretAccessKey + "\n");
        home.Write(".aws/config", "[default]\nrole_arn = arn:aws:iam::1:role/r\nsource_profile = base\nexternal_id = external-secret-value\n");
        var clock = new TestClock();
        await using var sts = await FakeSts.StartAsync(clock);

        var exception = await Assert.ThrowsAsync<AwsCredentialsException>(() => new ProfileCredentialsProvider(null, StsEnvironment(home, sts, clock)).GetCredentialsAsync(CancellationToken.None).AsTask());

        Assert.Contains("STS AssumeRole for role 'arn:aws:iam::1:role/r'", exception.Message, StringComparison.Ordinal);
        Assert.Contains("HTTP 403: InvalidClientTokenId", exception.Message, StringComparison.Ordinal);
        Assert.Contains("Refused ***", exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("external-secret-value", exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(TestCredentials.SecretAccessKey, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_endpoint_is_regional_unless_a_variable_overrides_it()
    {
        using var home = new TempFolder("aws-assume");
        home.Write(".aws/config", "[default]\nregion = ap-southeast-2\nrole_arn = arn:aws:iam::1:role/r\ncredential_source = Environment\n");
        await using var unreachable = await LoopbackServer.StartAsync(500, string.Empty);
        var environment = Environment(
            home,
            ("AWS_ACCESS_KEY_ID", "AKIDENVIRONMENT"),
            ("AWS_SECRET_ACCESS_KEY", "environment-secret"),
            ("AWS_ENDPOINT_URL", unreachable.BaseAddress.ToString()));

        var exception = await Assert.ThrowsAsync<AwsCredentialsException>(() => new ProfileCredentialsProvider(null, environment).GetCredentialsAsync(CancellationToken.None).AsTask());

        // AWS_ENDPOINT_URL applies to STS too; the request was signed for the profile's region.
        Assert.Contains(unreachable.BaseAddress.ToString(), exception.Message, StringComparison.Ordinal);
        var request = Assert.Single(unreachable.Requests);
        Assert.Contains("/ap-southeast-2/sts/aws4_request", request.Headers["Authorization"], StringComparison.Ordinal);
        Assert.Contains("Credential=AKIDENVIRONMENT/", request.Headers["Authorization"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_web_identity_profile_assumes_its_role_unsigned_with_the_token_file()
    {
        using var home = new TempFolder("aws-assume");
        var tokenFile = home.Write("token", "profile-token\n");
        home.Write(".aws/config", "[default]\nrole_arn = arn:aws:iam::1:role/web\nweb_identity_token_file = " + tokenFile + "\nrole_session_name = pod\n");
        var clock = new TestClock();
        await using var sts = await FakeSts.StartAsync(clock);
        sts.AcceptedTokens.Add("profile-token");

        var credentials = await new ProfileCredentialsProvider(null, StsEnvironment(home, sts, clock)).GetCredentialsAsync(CancellationToken.None);

        var call = Assert.Single(sts.Calls);
        Assert.Null(call.Error);
        Assert.Equal("AssumeRoleWithWebIdentity", call.Action);
        Assert.Null(call.SignedBy);
        Assert.Equal("pod", call.Parameters["RoleSessionName"]);
        Assert.Equal("ASIAISSUED000001", credentials.AccessKeyId);
    }
}
