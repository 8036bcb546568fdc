using System;
using System.Globalization;
using System.Text.Json;

namespace Contracts.Runtime.Authentication;

/// <summary>
/// The members of an OAuth 2.0 token endpoint's JSON answer the client uses (RFC 6749 sections 5.1 and 5.2), read with
/// <see cref="Utf8JsonReader"/> (no reflection): <c>access_token</c>, <c>token_type</c>, <c>expires_in</c> (a number,
/// or a string of one as some servers send), and <c>error</c>, <c>error_description</c>. Other members are skipped.
/// </summary>
internal readonly struct TokenResponse
{
    private TokenResponse(string? accessToken, string? tokenType, double? expiresIn, string? error, string? errorDescription)
    {
        AccessToken = accessToken;
        TokenType = tokenType;
        ExpiresIn = expiresIn;
        Error = error;
        ErrorDescription = errorDescription;
    }

    public string? AccessToken { get; }

    public string? TokenType { get; }

    /// <summary>Seconds the token lives, from when it was issued.</summary>
    public double? ExpiresIn { get; }

    public string? Error { get; }

    public string? ErrorDescription { get; }

    /// <summary>The members of a JSON object; null when the body is not one.</summary>
    public static TokenResponse? Read(ReadOnlySpan<byte> utf8Json)
    {
        string? accessToken = null, tokenType = null, error = null, errorDescription = null;
        double? expiresIn = null;
        var reader = new Utf8JsonReader(utf8Json, new JsonReaderOptions { MaxDepth = 64 });
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return null;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = reader.GetString();
                reader.Read();
                switch (name)
                {
                    case "access_token" when reader.TokenType == JsonTokenType.String:
                        accessToken = reader.GetString();
                        break;
                    case "token_type" when reader.TokenType == JsonTokenType.String:
                        tokenType = reader.GetString();
                        break;
                    case "expires_in" when reader.TokenType == JsonTokenType.Number && reader.TryGetDouble(out var seconds):
                        expiresIn = seconds;
                        break;
                    case "expires_in" when reader.TokenType == JsonTokenType.String
                        && double.TryParse(reader.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var quoted):
                        expiresIn = quoted;
                        break;
                    case "error" when reader.TokenType == JsonTokenType.String:
                        error = reader.GetString();
                        break;
                    case "error_description" when reader.TokenType == JsonTokenType.String:
                        errorDescription = reader.GetString();
                        break;
                    default:
                        reader.Skip();
                        break;
                }
            }
        }
        catch (JsonException)
        {
            return null;
        }

        return new TokenResponse(accessToken, tokenType, expiresIn, error, errorDescription);
    }
}
