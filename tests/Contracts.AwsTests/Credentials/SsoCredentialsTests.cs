using System;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Contracts.Runtime.Aws;
using Microsoft.AspNetCore.Http;
using Xunit;

namespace Contracts.AwsTests.Credentials;

public sealed class SsoCredentialsTests
{
    private const string AccessToken = "aoaAAAAAGcached-sso-access-token";

    [Fact]
    public async Task An_sso_session_profile_exchanges_the_cached_token_at_the_portal()
    {
        using var home = new TempFolder("aws-sso");
        home.Write(".aws/config", """
            [profile dev]
            sso_session = corp
            sso_account_id = 123456789012
            sso_role_name = Developer

            [sso-session corp]
            sso_start_url = https://corp.awsapps.com/start
            sso_region = eu-central-1
            """);
        var clock = new TestClock();
        WriteToken(home, "corp", clock.Now.AddHours(1));
        await using var portal = await StartPortalAsync();

        var credentials = await new ProfileCredentialsProvider("dev", Environment(home, clock, portal)).GetCredentialsAsync(CancellationToken.None);

        var request = Assert.Single(portal.Requests);
        Assert.Equal("GET", request.Method);
        Assert.Equal("/federation/credentials", request.Path);
        Assert.Equal("?account_id=123456789012&role_name=Developer", request.QueryString);
        Assert.Equal(AccessToken, request.Headers["x-amz-sso_bearer_token"]);
        Assert.Equal("ASIAPORTAL", credentials.AccessKeyId);
        Assert.True(credentials.HasSessionToken);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1_900_000_000_000), credentials.Expiration);
    }

    [Fact]
    public async Task A_legacy_profile_finds_its_token_by_the_start_url()
    {
        using var home = new TempFolder("aws-sso");
        home.Write(".aws/config", """
            [default]
            sso_start_url = https://legacy.awsapps.com/start
            sso_region = us-east-1
            sso_account_id = 210987654321
            sso_role_name = ReadOnly
            """);
        var clock = new TestClock();
        WriteToken(home, "https://legacy.awsapps.com/start", clock.Now.AddMinutes(30));
        await using var portal = await StartPortalAsync();

        var credentials = await new ProfileCredentialsProvider("default", Environment(home, clock, portal)).GetCredentialsAsync(CancellationToken.None);

        Assert.Equal("?account_id=210987654321&role_name=ReadOnly", Assert.Single(portal.Requests).QueryString);
        Assert.Equal("ASIAPORTAL", credentials.AccessKeyId);
    }

    [Fact]
    public async Task An_expired_or_missing_token_tells_the_user_to_log_in_and_nothing_is_sent()
    {
        using var home = new TempFolder("aws-sso");
        home.Write(".aws/config", """
            [profile dev]
            sso_session = corp
            sso_account_id = 123456789012
            sso_role_name = Developer

            [profile old]
            sso_start_url = https://old.awsapps.com/start
            sso_region = us-east-1
            sso_account_id = 1
            sso_role_name = R

            [sso-session corp]
            sso_start_url = https://corp.awsapps.com/start
            sso_region = eu-central-1
            """);
        var clock = new TestClock();
        WriteToken(home, "corp", clock.Now.AddSeconds(-1));
        await using var portal = await StartPortalAsync();
        var environment = Environment(home, clock, portal);

        var expired = await Assert.ThrowsAsync<AwsCredentialsException>(() => new ProfileCredentialsProvider("dev", environment).GetCredentialsAsync(CancellationToken.None).AsTask());
        var missing = await Assert.ThrowsAsync<AwsCredentialsException>(() => new ProfileCredentialsProvider("old", environment).GetCredentialsAsync(CancellationToken.None).AsTask());

        Assert.Contains("expired", expired.Message, StringComparison.Ordinal);
        Assert.Contains("Run `aws sso login --sso-session corp`", expired.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(AccessToken, expired.Message, StringComparison.Ordinal);
        Assert.Contains("no cached SSO token", missing.Message, StringComparison.Ordinal);
        Assert.Contains("Run `aws sso login --profile old`", missing.Message, StringComparison.Ordinal);
        Assert.Empty(portal.Requests);
    }

    [Fact]
    public async Task A_token_the_portal_refuses_says_so_without_repeating_it()
    {
        using var home = new TempFolder("aws-sso");
        home.Write(".aws/config", "[default]\nsso_start_url = https://x.awsapps.com/start\nsso_region = us-east-1\nsso_account_id = 1\nsso_role_name = R\n");
        var clock = new TestClock();
        WriteToken(home, "https://x.awsapps.com/start", clock.Now.AddHours(1));
        await using var portal = await LoopbackServer.StartAsync(401, "{\"message\":\"Session token not found or invalid\"}");

        var exception = await Assert.ThrowsAsync<AwsCredentialsException>(() => new ProfileCredentialsProvider("default", Environment(home, clock, portal)).GetCredentialsAsync(CancellationToken.None).AsTask());

        Assert.Contains("refused the cached token", exception.Message, StringComparison.Ordinal);
        Assert.Contains("aws sso login", exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(AccessToken, exception.Message, StringComparison.Ordinal);
    }

    // The AWS CLI names the file by the SHA-1 of the session name (or of the start URL, for legacy profiles).
    private static void WriteToken(TempFolder home, string key, DateTimeOffset expiresAt)
    {
        var name = Convert.ToHexString(SHA1.HashData(Encoding.UTF8.GetBytes(key))).ToLowerInvariant();
        home.Write(
            ".aws/sso/cache/" + name + ".json",
            "{\"startUrl\":\"https://corp.awsapps.com/start\",\"region\":\"eu-central-1\",\"accessToken\":\"" + AccessToken + "\",\"expiresAt\":\""
            + expiresAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture) + "\",\"clientId\":\"c\",\"refreshToken\":\"r\"}");
    }

    // The portal answers only a request that carries the cached token.
    private static Task<LoopbackServer> StartPortalAsync() =>
        LoopbackServer.StartAsync(context => context.Request.Headers["x-amz-sso_bearer_token"] == AccessToken
            ? LoopbackServer.Respond(context, 200, "{\"roleCredentials\":{\"accessKeyId\":\"ASIAPORTAL\",\"secretAccessKey\":\"portal-secret\",\"sessionToken\":\"portal-token\",\"expiration\":1900000000000}}")
            : LoopbackServer.Respond(context, 401, "{\"message\":\"Session token not found or invalid\"}"));

    private static AwsEnvironment Environment(TempFolder home, TestClock clock, LoopbackServer portal) =>
        new()
        {
            Variables = name => name switch
            {
                "HOME" => home.Path,
                "AWS_ENDPOINT_URL_SSO" => portal.BaseAddress.ToString(),
                _ => null,
            },
            Clock = () => clock.Now,
        };
}
