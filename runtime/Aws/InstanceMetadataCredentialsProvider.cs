using System;
using System.Globalization;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace Contracts.Runtime.Aws;

/// <summary>
/// Reads the credentials of the EC2 instance's role from the instance metadata service, IMDSv2 only: a session token
/// from <c>PUT /latest/api/token</c> (kept until shortly before its TTL ends), then the role name from
/// <c>/latest/meta-data/iam/security-credentials/</c> and the role's credentials, each request carrying
/// <c>X-aws-ec2-metadata-token</c>. The endpoint is <c>http://169.254.169.254</c> (or <c>http://[fd00:ec2::254]</c> when
/// <c>AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE</c> is <c>IPv6</c>), or <c>AWS_EC2_METADATA_SERVICE_ENDPOINT</c>;
/// <c>AWS_EC2_METADATA_DISABLED=true</c> turns the provider off. Requests time out after one second, so code that
/// does not run on EC2 learns so quickly. Each call asks the service; wrap the provider in a
/// <see cref="CachingCredentialsProvider"/> (as <see cref="AwsCredentialChain"/> does) to ask once per expiry.
/// </summary>
/// <remarks>
/// There is no fallback to IMDSv1 (requests without a token): instances launched today require IMDSv2, and the
/// unauthenticated form is what server-side request forgery abuses. Where the token request fails from a container
/// (the answer needs two network hops), raise the instance's metadata hop limit to 2.
/// </remarks>
public sealed class InstanceMetadataCredentialsProvider : IAwsCredentialsProvider
{
    /// <summary>Overrides the address of the instance metadata service.</summary>
    public const string EndpointVariable = "AWS_EC2_METADATA_SERVICE_ENDPOINT";

    /// <summary><c>IPv4</c> (the default) or <c>IPv6</c>: which of the service's addresses to use.</summary>
    public const string EndpointModeVariable = "AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE";

    /// <summary><c>true</c> turns the instance metadata service off for credentials (and for the chain).</summary>
    public const string DisabledVariable = "AWS_EC2_METADATA_DISABLED";

    private const string TokenPath = "latest/api/token";
    private const string RolePath = "latest/meta-data/iam/security-credentials/";
    private const string TokenHeader = "X-aws-ec2-metadata-token";
    private const string TokenTtlHeader = "X-aws-ec2-metadata-token-ttl-seconds";

    // Six hours, the longest the service grants (and what the AWS SDKs ask for); the token is renewed a minute early
    // so that it never expires between being read here and being checked there.
    private static readonly TimeSpan s_tokenTtl = TimeSpan.FromHours(6);
    private static readonly TimeSpan s_tokenMargin = TimeSpan.FromMinutes(1);

    private readonly AwsEnvironment _environment;
    private readonly TimeProvider _time;
    private readonly object _gate = new();
    private (string Value, DateTimeOffset RenewAt)? _token;

    /// <summary>Creates a provider that reads the process environment.</summary>
    public InstanceMetadataCredentialsProvider()
        : this(AwsEnvironment.Default)
    {
    }

    /// <summary>
    /// Creates a provider that reads variables and sends its requests through <paramref name="environment"/>, and reads
    /// the session token's age from <paramref name="timeProvider"/> (the system clock when null).
    /// </summary>
    public InstanceMetadataCredentialsProvider(AwsEnvironment environment, TimeProvider? timeProvider = null)
    {
        _environment = environment ?? throw new ArgumentNullException(nameof(environment));
        _time = timeProvider ?? TimeProvider.System;
    }

