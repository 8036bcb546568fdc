using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using System.Xml;
using Contracts.Runtime.Http;

namespace Contracts.Runtime.Aws;

/// <summary>
/// The two STS actions credential resolution needs, spoken directly (AWS query protocol, XML answers read with
/// <see cref="XmlReader"/>; no AWS SDK): <c>AssumeRole</c>, signed with SigV4 by the source credentials, and
/// <c>AssumeRoleWithWebIdentity</c>, unsigned (the web identity token is the proof). The endpoint is regional,
/// <c>https://sts.&lt;region&gt;.amazonaws.com/</c>, unless <c>AWS_ENDPOINT_URL_STS</c> or <c>AWS_ENDPOINT_URL</c> says otherwise.
/// </summary>
internal sealed class SecurityTokenService
{
    internal const string EndpointVariable = "AWS_ENDPOINT_URL_STS";
    internal const string GlobalEndpointVariable = "AWS_ENDPOINT_URL";
    private const string Version = "2011-06-15";

    private readonly AwsEnvironment _environment;
    private readonly string _region;

    public SecurityTokenService(AwsEnvironment environment, string region)
    {
        _environment = environment;
        _region = region;
        Endpoint = EndpointFor(environment, region);
    }

    public Uri Endpoint { get; }

    /// <summary>A role session name when none is configured, as the SDKs make one: unique enough per process and time.</summary>
    public static string DefaultSessionName(AwsEnvironment environment) =>
        "contracts-" + environment.Clock().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);

    public Task<AwsCredentials> AssumeRoleAsync(
        AwsCredentials source,
        string roleArn,
        string sessionName,
        string? externalId,
        int? durationSeconds,
        CancellationToken cancellationToken)
    {
        var parameters = new List<KeyValuePair<string, string>>
        {
            new("Action", "AssumeRole"),
            new("Version", Version),
            new("RoleArn", roleArn),
            new("RoleSessionName", sessionName),
        };
        if (externalId is not null)
        {
            parameters.Add(new("ExternalId", externalId));
        }

        AddDuration(parameters, durationSeconds);
        return SendAsync("AssumeRole", roleArn, parameters, source, [source.SecretAccessKey, source.SessionToken, externalId], cancellationToken);
    }

    public Task<AwsCredentials> AssumeRoleWithWebIdentityAsync(
        string roleArn,
        string sessionName,
        string webIdentityToken,
        int? durationSeconds,
        CancellationToken cancellationToken)
    {
        var parameters = new List<KeyValuePair<string, string>>
        {
            new("Action", "AssumeRoleWithWebIdentity"),
            new("Version", Version),
            new("RoleArn", roleArn),
            new("RoleSessionName", sessionName),
            new("WebIdentityToken", webIdentityToken),
        };
        AddDuration(parameters, durationSeconds);
        return SendAsync("AssumeRoleWithWebIdentity", roleArn, parameters, signWith: null, [webIdentityToken], cancellationToken);
    }

    internal static Uri EndpointFor(AwsEnvironment environment, string region)
    {
        var configured = environment.GetVariable(EndpointVariable) ?? environment.GetVariable(GlobalEndpointVariable);
        if (configured is null)
        {
            return new Uri("https://sts." + region + ".amazonaws.com/");
        }

        if (!Uri.TryCreate(configured, UriKind.Absolute, out var endpoint) || (endpoint.Scheme != "https" && endpoint.Scheme != "http"))
        {
            throw new AwsCredentialsException("The STS endpoint '" + configured + "' (" + EndpointVariable + " or " + GlobalEndpointVariable + ") is not an absolute http(s) URL.");
        }

        return endpoint;
    }

    private static void AddDuration(List<KeyValuePair<string, string>> parameters, int? durationSeconds)
    {
        if (durationSeconds is { } seconds)
        {
            parameters.Add(new("DurationSeconds", seconds.ToString(CultureInfo.InvariantCulture)));
        }
    }

    private async Task<AwsCredentials> SendAsync(
        string action,
        string roleArn,
        List<KeyValuePair<string, string>> parameters,
        AwsCredentials? signWith,
        string?[] secrets,
        CancellationToken cancellationToken)
    {
        var body = new StringBuilder();
        foreach (var parameter in parameters)
        {
            body.Append(body.Length == 0 ? string.Empty : "&").Append(parameter.Key).Append('=').Append(Uri.EscapeDataString(parameter.Value));
        }

        var scrubber = Scrubber(secrets);
        using var request = new HttpRequestMessage(HttpMethod.Post, Endpoint)
        {
            Content = new StringContent(body.ToString(), Encoding.UTF8, "application/x-www-form-urlencoded"),
        };
        try
        {
            if (signWith is not null)
            {
                await SigV4Signer.SignAsync(request, signWith, _region, "sts", _environment.Clock(), cancellationToken: cancellationToken).ConfigureAwait(false);
            }

            using var response = await _environment.GetHttpClient().SendAsync(request, cancellationToken).ConfigureAwait(false);
            var text = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                var (code, message) = ReadError(text);
                throw new AwsCredentialsException(
                    "STS " + action + " for role '" + roleArn + "' at " + Endpoint + " failed with HTTP " + (int)response.StatusCode
                    + (code is null ? "." : ": " + code + (message is null ? "." : " — " + scrubber.Scrub(message))));
            }

            return ReadCredentials(text, action, roleArn);
        }
        catch (HttpRequestException exception)
        {
            throw new AwsCredentialsException("STS " + action + " for role '" + roleArn + "' at " + Endpoint + " could not be reached: " + scrubber.Scrub(exception.Message));
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new AwsCredentialsException("STS " + action + " for role '" + roleArn + "' at " + Endpoint + " timed out.");
        }
    }

    private static CredentialScrubber Scrubber(string?[] secrets)
    {
        var values = new List<string>();
        foreach (var secret in secrets)
        {
            if (secret is not null)
            {
                values.Add(secret);
            }
        }

        return CredentialScrubber.Of(values.ToArray());
    }

    // <XResponse><XResult><Credentials><AccessKeyId/><SecretAccessKey/><SessionToken/><Expiration/></Credentials>…
    private static AwsCredentials ReadCredentials(string xml, string action, string roleArn)
    {
        string? accessKeyId = null, secretAccessKey = null, sessionToken = null, expiration = null;
        try
        {
            using var reader = XmlReader.Create(new StringReader(xml), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
            var inCredentials = false;

            // ReadElementContentAsString moves to the next node itself, so the loop reads on only otherwise.
            while (!reader.EOF)
            {
                if (inCredentials && reader.NodeType == XmlNodeType.Element && reader.LocalName is "AccessKeyId" or "SecretAccessKey" or "SessionToken" or "Expiration")
                {
                    var name = reader.LocalName;
                    var value = reader.ReadElementContentAsString().Trim();
                    switch (name)
                    {
                        case "AccessKeyId":
                            accessKeyId = value;
                            break;
                        case "SecretAccessKey":
                            secretAccessKey = value;
                            break;
                        case "SessionToken":
                            sessionToken = value;
                            break;
                        default:
                            expiration = value;
                            break;
                    }

                    continue;
                }

                if (reader.LocalName == "Credentials" && reader.NodeType is XmlNodeType.Element or XmlNodeType.EndElement)
                {
                    inCredentials = reader.NodeType == XmlNodeType.Element && !reader.IsEmptyElement;
                }

                reader.Read();
            }
        }
        catch (XmlException)
        {
            throw new AwsCredentialsException("STS " + action + " for role '" + roleArn + "' answered with XML that could not be read.");
        }

        if (string.IsNullOrEmpty(accessKeyId) || string.IsNullOrEmpty(secretAccessKey) || string.IsNullOrEmpty(sessionToken))
        {
            throw new AwsCredentialsException("STS " + action + " for role '" + roleArn + "' answered without complete credentials.");
        }

        DateTimeOffset? expires = null;
        if (!string.IsNullOrEmpty(expiration))
        {
            if (!DateTimeOffset.TryParse(expiration, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed))
            {
                throw new AwsCredentialsException("STS " + action + " for role '" + roleArn + "' answered with an Expiration that is not an ISO 8601 time.");
            }

            expires = parsed;
        }

        return new AwsCredentials(accessKeyId!, secretAccessKey!, sessionToken) { Expiration = expires };
    }

    // <ErrorResponse><Error><Type/><Code/><Message/></Error><RequestId/></ErrorResponse>
    private static (string? Code, string? Message) ReadError(string xml)
    {
        string? code = null, message = null;
        try
        {
            using var reader = XmlReader.Create(new StringReader(xml), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
            while (!reader.EOF)
            {
                if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "Code")
                {
                    code = reader.ReadElementContentAsString().Trim();
                }
                else if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "Message")
                {
                    message = reader.ReadElementContentAsString().Trim();
                }
                else
                {
                    reader.Read();
                }
            }
        }
        catch (XmlException)
        {
            // Not the STS error shape (a proxy's page): the status code alone is reported.
        }

        return (code, message);
    }
}
