using System;
using System.Collections.Concurrent;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace Contracts.AwsTests.Credentials;

/// <summary>
/// An IMDSv2 stand-in on Kestrel: <c>PUT /latest/api/token</c> issues a session token (the TTL header is required),
/// and the credential paths answer only requests carrying a token it issued and has not revoked.
/// </summary>
public sealed class FakeInstanceMetadata : IAsyncDisposable
{
    public const string Role = "web-server-role";

    private readonly ConcurrentDictionary<string, bool> _validTokens = new();
    private int _issued;

    private FakeInstanceMetadata()
    {
    }

    public LoopbackServer Server { get; private set; } = null!;

    /// <summary>The body of the role's credentials; a test may change it.</summary>
    public string CredentialsBody { get; set; } =
        "{\"Code\":\"Success\",\"LastUpdated\":\"2026-12-07T00:00:00Z\",\"Type\":\"AWS-HMAC\",\"AccessKeyId\":\"ASIAINSTANCE\",\"SecretAccessKey\":\""
        + ContainerCredentialsProviderTests.SecretAccessKey + "\",\"Token\":\"" + ContainerCredentialsProviderTests.SessionToken + "\",\"Expiration\":\"2026-12-07T06:00:00Z\"}";

    /// <summary>The status of the token request; 200 unless a test makes the service refuse it.</summary>
    public int TokenStatus { get; set; } = 200;

    /// <summary>How many session tokens were issued.</summary>
    public int TokensIssued => Volatile.Read(ref _issued);

    /// <summary>The TTL the last token request asked for.</summary>
    public string? LastTtl { get; private set; }

    public static async Task<FakeInstanceMetadata> StartAsync()
    {
        var fake = new FakeInstanceMetadata();
        fake.Server = await LoopbackServer.StartAsync(fake.HandleAsync);
        return fake;
    }

    /// <summary>Makes every token issued so far unknown, as after a restart of the service.</summary>
    public void RevokeTokens() => _validTokens.Clear();

    public ValueTask DisposeAsync() => Server.DisposeAsync();

    private Task HandleAsync(HttpContext context)
    {
        var path = context.Request.Path.Value;
        if (path == "/latest/api/token")
        {
            if (context.Request.Method != "PUT" || context.Request.Headers["X-aws-ec2-metadata-token-ttl-seconds"].ToString() is not { Length: > 0 } ttl)
            {
                return LoopbackServer.Respond(context, 400, string.Empty);
            }

            LastTtl = ttl;
            if (TokenStatus != 200)
            {
                return LoopbackServer.Respond(context, TokenStatus, string.Empty);
            }

            var token = "session-token-" + Interlocked.Increment(ref _issued);
            _validTokens[token] = true;
            return LoopbackServer.Respond(context, 200, token, "text/plain");
        }

        // IMDSv2 only: a request without a known token is refused.
        if (!_validTokens.ContainsKey(context.Request.Headers["X-aws-ec2-metadata-token"].ToString()))
        {
            return LoopbackServer.Respond(context, 401, string.Empty);
        }

        return path switch
        {
            "/latest/meta-data/iam/security-credentials/" => LoopbackServer.Respond(context, 200, Role + "\n", "text/plain"),
            "/latest/meta-data/iam/security-credentials/" + Role => LoopbackServer.Respond(context, 200, CredentialsBody),
            _ => LoopbackServer.Respond(context, 404, string.Empty),
        };
    }
}
