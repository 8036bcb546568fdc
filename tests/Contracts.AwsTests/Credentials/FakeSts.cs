using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Security;
using System.Threading.Tasks;
using Contracts.AwsTests.Infrastructure;
using Contracts.Runtime.Aws;
using Microsoft.AspNetCore.Http;

namespace Contracts.AwsTests.Credentials;

/// <summary>
/// STS on 127.0.0.1, as strict as STS about what matters here: <c>AssumeRole</c> must carry a valid SigV4 signature
/// (region, service <c>sts</c>) of credentials it knows (seeded ones, or ones it issued: role chaining);
/// <c>AssumeRoleWithWebIdentity</c> must be unsigned and carry a token it accepts. Answers are the XML of STS.
/// </summary>
public sealed class FakeSts : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, AwsCredentials> _known = new();
    private readonly ConcurrentQueue<StsCall> _calls = new();
    private readonly TestClock _clock;
    private LoopbackServer _server = null!;
    private int _issued;

    private FakeSts(TestClock clock, string region)
    {
        _clock = clock;
        Region = region;
    }

    public string Region { get; }

    public Uri BaseAddress => _server.BaseAddress;

    /// <summary>Web identity tokens accepted; any other is refused with InvalidIdentityToken.</summary>
    public HashSet<string> AcceptedTokens { get; } = [];

    /// <summary>How long issued credentials last.</summary>
    public TimeSpan Lifetime { get; set; } = TimeSpan.FromHours(1);

    public IReadOnlyList<StsCall> Calls => _calls.ToArray();

    public static async Task<FakeSts> StartAsync(TestClock clock, string region = "eu-west-1")
    {
        var sts = new FakeSts(clock, region);
        sts._server = await LoopbackServer.StartAsync(sts.HandleAsync);
        return sts;
    }

    /// <summary>Makes <paramref name="credentials"/> acceptable signers of AssumeRole.</summary>
    public void Trust(AwsCredentials credentials) => _known[credentials.AccessKeyId] = credentials;

    /// <summary>The secret of credentials this STS issued (the test cannot read it from AwsCredentials).</summary>
    public AwsCredentials Issued(string accessKeyId) => _known[accessKeyId];

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    private async Task HandleAsync(HttpContext context)
    {
        var request = await ReceivedRequest.ReadAsync(context, context.RequestAborted);
        var form = request.BodyText.Split('&').Select(p => p.Split('=', 2)).ToDictionary(p => WebUtility.UrlDecode(p[0]), p => Uri.UnescapeDataString(p.Length > 1 ? p[1] : string.Empty));
        var action = form.GetValueOrDefault("Action") ?? string.Empty;
        string? signer = null;
        string? error = null;
        if (request.Method != "POST" || form.GetValueOrDefault("Version") != "2011-06-15")
        {
            error = "InvalidAction";
        }
        else if (action == "AssumeRole")
        {
            signer = AccessKeyOf(request.Header("Authorization"));
            if (signer is null || !_known.TryGetValue(signer, out var credentials))
            {
                error = "InvalidClientTokenId";
            }
            else if (SigV4Verifier.Verify(request, credentials, Region, "sts", _clock.Now) is not null)
            {
                error = "SignatureDoesNotMatch";
            }
            else if (credentials.HasSessionToken && request.Header("X-Amz-Security-Token") is null)
            {
                error = "InvalidClientTokenId";
            }
        }
        else if (action == "AssumeRoleWithWebIdentity")
        {
            if (request.Header("Authorization") is not null)
            {
                error = "InvalidAction";
            }
            else if (!AcceptedTokens.Contains(form.GetValueOrDefault("WebIdentityToken") ?? string.Empty))
            {
                error = "InvalidIdentityToken";
            }
        }
        else
        {
            error = "InvalidAction";
        }

        _calls.Enqueue(new StsCall(action, signer, form, request.Header("Content-Type"), error));
        if (error is not null)
        {
            // STS's error shape; the message echoes the request's token, as some services do, to prove the client scrubs it.
            var echoed = form.GetValueOrDefault("WebIdentityToken") ?? form.GetValueOrDefault("ExternalId") ?? string.Empty;
            await LoopbackServer.Respond(
                context,
                403,
                "<ErrorResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\"><Error><Type>Sender</Type><Code>" + error
                + "</Code><Message>Refused " + SecurityElement.Escape(echoed) + "</Message></Error><RequestId>r-1</RequestId></ErrorResponse>",
                "text/xml");
            return;
        }

        var number = System.Threading.Interlocked.Increment(ref _issued);
        var issued = new AwsCredentials("ASIAISSUED" + number.ToString("D6", CultureInfo.InvariantCulture), "issued-secret-" + number, "issued-token-" + number);
        Trust(issued);
        var expiration = _clock.Now + Lifetime;
        await LoopbackServer.Respond(
            context,
            200,
            "<" + action + "Response xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\"><" + action + "Result>"
            + "<AssumedRoleUser><Arn>" + SecurityElement.Escape(form["RoleArn"]) + "/" + SecurityElement.Escape(form["RoleSessionName"]) + "</Arn></AssumedRoleUser>"
            + "<Credentials><AccessKeyId>" + issued.AccessKeyId + "</AccessKeyId><SecretAccessKey>issued-secret-" + number + "</SecretAccessKey>"
            + "<SessionToken>issued-token-" + number + "</SessionToken><Expiration>" + expiration.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture) + "</Expiration></Credentials>"
            + "</" + action + "Result><ResponseMetadata><RequestId>r-" + number + "</RequestId></ResponseMetadata></" + action + "Response>",
            "text/xml");
    }

    private static string? AccessKeyOf(string? authorization)
    {
        const string marker = "Credential=";
        var start = authorization?.IndexOf(marker, StringComparison.Ordinal) ?? -1;
        if (start < 0)
        {
            return null;
        }

        start += marker.Length;
        var slash = authorization!.IndexOf('/', start);
        return slash < 0 ? null : authorization[start..slash];
    }
}

/// <summary>One call: the action, who signed it (the access key id), its form parameters, and the error it got, if any.</summary>
public sealed record StsCall(string Action, string? SignedBy, IReadOnlyDictionary<string, string> Parameters, string? ContentType, string? Error);
