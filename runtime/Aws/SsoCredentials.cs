using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Net.Http;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Contracts.Runtime.Http;

namespace Contracts.Runtime.Aws;

/// <summary>
/// IAM Identity Center (SSO) credentials of a profile, as the AWS CLI gets them: the access token that
/// <c>aws sso login</c> cached in <c>~/.aws/sso/cache/&lt;sha1&gt;.json</c> (the SHA-1 of the <c>sso_session</c>
/// name, or of the legacy <c>sso_start_url</c>) is exchanged at the portal's <c>GET /federation/credentials</c> for
/// role credentials. An absent or expired token is not refreshed here: the message tells the user to log in again.
/// </summary>
internal static class SsoCredentials
{
    internal const string EndpointVariable = "AWS_ENDPOINT_URL_SSO";

    public static async Task<AwsCredentials> GetAsync(
        SharedConfigFiles files,
        string profileName,
        AwsEnvironment environment,
        CancellationToken cancellationToken)
    {
        var profile = files.GetProfile(profileName);
        var sessionName = Value(profile, "sso_session");
        string cacheKey, region, login;
        if (sessionName is not null)
        {
            var session = files.GetSsoSession(sessionName);
            if (session.Count == 0)
            {
                throw new AwsCredentialsException("Profile '" + profileName + "' names sso_session '" + sessionName + "', but " + files.ConfigFilePath + " has no [sso-session " + sessionName + "] section.");
            }

            cacheKey = sessionName;
            region = Value(session, "sso_region") ?? throw Missing(profileName, "sso_region (in [sso-session " + sessionName + "])");
            login = "aws sso login --sso-session " + sessionName;
        }
        else
        {
            cacheKey = Value(profile, "sso_start_url") ?? throw Missing(profileName, "sso_start_url or sso_session");
            region = Value(profile, "sso_region") ?? throw Missing(profileName, "sso_region");
            login = "aws sso login --profile " + profileName;
        }

        var accountId = Value(profile, "sso_account_id") ?? throw Missing(profileName, "sso_account_id");
        var roleName = Value(profile, "sso_role_name") ?? throw Missing(profileName, "sso_role_name");
        var token = ReadCachedToken(environment, cacheKey, profileName, login);
        return await FetchRoleCredentialsAsync(environment, region, accountId, roleName, token, profileName, cancellationToken).ConfigureAwait(false);
    }

    internal static string CacheFileName(string key)
    {
        using var sha1 = SHA1.Create();
        var hash = sha1.ComputeHash(Encoding.UTF8.GetBytes(key));
        var hex = new StringBuilder(hash.Length * 2);
        foreach (var b in hash)
        {
            hex.Append(b.ToString("x2", CultureInfo.InvariantCulture));
        }

        return hex + ".json";
    }

