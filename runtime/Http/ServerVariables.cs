using System;
using System.Text;

namespace Contracts.Runtime.Http;

/// <summary>
/// Fills the <c>{name}</c> variables of an OpenAPI server URL. A variable whose document declares an <c>enum</c> must
/// hold one of those values; any other is checked against the grammar of where it stands in the template, so that a
/// value cannot reach beyond its place: in the host a label (<c>[A-Za-z0-9-]</c>, no <c>-</c> at either end) or, when
/// the variable is the whole host, a host name of such labels; a port of digits; a scheme of <c>http</c> or
/// <c>https</c>; in the path one segment other than <c>.</c> and <c>..</c> (the value is escaped).
/// </summary>
internal static class ServerVariables
{
    private const int MaxListedValues = 20;
    private const int MaxShownLength = 64;

    private static readonly char[] s_authorityEnds = ['/', '?', '#'];

    private enum Position
    {
        Scheme,
        HostLabel,
        HostName,
        Port,
        Path,
    }

    public static string Expand(string template, string name, string? value, string[]? allowedValues)
    {
        if (value is null || value.Length == 0)
        {
            throw new ArgumentException("The server variable '" + name + "' has no value.", "variables");
        }

        var placeholder = "{" + name + "}";
        if (allowedValues is { Length: > 0 })
        {
            if (Array.IndexOf(allowedValues, value) < 0)
            {
                throw new ArgumentException(
                    "The server variable '" + name + "' is " + Shown(name, value) + ", which is not one of the values the OpenAPI document declares: " + List(allowedValues) + ".",
                    "variables");
            }
        }
        else
        {
            for (var at = template.IndexOf(placeholder, StringComparison.Ordinal); at >= 0; at = template.IndexOf(placeholder, at + placeholder.Length, StringComparison.Ordinal))
            {
                var position = PositionOf(template, at, placeholder.Length);
                if (!Fits(position, value))
                {
                    throw new ArgumentException("The server variable '" + name + "' is " + Shown(name, value) + ", which is not " + Describe(position) + ".", "variables");
                }
            }
        }

        return template.Replace(placeholder, Uri.EscapeDataString(value));
    }

    /// <summary>A host label: 1–63 letters, digits and hyphens, not starting or ending with a hyphen (an AWS region is one).</summary>
    public static bool IsHostLabel(string value, int start, int length)
    {
        if (length is < 1 or > 63 || value[start] == '-' || value[start + length - 1] == '-')
        {
            return false;
        }

        for (var i = start; i < start + length; i++)
        {
            var c = value[i];
            if (!(c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '-'))
            {
                return false;
            }
        }

        return true;
    }

    private static Position PositionOf(string template, int at, int length)
    {
        var schemeEnd = template.IndexOf("://", StringComparison.Ordinal);
        if (schemeEnd < 0)
        {
            return Position.Path;
        }

        if (at < schemeEnd)
        {
            return Position.Scheme;
        }

        var authorityStart = schemeEnd + 3;
        var authorityEnd = template.IndexOfAny(s_authorityEnds, authorityStart);
        if (authorityEnd < 0)
        {
            authorityEnd = template.Length;
        }

        if (at >= authorityEnd)
        {
            return Position.Path;
        }

        var hostStart = template.LastIndexOf('@', authorityEnd - 1, authorityEnd - authorityStart) + 1;
        hostStart = Math.Max(hostStart, authorityStart);
        var colon = template.LastIndexOf(':', authorityEnd - 1, authorityEnd - hostStart);
        if (colon >= 0 && at > colon)
        {
            return Position.Port;
        }

        // The variable is the whole host (https://{host}/v1): the document lets the caller choose it.
        return at == hostStart && at + length == (colon >= 0 ? colon : authorityEnd) ? Position.HostName : Position.HostLabel;
    }

    private static bool Fits(Position position, string value)
    {
        switch (position)
        {
            case Position.Scheme:
                return string.Equals(value, "https", StringComparison.OrdinalIgnoreCase) || string.Equals(value, "http", StringComparison.OrdinalIgnoreCase);
            case Position.HostLabel:
                return IsHostLabel(value, 0, value.Length);
            case Position.HostName:
                return IsHostName(value, value.Length);
            case Position.Port:
                return IsPort(value);
            default:
                // Escaped, the value stays one segment; only the dot segments would move the path.
                return value is not ("." or "..");
        }
    }

    private static bool IsHostName(string value, int length)
    {
        if (length is < 1 or > 253)
        {
            return false;
        }

        var start = 0;
        while (true)
        {
            var dot = value.IndexOf('.', start, length - start);
            var end = dot < 0 ? length : dot;
            if (!IsHostLabel(value, start, end - start))
            {
                return false;
            }

            if (dot < 0)
            {
                return true;
            }

            start = dot + 1;
        }
    }

    private static bool IsPort(string value)
    {
        if (value.Length is < 1 or > 5)
        {
            return false;
        }

        var port = 0;
        foreach (var c in value)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }

            port = (port * 10) + (c - '0');
        }

        return port is >= 1 and <= 65535;
    }

    private static string Describe(Position position) => position switch
    {
        Position.Scheme => "http or https (it is the URL's scheme)",
        Position.HostLabel => "a host label (letters, digits and hyphens, not at either end; it is part of the host name)",
        Position.HostName => "a host name (labels of letters, digits and hyphens, separated by dots)",
        Position.Port => "a port number",
        _ => "a path segment ('.' and '..' would move the path)",
    };

    private static string List(string[] values)
    {
        var text = new StringBuilder();
        for (var i = 0; i < values.Length && i < MaxListedValues; i++)
        {
            text.Append(i == 0 ? string.Empty : ", ").Append(values[i]);
        }

        return values.Length > MaxListedValues ? text.Append(", …").ToString() : text.ToString();
    }

    // A variable named like a credential ({token} in https://api.example.com/bot{token}) is not repeated in the message.
    private static string Shown(string name, string value) => CredentialScrubber.IsSecretName(name) ? "a value (not shown: the name says it is a credential)" : Shown(value);

    /// <summary>A caller's value quoted for a message: bounded, with control characters visible, so that it cannot garble a log line.</summary>
    internal static string Shown(string value)
    {
        var text = new StringBuilder("'");
        for (var i = 0; i < value.Length && i < MaxShownLength; i++)
        {
            var c = value[i];
            if (char.IsControl(c))
            {
                text.Append("\\u").Append(((int)c).ToString("X4", System.Globalization.CultureInfo.InvariantCulture));
            }
            else
            {
                text.Append(c);
            }
        }

        return (value.Length > MaxShownLength ? text.Append('…') : text).Append('\'').ToString();
    }
}
