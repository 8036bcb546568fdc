using System;
using System.Globalization;
using System.Text.Json;

namespace Contracts.Runtime.Aws;

/// <summary>
/// Reads the credentials document that the ECS/EKS container endpoint and the EC2 instance metadata service return:
/// <c>{"AccessKeyId": …, "SecretAccessKey": …, "Token": …, "Expiration": "2026-12-07T06:00:00Z"}</c>, with
/// <c>Code</c>/<c>Message</c> from the instance metadata service. Messages name the source and the member, never a value.
/// </summary>
internal static class MetadataCredentialsJson
{
    public static AwsCredentials Read(byte[] body, string source)
    {
        string? accessKeyId = null, secretAccessKey = null, token = null, expiration = null, code = null;
        try
        {
            var reader = new Utf8JsonReader(body);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                throw NotUsable(source, "the answer is not a JSON object");
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = reader.GetString();
                reader.Read();
                if (reader.TokenType != JsonTokenType.String)
                {
                    reader.Skip();
                    continue;
                }

                switch (name)
                {
                    case "AccessKeyId":
                        accessKeyId = reader.GetString();
                        break;
                    case "SecretAccessKey":
                        secretAccessKey = reader.GetString();
                        break;
                    case "Token":
                        token = reader.GetString();
                        break;
                    case "Expiration":
                        expiration = reader.GetString();
                        break;
                    case "Code":
                        code = reader.GetString();
                        break;
                }
            }
        }
        catch (JsonException)
        {
            throw NotUsable(source, "the answer is not valid JSON");
        }

        // The instance metadata service reports a failure to fetch the role's credentials in Code; its Message can
        // repeat the role's configuration, so only the code (a fixed word such as "AssumeRoleUnauthorizedAccess") is shown.
        if (code is not null && code != "Success")
        {
            throw NotUsable(source, "it reported " + Printable(code));
        }

        if (string.IsNullOrEmpty(accessKeyId) || string.IsNullOrEmpty(secretAccessKey))
        {
            throw NotUsable(source, "AccessKeyId or SecretAccessKey is missing");
        }

        DateTimeOffset? expires = null;
        if (!string.IsNullOrEmpty(expiration))
        {
            if (!DateTimeOffset.TryParse(expiration, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed))
            {
                throw NotUsable(source, "Expiration is not a date");
            }

            expires = parsed;
        }

        try
        {
            return new AwsCredentials(accessKeyId!, secretAccessKey!, string.IsNullOrEmpty(token) ? null : token) { Expiration = expires };
        }
        catch (ArgumentException)
        {
            throw NotUsable(source, "a value contains a control character");
        }
    }

    private static AwsCredentialsException NotUsable(string source, string reason) =>
        new("The credentials from " + source + " are not usable: " + reason + ".");

    // A code is a short word; anything else is cut and stripped of control characters before it reaches a message.
    private static string Printable(string text)
    {
        var builder = new System.Text.StringBuilder(Math.Min(text.Length, 64) + 2).Append('\'');
        foreach (var c in text)
        {
            if (builder.Length > 64)
            {
                builder.Append('…');
                break;
            }

            builder.Append(char.IsControl(c) ? '?' : c);
        }

        return builder.Append('\'').ToString();
    }
}