    private static string ReadCachedToken(AwsEnvironment environment, string cacheKey, string profileName, string login)
    {
        var path = environment.ExpandHome(Path.Combine("~", ".aws", "sso", "cache", CacheFileName(cacheKey)));
        var text = environment.ReadFile(path)
            ?? throw new AwsCredentialsException("Profile '" + profileName + "' uses AWS SSO, but there is no cached SSO token (" + path + "). Run `" + login + "`.");
        string? accessToken = null, expiresAt = null;
        try
        {
            var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(text));
            if (reader.Read() && reader.TokenType == JsonTokenType.StartObject)
            {
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    var name = reader.GetString();
                    reader.Read();
                    if (name == "accessToken" && reader.TokenType == JsonTokenType.String)
                    {
                        accessToken = reader.GetString();
                    }
                    else if (name == "expiresAt" && reader.TokenType == JsonTokenType.String)
                    {
                        expiresAt = reader.GetString();
                    }
                    else
                    {
                        reader.Skip();
                    }
                }
            }
        }
        catch (JsonException)
        {
            throw new AwsCredentialsException("The cached SSO token " + path + " of profile '" + profileName + "' is not valid JSON. Run `" + login + "`.");
        }

        if (string.IsNullOrEmpty(accessToken) || expiresAt is null
            || !DateTimeOffset.TryParse(expiresAt, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var expires))
        {
            throw new AwsCredentialsException("The cached SSO token " + path + " of profile '" + profileName + "' has no accessToken or no valid expiresAt. Run `" + login + "`.");
        }

        if (expires <= environment.Clock())
        {
            throw new AwsCredentialsException("The SSO session of profile '" + profileName + "' expired at " + expires.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture) + ". Run `" + login + "` to sign in again.");
        }

        return accessToken!;
    }

    private static async Task<AwsCredentials> FetchRoleCredentialsAsync(
        AwsEnvironment environment,
        string region,
        string accountId,
        string roleName,
        string token,
        string profileName,
        CancellationToken cancellationToken)
    {
        var endpoint = PortalEndpoint(environment, region);
        var uri = new Uri(endpoint, "federation/credentials?account_id=" + Uri.EscapeDataString(accountId) + "&role_name=" + Uri.EscapeDataString(roleName));
        var scrubber = CredentialScrubber.Of(token);
        using var request = new HttpRequestMessage(HttpMethod.Get, uri);
        request.Headers.TryAddWithoutValidation("x-amz-sso_bearer_token", token);
        try
        {
            using var response = await environment.GetHttpClient().SendAsync(request, cancellationToken).ConfigureAwait(false);
            var text = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
            if ((int)response.StatusCode is 401 or 403)
            {
                throw new AwsCredentialsException(
                    "The SSO portal refused the cached token of profile '" + profileName + "' (HTTP " + (int)response.StatusCode + "; account " + accountId + ", role " + roleName
                    + "). Run `aws sso login` again, or check that the role is assigned to you.");
            }

            if (!response.IsSuccessStatusCode)
            {
                throw new AwsCredentialsException("The SSO portal " + endpoint + " answered HTTP " + (int)response.StatusCode + " for profile '" + profileName + "'.");
            }

            return ReadRoleCredentials(text, profileName);
        }
        catch (HttpRequestException exception)
        {
            throw new AwsCredentialsException("The SSO portal " + endpoint + " could not be reached for profile '" + profileName + "': " + scrubber.Scrub(exception.Message));
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new AwsCredentialsException("The SSO portal " + endpoint + " timed out for profile '" + profileName + "'.");
        }
    }

    // {"roleCredentials":{"accessKeyId":"…","secretAccessKey":"…","sessionToken":"…","expiration":1700000000000}}
    private static AwsCredentials ReadRoleCredentials(string json, string profileName)
    {
        string? accessKeyId = null, secretAccessKey = null, sessionToken = null;
        long? expiration = null;
        try
        {
            var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
            while (reader.Read())
            {
                if (reader.TokenType != JsonTokenType.PropertyName || reader.CurrentDepth != 2)
                {
                    continue;
                }

                var name = reader.GetString();
                reader.Read();
                switch (name)
                {
                    case "accessKeyId" when reader.TokenType == JsonTokenType.String:
                        accessKeyId = reader.GetString();
                        break;
                    case "secretAccessKey" when reader.TokenType == JsonTokenType.String:
                        secretAccessKey = reader.GetString();
                        break;
                    case "sessionToken" when reader.TokenType == JsonTokenType.String:
                        sessionToken = reader.GetString();
                        break;
                    case "expiration" when reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out var milliseconds):
                        expiration = milliseconds;
                        break;
                    default:
                        reader.Skip();
                        break;
                }
            }
        }
        catch (JsonException)
        {
            throw new AwsCredentialsException("The SSO portal answered with JSON that could not be read for profile '" + profileName + "'.");
        }

        if (string.IsNullOrEmpty(accessKeyId) || string.IsNullOrEmpty(secretAccessKey))
        {
            throw new AwsCredentialsException("The SSO portal answered without role credentials for profile '" + profileName + "'.");
        }

        return new AwsCredentials(accessKeyId!, secretAccessKey!, string.IsNullOrEmpty(sessionToken) ? null : sessionToken)
        {
            Expiration = expiration is { } ms ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : null,
        };
    }

    private static Uri PortalEndpoint(AwsEnvironment environment, string region)
    {
        var configured = environment.GetVariable(EndpointVariable) ?? environment.GetVariable(SecurityTokenService.GlobalEndpointVariable);
        if (configured is null)
        {
            return new Uri("https://portal.sso." + region + ".amazonaws.com/");
        }

        if (!Uri.TryCreate(configured.EndsWith("/", StringComparison.Ordinal) ? configured : configured + "/", UriKind.Absolute, out var endpoint)
            || (endpoint.Scheme != "https" && endpoint.Scheme != "http"))
        {
            throw new AwsCredentialsException("The SSO endpoint '" + configured + "' (" + EndpointVariable + ") is not an absolute http(s) URL.");
        }

        return endpoint;
    }

    private static string? Value(IReadOnlyDictionary<string, string> properties, string name) =>
        properties.TryGetValue(name, out var value) && value.Length > 0 ? value : null;

    private static AwsCredentialsException Missing(string profileName, string property) =>
        new("Profile '" + profileName + "' uses AWS SSO but does not set " + property + ".");
}
