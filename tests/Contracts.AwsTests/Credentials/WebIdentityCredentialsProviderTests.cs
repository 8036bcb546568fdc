using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Contracts.Runtime.Aws;
using Xunit;
using static Contracts.AwsTests.Credentials.ProfileCredentialsProviderTests;

namespace Contracts.AwsTests.Credentials;

public sealed class WebIdentityCredentialsProviderTests
{
    [Fact]
    public async Task The_variables_configure_it_and_the_token_file_is_read_again_at_each_refresh()
    {
        using var home = new TempFolder("aws-web-identity");
        var tokenFile = home.Write("eks/token", "first-token");
        var clock = new TestClock();
        await using var sts = await FakeSts.StartAsync(clock);
        sts.AcceptedTokens.Add("first-token");
        sts.AcceptedTokens.Add("rotated-token");
        var environment = StsEnvironment(
            home,
            sts,
            clock,
            ("AWS_WEB_IDENTITY_TOKEN_FILE", tokenFile),
            ("AWS_ROLE_ARN", "arn:aws:iam::123456789012:role/service-account"),
            ("AWS_ROLE_SESSION_NAME", "my-pod"));
        var provider = new WebIdentityCredentialsProvider(environment);

        var first = await provider.GetCredentialsAsync(CancellationToken.None);
        Assert.Same(first, await provider.GetCredentialsAsync(CancellationToken.None));
        home.Write("eks/token", "rotated-token");
        clock.Advance(sts.Lifetime);
        var second = await provider.GetCredentialsAsync(CancellationToken.None);

        Assert.True(WebIdentityCredentialsProvider.IsConfigured(environment));
        Assert.Equal(["first-token", "rotated-token"], sts.Calls.Select(c => c.Parameters["WebIdentityToken"]));
        Assert.All(sts.Calls, c => Assert.Equal(("AssumeRoleWithWebIdentity", (string?)null, "my-pod", "arn:aws:iam::123456789012:role/service-account"), (c.Action, c.SignedBy, c.Parameters["RoleSessionName"], c.Parameters["RoleArn"])));
        Assert.Equal("ASIAISSUED000002", second.AccessKeyId);
        Assert.Equal(clock.Now + sts.Lifetime, second.Expiration);
        Assert.Equal("WebIdentityCredentialsProvider(arn:aws:iam::123456789012:role/service-account)", provider.ToString());
    }

    [Fact]
    public async Task Credentials_still_valid_are_kept_when_a_refresh_fails_and_the_failure_surfaces_once_they_expire()
    {
        using var home = new TempFolder("aws-web-identity");
        var tokenFile = home.Write("token", "good-token");
        var clock = new TestClock();
        await using var sts = await FakeSts.StartAsync(clock);
        sts.AcceptedTokens.Add("good-token");
        var provider = new WebIdentityCredentialsProvider(tokenFile, "arn:aws:iam::1:role/r", null, StsEnvironment(home, sts, clock));

        var first = await provider.GetCredentialsAsync(CancellationToken.None);
        sts.AcceptedTokens.Clear();
        clock.Advance(sts.Lifetime - TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(1));
        var kept = await provider.GetCredentialsAsync(CancellationToken.None);
        clock.Advance(TimeSpan.FromMinutes(5));
        var exception = await Assert.ThrowsAsync<AwsCredentialsException>(() => provider.GetCredentialsAsync(CancellationToken.None).AsTask());

        Assert.Same(first, kept);
        Assert.Equal(3, sts.Calls.Count);
        Assert.Contains("InvalidIdentityToken", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refused_token_is_not_repeated_in_the_message()
    {
        using var home = new TempFolder("aws-web-identity");
        var tokenFile = home.Write("token", "eyJhbGciOiJSUzI1NiJ9.secret-claims.signature");
        var clock = new TestClock();
        await using var sts = await FakeSts.StartAsync(clock);

        var exception = await Assert.ThrowsAsync<AwsCredentialsException>(
            () => new WebIdentityCredentialsProvider(tokenFile, "arn:aws:iam::1:role/r", null, StsEnvironment(home, sts, clock)).GetCredentialsAsync(CancellationToken.None).AsTask());

        Assert.Contains("InvalidIdentityToken", exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-claims", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_the_variables_it_is_not_configured_and_says_which_is_missing()
    {
        using var home = new TempFolder("aws-web-identity");
        var environment = Environment(home, ("AWS_ROLE_ARN", "arn:aws:iam::1:role/r"));

        var exception = await Assert.ThrowsAsync<AwsCredentialsException>(() => new WebIdentityCredentialsProvider(environment).GetCredentialsAsync(CancellationToken.None).AsTask());

        Assert.False(WebIdentityCredentialsProvider.IsConfigured(environment));
        Assert.Contains("AWS_WEB_IDENTITY_TOKEN_FILE is not set", exception.Message, StringComparison.Ordinal);
        var missingFile = await Assert.ThrowsAsync<AwsCredentialsException>(
            () => new WebIdentityCredentialsProvider(home.Combine("absent"), "arn:aws:iam::1:role/r", null, environment).GetCredentialsAsync(CancellationToken.None).AsTask());
        Assert.Contains("does not exist", missingFile.Message, StringComparison.Ordinal);
    }
}
