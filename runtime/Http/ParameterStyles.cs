using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Contracts.Runtime.Http;

/// <summary>
/// Spells parameter values the way OpenAPI's <c>style</c> and <c>explode</c> say, for each location. Every piece of
/// caller text is percent-escaped, so a value can never add a path segment, a query parameter or a header line.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class ParameterStyles
{
    /// <summary>
    /// The text that replaces <c>{name}</c> in the path (simple, label or matrix), escaped. Path values are required,
    /// so an empty one (<c>""</c>, an empty list or object, a list of empty strings) is refused, as is a value the
    /// style would spell as a dot segment (label style prefixes a <c>.</c>): <see cref="ArgumentException"/> naming
    /// <paramref name="name"/>, before anything is sent.
    /// </summary>
    public static string Path(string name, ParameterValue value, ParameterStyle style, bool explode)
    {
        RefuseEmpty(name, value);
        var prefix = style switch
        {
            ParameterStyle.Label => ".",
            ParameterStyle.Matrix => ";",
            _ => string.Empty,
        };
        var text = new StringBuilder(prefix);
        if (value.Scalar is { } scalar)
        {
            if (style == ParameterStyle.Matrix)
            {
                text.Append(Segment(name, name)).Append('=');
            }

            text.Append(Segment(scalar, name));
        }
        else if (value.Items is { } items)
        {
            // Exploded lists and objects repeat the prefix (label, matrix) or use commas (simple).
            var separator = explode && style != ParameterStyle.Simple ? prefix : ",";
            var first = true;
            if (style == ParameterStyle.Matrix && !explode)
            {
                text.Append(Segment(name, name)).Append('=');
            }

            foreach (var item in items)
            {
                text.Append(first ? string.Empty : separator);
                if (style == ParameterStyle.Matrix && explode)
                {
                    text.Append(Segment(name, name)).Append('=');
                }

                text.Append(Segment(item, name));
                first = false;
            }
        }
        else
        {
            var separator = explode && style != ParameterStyle.Simple ? prefix : ",";
            var first = true;
            if (style == ParameterStyle.Matrix && !explode)
            {
                text.Append(Segment(name, name)).Append('=');
            }

            foreach (var member in value.Members!)
            {
                text.Append(first ? string.Empty : separator).Append(Segment(member.Key, name)).Append(explode ? "=" : ",").Append(Segment(member.Value, name));
                first = false;
            }
        }

        // Checked on what the style made of the value too: label style's "." prefix is not in any piece.
        var path = text.ToString();
        RefuseDotSegment(path, name);
        return path;
    }

    /// <summary>
    /// Escapes the value of path parameter <paramref name="name"/> in simple style (one segment, or part of one).
    /// An empty value or one made only of dots is refused with an <see cref="ArgumentException"/> naming the parameter.
    /// </summary>
    internal static string PathSegment(string value, string name)
    {
        if (value is null)
        {
            throw new ArgumentNullException(name);
        }

        if (value.Length == 0)
        {
            throw EmptyValue(name);
        }

        return Segment(value, name);
    }

    /// <summary>Appends a query parameter (form, spaceDelimited, pipeDelimited or deepObject).</summary>
    public static void AppendQuery(StringBuilder uri, string name, ParameterValue value, ParameterStyle style, bool explode)
    {
        foreach (var (key, text) in QueryPairs(name, value, style, explode))
        {
            uri.Append(HasQuery(uri) ? '&' : '?').Append(key).Append('=').Append(text);
        }
    }

    /// <summary>
    /// Appends a deepObject query parameter whose value is a list of objects, spelled as form bodies spell deepObject
    /// members: <c>lines[0][amount]=100&amp;lines[0][price][id]=p1</c> (brackets escaped). Nulls are left out.
    /// </summary>
    public static void AppendDeepObject<T>(StringBuilder uri, string name, T value, JsonTypeInfo<T> typeInfo)
    {
        using var document = JsonSerializer.SerializeToDocument(value, typeInfo);
        var fields = new List<KeyValuePair<string, string>>();
        FormBody.Flatten(name, document.RootElement, fields);
        foreach (var field in fields)
        {
            uri.Append(HasQuery(uri) ? '&' : '?').Append(Uri.EscapeDataString(field.Key)).Append('=').Append(Uri.EscapeDataString(field.Value));
        }
    }

    /// <summary>Adds a header parameter (simple style); values with CR or LF are refused.</summary>
    public static void AddHeader(HttpRequestMessage request, string name, ParameterValue value, bool explode)
    {
        ContractsHttp.AddHeader(request, name, Join(value, explode, escape: false));
    }

    /// <summary>Adds a cookie parameter (form style) to the request's <c>Cookie</c> header; the value is percent-escaped.</summary>
    public static void AddCookie(HttpRequestMessage request, string name, ParameterValue value, bool explode)
    {
        var pairs = new List<string>();
        if (explode && value.Items is { } items)
        {
            foreach (var item in items)
            {
                pairs.Add(Uri.EscapeDataString(name) + "=" + Uri.EscapeDataString(item));
            }
        }
        else if (explode && value.Members is { } members)
        {
            foreach (var member in members)
            {
                pairs.Add(Uri.EscapeDataString(member.Key) + "=" + Uri.EscapeDataString(member.Value));
            }
        }
        else
        {
            pairs.Add(Uri.EscapeDataString(name) + "=" + Join(value, explode: false, escape: true));
        }

        var cookie = string.Join("; ", pairs);
        if (request.Headers.TryGetValues("Cookie", out var existing))
        {
            cookie = string.Join("; ", existing) + "; " + cookie;
            request.Headers.Remove("Cookie");
        }

        ContractsHttp.AddHeader(request, "Cookie", cookie);
    }

    private static IEnumerable<(string Key, string Text)> QueryPairs(string name, ParameterValue value, ParameterStyle style, bool explode)
    {
        var escapedName = Uri.EscapeDataString(name);
        if (value.Scalar is { } scalar)
        {
            yield return (escapedName, Uri.EscapeDataString(scalar));
        }
        else if (value.Items is { } items)
        {
            if (explode && style is ParameterStyle.Form or ParameterStyle.DeepObject)
            {
                foreach (var item in items)
                {
                    yield return (escapedName, Uri.EscapeDataString(item));
                }
            }
            else if (items.Count > 0)
            {
                var delimiter = style switch
                {
                    ParameterStyle.SpaceDelimited => "%20",
                    ParameterStyle.PipeDelimited => "%7C",
                    _ => ",",
                };
                yield return (escapedName, JoinEscaped(items, delimiter));
            }
        }
        else if (style == ParameterStyle.DeepObject)
        {
            foreach (var member in value.Members!)
            {
                yield return (escapedName + "%5B" + Uri.EscapeDataString(member.Key) + "%5D", Uri.EscapeDataString(member.Value));
            }
        }
        else if (explode)
        {
            foreach (var member in value.Members!)
            {
                yield return (Uri.EscapeDataString(member.Key), Uri.EscapeDataString(member.Value));
            }
        }
        else if (value.Members!.Count > 0)
        {
            yield return (escapedName, Join(value, explode: false, escape: true));
        }
    }

    /// <summary>The simple-style text of a value: items joined by commas, members as <c>k,v</c> or (exploded) <c>k=v</c>.</summary>
    private static string Join(ParameterValue value, bool explode, bool escape)
    {
        Func<string, string> encode = escape ? Uri.EscapeDataString : static text => text;
        if (value.Scalar is { } scalar)
        {
            return encode(scalar);
        }

        if (value.Items is { } items)
        {
            var parts = new List<string>(items.Count);
            foreach (var item in items)
            {
                parts.Add(encode(item));
            }

            return string.Join(",", parts);
        }

        var pairs = new List<string>();
        foreach (var member in value.Members!)
        {
            pairs.Add(encode(member.Key) + (explode ? "=" : ",") + encode(member.Value));
        }

        return string.Join(",", pairs);
    }

    private static string JoinEscaped(IReadOnlyList<string> items, string delimiter)
    {
        var text = new StringBuilder();
        for (var i = 0; i < items.Count; i++)
        {
            text.Append(i == 0 ? string.Empty : delimiter).Append(Uri.EscapeDataString(items[i]));
        }

        return text.ToString();
    }

    /// <summary>
    /// Escapes text for a path segment. A value made only of dots (<c>.</c>, <c>..</c>) is refused: <c>System.Uri</c>
    /// would resolve it as a relative segment (even escaped as <c>%2E</c>) and the request would go to another route.
    /// </summary>
    internal static string Segment(string value, string name)
    {
        var escaped = Uri.EscapeDataString(value);
        RefuseDotSegment(escaped, name);
        return escaped;
    }

    private static void RefuseDotSegment(string segment, string name)
    {
        if (segment.Length > 0 && segment.Trim('.').Length == 0)
        {
            throw new ArgumentException("The path parameter '" + name + "' would be sent as the relative path segment '" + segment + "'.", name);
        }
    }

    /// <summary>A value with no text in it: <c>""</c>, no items or members, or only empty ones.</summary>
    private static void RefuseEmpty(string name, ParameterValue value)
    {
        var empty = value.Scalar is { } scalar ? scalar.Length == 0
            : value.Items is { } items ? AllEmpty(items)
            : value.Members is not { } members || AllEmpty(members);
        if (empty)
        {
            throw EmptyValue(name);
        }
    }

    private static bool AllEmpty(IReadOnlyList<string> items)
    {
        foreach (var item in items)
        {
            if (item.Length > 0)
            {
                return false;
            }
        }

        return true;
    }

    private static bool AllEmpty(IReadOnlyList<KeyValuePair<string, string>> members)
    {
        foreach (var member in members)
        {
            if (member.Key.Length > 0 || member.Value.Length > 0)
            {
                return false;
            }
        }

        return true;
    }

    // Sent, it would address another resource: /things/ instead of /things/{id}, or (label style) /things/. → /things/.
    private static ArgumentException EmptyValue(string name) =>
        new("The path parameter '" + name + "' is empty; a path value is required and must not be empty.", name);

    private static bool HasQuery(StringBuilder uri)
    {
        for (var i = 0; i < uri.Length; i++)
        {
            if (uri[i] == '?')
            {
                return true;
            }
        }

        return false;
    }
}
