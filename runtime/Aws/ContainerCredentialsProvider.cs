using System;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace Contracts.Runtime.Aws;

/// <summary>
/// Reads temporary credentials from the container credentials endpoint of Amazon ECS (the task role) and of EKS Pod
/// Identity, as the AWS SDKs do: <c>AWS_CONTAINER_CREDENTIALS_RELATIVE_URI</c> (a path on <c>http://169.254.170.2</c>)
/// or else <c>AWS_CONTAINER_CREDENTIALS_FULL_URI</c>, which must be <c>https</c> or, over plain <c>http</c>, a loopback
/// address or the ECS/EKS link-local addresses (so credentials are never sent in clear text across a network), with the
/// <c>Authorization</c> value from <c>AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE</c> (read on every call: EKS rotates it)
/// or <c>AWS_CONTAINER_AUTHORIZATION_TOKEN</c>. Each call asks the endpoint; wrap the provider in a
/// <see cref="CachingCredentialsProvider"/> (as <see cref="AwsCredentialChain"/> does) to ask once per expiry.
/// </summary>
public sealed class ContainerCredentialsProvider : IAwsCredentialsProvider
{
    /// <summary>The path of the credentials on the ECS endpoint <c>http://169.254.170.2</c>.</summary>
    public const string RelativeUriVariable = "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI";

    /// <summary>The full address of the credentials endpoint (EKS Pod Identity, or a local stand-in).</summary>
    public const string FullUriVariable = "AWS_CONTAINER_CREDENTIALS_FULL_URI";

    /// <summary>The <c>Authorization</c> value sent to the endpoint.</summary>
    public const string AuthorizationTokenVariable = "AWS_CONTAINER_AUTHORIZATION_TOKEN";

    /// <summary>A file holding the <c>Authorization</c> value; it wins over <see cref="AuthorizationTokenVariable"/>.</summary>
    public const string AuthorizationTokenFileVariable = "AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE";

    private const string EcsHost = "http://169.254.170.2";
    private const int Attempts = 3;

    // The addresses plain http may use: the ECS endpoint and the EKS Pod Identity agent (IPv4 and IPv6).
    private static readonly string[] s_linkLocalHosts = { "169.254.170.2", "169.254.170.23", "[fd00:ec2::23]" };

    private readonly AwsEnvironment _environment;

    /// <summary>Creates a provider that reads the process environment.</summary>
    public ContainerCredentialsProvider()
        : this(AwsEnvironment.Default)
    {
    }

    /// <summary>Creates a provider that reads variables and files, and sends its requests, through <paramref name="environment"/>.</summary>
    public ContainerCredentialsProvider(AwsEnvironment environment)
    {
        _environment = environment ?? throw new ArgumentNullException(nameof(environment));
    }

    /// <summary>How long one request to the endpoint may take; 2 seconds, as the AWS SDKs allow.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Whether <paramref name="environment"/> names a container credentials endpoint.</summary>
    internal static bool IsConfigured(AwsEnvironment environment) =>
        environment.GetVariable(RelativeUriVariable) is not null || environment.GetVariable(FullUriVariable) is not null;

    /// <inheritdoc />
    /// <exception cref="AwsCredentialsException">No endpoint is configured, its address is not allowed, or it did not give usable credentials.</exception>
    public async ValueTask<AwsCredentials> GetCredentialsAsync(CancellationToken cancellationToken)
    {
        var endpoint = Endpoint();
        var source = "the container credentials endpoint " + endpoint.GetLeftPart(UriPartial.Authority);
        var authorization = Authorization();
        var client = MetadataHttp.ClientFor(_environment);
        for (var attempt = 1; ; attempt++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, endpoint);
            request.Headers.Accept.ParseAdd("application/json");
            if (authorization is not null)
            {
                request.Headers.TryAddWithoutValidation("Authorization", authorization);
            }

            int status;
            byte[] body;
            try
            {
                (status, body) = await MetadataHttp.SendAsync(client, request, Timeout, source, cancellationToken).ConfigureAwait(false);
            }
            catch (AwsCredentialsException) when (attempt < Attempts)
            {
                continue;
            }

            if (status == 200)
            {
                return MetadataCredentialsJson.Read(body, source);
            }

            // A refusal (wrong token, unknown task) will not change on a second ask; a server error may.
            if (status < 500 || attempt >= Attempts)
            {
                throw new AwsCredentialsException(source + " answered " + status + (status is 401 or 403 ? ": check " + AuthorizationTokenFileVariable + " or " + AuthorizationTokenVariable + "." : "."));
            }
        }
    }

    /// <inheritdoc />
    public override string ToString() => "ContainerCredentialsProvider";

    private Uri Endpoint()
    {
        if (_environment.GetVariable(RelativeUriVariable) is { } relative)
        {
            if (relative[0] != '/' || !Uri.TryCreate(EcsHost + relative, UriKind.Absolute, out var ecs))
            {
                throw new AwsCredentialsException(RelativeUriVariable + " is not a path starting with '/'.");
            }

            return ecs;
        }

        var full = _environment.GetVariable(FullUriVariable)
            ?? throw new AwsCredentialsException("No container credentials endpoint is configured: neither " + RelativeUriVariable + " nor " + FullUriVariable + " is set.");
        if (!Uri.TryCreate(full, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            throw new AwsCredentialsException(FullUriVariable + " is not an absolute http or https address.");
        }

        if (uri.Scheme == Uri.UriSchemeHttp && !IsAllowedPlainHost(uri))
        {
            throw new AwsCredentialsException(
                FullUriVariable + " names the host '" + uri.Host + "' over plain http: only https, a loopback address or the ECS/EKS addresses (169.254.170.2, 169.254.170.23, fd00:ec2::23) are allowed, so that credentials never cross a network unencrypted.");
        }

        return uri;
    }

    // As the AWS SDKs decide: an IP literal that is loopback, "localhost", or one of the container agents' addresses. A
    // name is not resolved: what it resolves to can change between the check and the request.
    private static bool IsAllowedPlainHost(Uri uri)
    {
        var host = uri.Host;
        if (string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        foreach (var allowed in s_linkLocalHosts)
        {
            if (string.Equals(host, allowed, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return IPAddress.TryParse(host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address);
    }

    private string? Authorization()
    {
        string? token;
        if (_environment.GetVariable(AuthorizationTokenFileVariable) is { } path)
        {
            token = _environment.ReadFile(path)?.Trim()
                ?? throw new AwsCredentialsException("The file named by " + AuthorizationTokenFileVariable + " ('" + path + "') does not exist.");
        }
        else
        {
            token = _environment.GetVariable(AuthorizationTokenVariable);
        }

        if (token is not null && (token.IndexOf('\r') >= 0 || token.IndexOf('\n') >= 0))
        {
            // A line break would end the header and start another one chosen by whoever wrote the token.
            throw new AwsCredentialsException("The container authorization token contains a line break.");
        }

        return string.IsNullOrEmpty(token) ? null : token;
    }
}