    /// <summary>How long one request to the service may take; one second, as the AWS SDKs allow.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Whether <paramref name="environment"/> turns the instance metadata service off.</summary>
    internal static bool IsDisabled(AwsEnvironment environment) =>
        string.Equals(environment.GetVariable(DisabledVariable), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>The service's address as <paramref name="environment"/> configures it, ending with '/'.</summary>
    internal static Uri EndpointOf(AwsEnvironment environment)
    {
        var configured = environment.GetVariable(EndpointVariable);
        if (configured is null)
        {
            var mode = environment.GetVariable(EndpointModeVariable);
            configured = string.Equals(mode, "IPv6", StringComparison.OrdinalIgnoreCase) ? "http://[fd00:ec2::254]/" : "http://169.254.169.254/";
        }

        if (!Uri.TryCreate(configured, UriKind.Absolute, out var endpoint) || (endpoint.Scheme != Uri.UriSchemeHttp && endpoint.Scheme != Uri.UriSchemeHttps))
        {
            throw new AwsCredentialsException(EndpointVariable + " is not an absolute http or https address.");
        }

        return endpoint.AbsolutePath.EndsWith("/", StringComparison.Ordinal) ? endpoint : new Uri(endpoint.AbsoluteUri + "/");
    }

    /// <inheritdoc />
    /// <exception cref="AwsCredentialsException">The service is turned off, not reachable, refuses the session token, or the instance has no role.</exception>
    public async ValueTask<AwsCredentials> GetCredentialsAsync(CancellationToken cancellationToken)
    {
        if (IsDisabled(_environment))
        {
            throw new AwsCredentialsException("The instance metadata service is turned off (" + DisabledVariable + "=true).");
        }

        var endpoint = EndpointOf(_environment);
        var source = "the instance metadata service at " + endpoint.GetLeftPart(UriPartial.Authority);
        var client = MetadataHttp.ClientFor(_environment);

        // A token the service no longer accepts (the service restarted, the instance was stopped) is replaced once.
        for (var attempt = 1; ; attempt++)
        {
            var token = await TokenAsync(client, endpoint, source, cancellationToken).ConfigureAwait(false);
            var (status, body) = await GetAsync(client, new Uri(endpoint, RolePath), token, source, cancellationToken).ConfigureAwait(false);
            if (status == 401 && attempt == 1)
            {
                ForgetToken(token);
                continue;
            }

            if (status == 404)
            {
                throw new AwsCredentialsException(source + " has no role for this instance: attach an IAM instance profile.");
            }

            Require(status, source);
            var role = FirstLine(body);
            if (role.Length == 0 || role.IndexOfAny(new[] { '/', '?', '#', '%' }) >= 0)
            {
                throw new AwsCredentialsException(source + " did not name a usable role.");
            }

            (status, body) = await GetAsync(client, new Uri(endpoint, RolePath + role), token, source, cancellationToken).ConfigureAwait(false);
            if (status == 401 && attempt == 1)
            {
                ForgetToken(token);
                continue;
            }

            Require(status, source);
            return MetadataCredentialsJson.Read(body, source);
        }
    }

    /// <inheritdoc />
    public override string ToString() => "InstanceMetadataCredentialsProvider";

    private async Task<string> TokenAsync(HttpClient client, Uri endpoint, string source, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_token is { } held && _time.GetUtcNow() < held.RenewAt)
            {
                return held.Value;
            }
        }

        var requestedAt = _time.GetUtcNow();
        using var request = new HttpRequestMessage(HttpMethod.Put, new Uri(endpoint, TokenPath));
        request.Headers.TryAddWithoutValidation(TokenTtlHeader, ((int)s_tokenTtl.TotalSeconds).ToString(CultureInfo.InvariantCulture));
        var (status, body) = await MetadataHttp.SendAsync(client, request, Timeout, source, cancellationToken).ConfigureAwait(false);
        if (status != 200)
        {
            throw new AwsCredentialsException(status switch
            {
                403 => source + " refused a session token (403): the service is turned off for this instance.",
                404 or 405 => source + " answered " + status + " to the IMDSv2 token request; IMDSv1 is not used: enable IMDSv2 on the instance.",
                _ => source + " answered " + status + " to the IMDSv2 token request.",
            });
        }

        var token = Encoding.UTF8.GetString(body).Trim();
        if (token.Length == 0 || token.IndexOf('\r') >= 0 || token.IndexOf('\n') >= 0)
        {
            throw new AwsCredentialsException(source + " answered the token request with no usable token.");
        }

        lock (_gate)
        {
            _token = (token, requestedAt + s_tokenTtl - s_tokenMargin);
        }

        return token;
    }

    private void ForgetToken(string token)
    {
        lock (_gate)
        {
            if (_token is { } held && held.Value == token)
            {
                _token = null;
            }
        }
    }

    private Task<(int Status, byte[] Body)> GetAsync(HttpClient client, Uri uri, string token, string source, CancellationToken cancellationToken)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, uri);
        request.Headers.TryAddWithoutValidation(TokenHeader, token);
        return SendAndDisposeAsync(client, request, source, cancellationToken);
    }

    private async Task<(int Status, byte[] Body)> SendAndDisposeAsync(HttpClient client, HttpRequestMessage request, string source, CancellationToken cancellationToken)
    {
        using (request)
        {
            return await MetadataHttp.SendAsync(client, request, Timeout, source, cancellationToken).ConfigureAwait(false);
        }
    }

    private static void Require(int status, string source)
    {
        if (status != 200)
        {
            throw new AwsCredentialsException(source + " answered " + status + " to the credentials request.");
        }
    }

    private static string FirstLine(byte[] body)
    {
        var text = Encoding.UTF8.GetString(body);
        var end = text.IndexOf('\n');
        return (end < 0 ? text : text.Substring(0, end)).Trim();
    }
}
