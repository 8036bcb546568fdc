using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.IO;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Threading.Tasks;
using Contracts.Runtime.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Net.Http.Headers;

namespace Contracts.Runtime.AspNetCore;

/// <summary>
/// Binds one request's parameters and body for a generated endpoint, the exact inverse of how generated clients write
/// them (<see cref="ParameterStyles"/>). Every problem is collected, keyed by the document's parameter name (or
/// <c>body</c>), so that one <c>400</c> answer names them all and the handler is never called with bad input.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed partial class RequestBinder
{
    private const int QuotedValueLimit = 64;

    private readonly string _operationId;
    private readonly ProblemFormat _format;
    private bool _unreadableBody;
    private List<KeyValuePair<string, List<string>>>? _errors;
    private List<KeyValuePair<string, string>>? _query;
    private List<KeyValuePair<string, string>>? _cookies;
    private string? _rawTarget;
    private int _rawPathEnd;
    private int _status = StatusCodes.Status400BadRequest;

    /// <summary>Starts binding a request to operation <paramref name="operationId"/>.</summary>
    public RequestBinder(HttpContext context, string operationId)
        : this(context, operationId, ProblemFormat.ProblemDetails)
    {
    }

    /// <summary>Starts binding a request to operation <paramref name="operationId"/>, refusing bad input in <paramref name="format"/>.</summary>
    public RequestBinder(HttpContext context, string operationId, ProblemFormat format)
    {
        Context = context ?? throw new ArgumentNullException(nameof(context));
        _operationId = operationId;
        _format = format;
    }

    /// <summary>The request being bound.</summary>
    public HttpContext Context { get; }

    /// <summary>Some value was missing or malformed: answer with <see cref="WriteProblemAsync"/>, not the handler.</summary>
    public bool HasErrors => _errors is not null;

    /// <summary>
    /// The text of path parameter <paramref name="name"/>, its style undone (label's <c>.</c>, matrix's
    /// <c>;name=</c>). <paramref name="segment"/> counts the path's segments from its end (0 is the last) when the
    /// parameter is a whole segment: the value is then read from the raw request target, so an escaped <c>/</c> or
    /// delimiter in it is kept; -1 reads the route value <paramref name="routeName"/> instead. Null (and a problem)
    /// when empty.
    /// </summary>
    public string? Path(string routeName, string name, int segment, ParameterStyle style, bool explode)
    {
        var text = PathText(routeName, name, segment, style, out _);
        if (text is null)
        {
            return null;
        }

        var value = Unescape(text);
        if (value.Length == 0)
        {
            AddError(name, "is required in the path.");
            return null;
        }

        return value;
    }

    /// <summary>The items of list path parameter <paramref name="name"/> (see <see cref="Path"/>).</summary>
    public IReadOnlyList<string>? PathList(string routeName, string name, int segment, ParameterStyle style, bool explode)
    {
        var text = PathText(routeName, name, segment, style, out var prefix);
        if (text is null)
        {
            return null;
        }

        // Exploded label lists repeat "."; exploded matrix lists repeat ";name="; everything else uses commas.
        var separator = explode && style != ParameterStyle.Simple ? prefix : ",";
        var items = new List<string>();
        foreach (var item in text.Split(new[] { separator }, StringSplitOptions.None))
        {
            items.Add(Unescape(item));
        }

        if (items.Count == 1 && items[0].Length == 0)
        {
            AddError(name, "is required in the path.");
            return null;
        }

        return items;
    }

    /// <summary>The value of query parameter <paramref name="name"/>; null when absent (a problem when <paramref name="required"/>).</summary>
    public string? Query(string name, bool required)
    {
        var values = Find(QueryPairs(), name);
        if (values.Count == 0)
        {
            return Missing(name, ParameterSource.Query, required);
        }

        if (values.Count > 1)
        {
            AddError(name, "is given " + values.Count + " times in the query; one value is expected.");
            return null;
        }

        return Unescape(values[0]);
    }

    /// <summary>
    /// The items of list query parameter <paramref name="name"/>: repeated (form, exploded), or one value split on
    /// <c>,</c> (form), a space (spaceDelimited) or <c>|</c> (pipeDelimited) before unescaping, so an escaped
    /// delimiter stays in its item.
    /// </summary>
    public IReadOnlyList<string>? QueryList(string name, ParameterStyle style, bool explode, bool required)
    {
        var values = Find(QueryPairs(), name);
        if (values.Count == 0)
        {
            Missing(name, ParameterSource.Query, required);
            return null;
        }

        var items = new List<string>();
        if (explode && style is ParameterStyle.Form or ParameterStyle.DeepObject)
        {
            foreach (var value in values)
            {
                items.Add(Unescape(value));
            }

            return items;
        }

        if (values.Count > 1)
        {
            AddError(name, "is given " + values.Count + " times in the query; one delimited list is expected.");
            return null;
        }

        foreach (var item in SplitRaw(values[0], style))
        {
            items.Add(Unescape(item));
        }

        return items;
    }

    /// <summary>The value of header parameter <paramref name="name"/>; several lines are joined with commas.</summary>
    public string? Header(string name, bool required)
    {
        var values = Context.Request.Headers[name];
        return values.Count == 0 ? Missing(name, ParameterSource.Header, required) : values.ToString();
    }

    /// <summary>The items of list header parameter <paramref name="name"/> (simple style: comma-separated, spaces around items ignored).</summary>
    public IReadOnlyList<string>? HeaderList(string name, bool required)
    {
        var values = Context.Request.Headers[name];
        if (values.Count == 0)
        {
            Missing(name, ParameterSource.Header, required);
            return null;
        }

        var items = new List<string>();
        foreach (var line in values)
        {
            foreach (var item in (line ?? string.Empty).Split(','))
            {
                items.Add(item.Trim(' ', '\t'));
            }
        }

        return items;
    }

    /// <summary>The value of cookie parameter <paramref name="name"/>, unescaped.</summary>
    public string? Cookie(string name, bool required)
    {
        var values = Find(CookiePairs(), name);
        if (values.Count == 0)
        {
            return Missing(name, ParameterSource.Cookie, required);
        }

        if (values.Count > 1)
        {
            AddError(name, "is given " + values.Count + " times in the Cookie header; one value is expected.");
            return null;
        }

        return Unescape(values[0]);
    }

    /// <summary>The items of list cookie parameter <paramref name="name"/>: repeated pairs (exploded) or one comma-separated value.</summary>
    public IReadOnlyList<string>? CookieList(string name, bool explode, bool required)
    {
        var values = Find(CookiePairs(), name);
        if (values.Count == 0)
        {
            Missing(name, ParameterSource.Cookie, required);
            return null;
        }

        var items = new List<string>();
        foreach (var value in values)
        {
            if (explode)
            {
                items.Add(Unescape(value));
                continue;
            }

            foreach (var item in value.Split(','))
            {
                items.Add(Unescape(item));
            }
        }

        return items;
    }

    /// <summary>
    /// Converts <paramref name="text"/> with <paramref name="parser"/>; a malformed value is a problem naming the
    /// parameter, the value (shortened) and <paramref name="expected"/> (<c>an integer</c>), and gives default.
    /// </summary>
    public T Scalar<T>(string? text, string name, ParameterSource source, ScalarParser<T> parser, string expected)
    {
        if (text is null)
        {
            return default!;
        }

        if (parser(text, out var value))
        {
            return value;
        }

        AddError(name, Quote(text) + " is not " + expected + " (" + Describe(source) + ").");
        return default!;
    }

    /// <summary>Converts each item (see <see cref="Scalar{T}"/>); the first malformed item is the problem.</summary>
    public IReadOnlyList<T>? List<T>(IReadOnlyList<string>? items, string name, ParameterSource source, ScalarParser<T> parser, string expected)
    {
        if (items is null)
        {
            return null;
        }

        var values = new T[items.Count];
        for (var i = 0; i < items.Count; i++)
        {
            if (!parser(items[i], out values[i]))
            {
                AddError(name, "item " + i + ", " + Quote(items[i]) + ", is not " + expected + " (" + Describe(source) + ").");
                return null;
            }
        }

        return values;
    }

    /// <summary>
    /// Reads a JSON body through the generated context. Absent (or <c>null</c>) when <paramref name="required"/>, not
    /// JSON, malformed, or refused by the generated reader: a problem under <c>body</c> (the reader's message names the
    /// member); too large: <c>413</c>; another media type: <c>415</c>.
    /// </summary>
    public async ValueTask<T?> JsonBodyAsync<T>(JsonTypeInfo<T> typeInfo, bool required)
    {
        if (!HasBody())
        {
            Missing("body", null, required);
            return default;
        }

        if (!IsJson(Context.Request.ContentType))
        {
            UnsupportedMediaType("application/json");
            return default;
        }

        try
        {
            var value = await JsonSerializer.DeserializeAsync(Context.Request.Body, typeInfo, Context.RequestAborted).ConfigureAwait(false);
            if (value is null && required)
            {
                AddError("body", "is required, but the body is null.");
            }

            return value;
        }
        catch (JsonException exception)
        {
            _unreadableBody = true;
            AddError("body", DescribeJsonError(exception));
        }
        catch (BadHttpRequestException exception)
        {
            RefusedBody(exception);
        }

        return default;
    }

    /// <summary>Reads a <c>text/*</c> body in the charset its <c>Content-Type</c> names (UTF-8 when none).</summary>
    public async ValueTask<string?> TextBodyAsync(bool required)
    {
        if (!HasBody())
        {
            return Missing("body", null, required);
        }

        var encoding = Encoding.UTF8;
        if (MediaTypeHeaderValue.TryParse(Context.Request.ContentType, out var mediaType) && mediaType.Encoding is { } declared)
        {
            encoding = declared;
        }

        try
        {
            using var reader = new StreamReader(Context.Request.Body, encoding, detectEncodingFromByteOrderMarks: false, bufferSize: 4096, leaveOpen: true);
            return await reader.ReadToEndAsync(Context.RequestAborted).ConfigureAwait(false);
        }
        catch (BadHttpRequestException exception)
        {
            RefusedBody(exception);
            return null;
        }
    }

    /// <summary>
    /// The request body as a stream, read as the handler goes (the server's request size limit still applies); null
    /// when there is none (a problem when <paramref name="required"/>).
    /// </summary>
    public Stream? StreamBody(bool required) => HasBody() ? Context.Request.Body : Missing<Stream>("body", required);

    /// <summary>Records a problem with <paramref name="name"/> (a parameter, <c>body</c>, or a member's path).</summary>
    public void AddError(string name, string message)
    {
        _errors ??= new List<KeyValuePair<string, List<string>>>();
        foreach (var entry in _errors)
        {
            if (entry.Key == name)
            {
                entry.Value.Add(message);
                return;
            }
        }

        _errors.Add(new KeyValuePair<string, List<string>>(name, new List<string> { message }));
    }

    /// <summary>Answers with the problems found: <c>400</c> (or <c>413</c>, <c>415</c>) and an RFC 9457 problem body.</summary>
    public Task WriteProblemAsync()
    {
        var errors = _errors ?? new List<KeyValuePair<string, List<string>>>();
        var detail = errors.Count == 0 ? null : Detail(errors[0]);
        if (_format == ProblemFormat.AwsJson)
        {
            var type = _status == StatusCodes.Status413PayloadTooLarge ? "RequestEntityTooLargeException"
                : _unreadableBody ? "SerializationException"
                : "ValidationException";
            return ProblemWriter.WriteAwsAsync(Context, _status == StatusCodes.Status415UnsupportedMediaType ? StatusCodes.Status400BadRequest : _status, type, AwsMessage(errors));
        }

        return ProblemWriter.WriteAsync(Context, _status, detail, _operationId, errors);
    }

    private static string Detail(KeyValuePair<string, List<string>> first) => first.Key + ": " + first.Value[0];

    /// <summary>AWS errors carry one message: every problem, each named.</summary>
    private static string AwsMessage(List<KeyValuePair<string, List<string>>> errors)
    {
        var text = new StringBuilder();
        foreach (var error in errors)
        {
            foreach (var message in error.Value)
            {
                text.Append(text.Length == 0 ? string.Empty : " ").Append(error.Key).Append(": ").Append(message);
            }
        }

        return text.ToString();
    }

    /// <summary>The raw (still escaped) text of a path parameter with its style's prefix removed; null and a problem when absent or misspelled.</summary>
    private string? PathText(string routeName, string name, int segment, ParameterStyle style, out string prefix)
    {
        prefix = style switch
        {
            ParameterStyle.Label => ".",
            ParameterStyle.Matrix => ";" + Uri.EscapeDataString(name) + "=",
            _ => string.Empty,
        };

        string? raw;
        if (segment >= 0)
        {
            raw = RawSegment(segment);
        }
        else
        {
            // Part of a segment: routing has unescaped it already, except for "%2F", which Kestrel keeps escaped.
            raw = Context.Request.RouteValues.TryGetValue(routeName, out var routed) ? Convert.ToString(routed, System.Globalization.CultureInfo.InvariantCulture) : null;
            raw = raw is null ? null : Uri.EscapeDataString(raw).Replace("%252F", "%2F").Replace("%252f", "%2F");
        }

        if (string.IsNullOrEmpty(raw))
        {
            AddError(name, "is required in the path.");
            return null;
        }

        if (!raw!.StartsWith(prefix, StringComparison.Ordinal))
        {
            AddError(name, Quote(Unescape(raw)) + " does not start with '" + prefix + "' as the " + style.ToString().ToLowerInvariant() + " style writes it (path).");
            return null;
        }

        return prefix.Length == 0 ? raw : raw.Substring(prefix.Length);
    }

    /// <summary>
    /// Segment <paramref name="fromEnd"/> of the raw request target, counted from the end (0 is the last): the raw
    /// target keeps every escape that routing has undone, and counting from the end is the same with or without a
    /// PathBase in front. Found by scanning, without splitting the whole path.
    /// </summary>
    private string? RawSegment(int fromEnd)
    {
        if (_rawTarget is null)
        {
            var target = Context.Features.Get<IHttpRequestFeature>()?.RawTarget;
            _rawTarget = string.IsNullOrEmpty(target) || target![0] != '/'
                ? (Context.Request.PathBase + Context.Request.Path).ToUriComponent()
                : target;
            var query = _rawTarget.IndexOf('?');
            _rawPathEnd = query < 0 ? _rawTarget.Length : query;
            if (_rawPathEnd > 1 && _rawTarget[_rawPathEnd - 1] == '/')
            {
                _rawPathEnd--;
            }
        }

        var end = _rawPathEnd;
        for (var i = 0; i < fromEnd; i++)
        {
            var slash = end == 0 ? -1 : _rawTarget.LastIndexOf('/', end - 1);
            if (slash < 0)
            {
                return null;
            }

            end = slash;
        }

        var start = end == 0 ? 0 : _rawTarget.LastIndexOf('/', end - 1) + 1;
        return _rawTarget.Substring(start, end - start);
    }

    private List<KeyValuePair<string, string>> QueryPairs()
    {
        if (_query is not null)
        {
            return _query;
        }

        _query = new List<KeyValuePair<string, string>>();
        var query = Context.Request.QueryString.Value;
        if (string.IsNullOrEmpty(query))
        {
            return _query;
        }

        foreach (var pair in query!.TrimStart('?').Split('&'))
        {
            if (pair.Length == 0)
            {
                continue;
            }

            var equals = pair.IndexOf('=');
            var key = Unescape(equals < 0 ? pair : pair.Substring(0, equals));
            _query.Add(new KeyValuePair<string, string>(key, equals < 0 ? string.Empty : pair.Substring(equals + 1)));
        }

        return _query;
    }

    private List<KeyValuePair<string, string>> CookiePairs()
    {
        if (_cookies is not null)
        {
            return _cookies;
        }

        _cookies = new List<KeyValuePair<string, string>>();
        foreach (var header in Context.Request.Headers.Cookie)
        {
            foreach (var pair in (header ?? string.Empty).Split(';'))
            {
                var trimmed = pair.Trim();
                var equals = trimmed.IndexOf('=');
                if (equals > 0)
                {
                    _cookies.Add(new KeyValuePair<string, string>(Unescape(trimmed.Substring(0, equals)), trimmed.Substring(equals + 1)));
                }
            }
        }

        return _cookies;
    }

    private static List<string> Find(List<KeyValuePair<string, string>> pairs, string name)
    {
        var values = new List<string>();
        foreach (var pair in pairs)
        {
            if (pair.Key == name)
            {
                values.Add(pair.Value);
            }
        }

        return values;
    }

    private static IEnumerable<string> SplitRaw(string raw, ParameterStyle style) => style switch
    {
        ParameterStyle.SpaceDelimited => raw.Split(new[] { "%20", "+", " " }, StringSplitOptions.None),
        ParameterStyle.PipeDelimited => raw.Split(new[] { "%7C", "%7c", "|" }, StringSplitOptions.None),
        _ => raw.Split(','),
    };

    /// <summary>Percent-decoding as form encoding has it (<c>+</c> is a space); a broken escape is kept as written.</summary>
    private static string Unescape(string raw) => raw.IndexOf('+') < 0 && raw.IndexOf('%') < 0 ? raw : Uri.UnescapeDataString(raw.Replace('+', ' '));

    private string? Missing(string name, ParameterSource? source, bool required) => Missing<string>(name, source, required);

    private T? Missing<T>(string name, bool required)
        where T : class => Missing<T>(name, null, required);

    private T? Missing<T>(string name, ParameterSource? source, bool required)
        where T : class
    {
        if (required)
        {
            AddError(name, source is { } where ? "is required (" + Describe(where) + ")." : "is required.");
        }

        return null;
    }

    private bool HasBody()
    {
        var request = Context.Request;
        if (request.ContentLength is { } length)
        {
            return length > 0;
        }

        return Context.Features.Get<IHttpRequestBodyDetectionFeature>()?.CanHaveBody ?? false;
    }

    private static bool IsJson(string? contentType)
    {
        if (!MediaTypeHeaderValue.TryParse(contentType, out var mediaType))
        {
            return false;
        }

        // AWS JSON services take application/x-amz-json-1.0 and -1.1.
        var type = mediaType.MediaType;
        return type.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || type.StartsWith("application/x-amz-json-", StringComparison.OrdinalIgnoreCase)
            || (type.StartsWith("application/", StringComparison.OrdinalIgnoreCase) && type.EndsWith("+json", StringComparison.OrdinalIgnoreCase));
    }

    private void UnsupportedMediaType(string expected)
    {
        _status = _status == StatusCodes.Status400BadRequest ? StatusCodes.Status415UnsupportedMediaType : _status;
        AddError("body", "is sent as " + Quote(Context.Request.ContentType ?? "no media type") + "; " + expected + " is expected.");
    }

    private void RefusedBody(BadHttpRequestException exception)
    {
        if (exception.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            _status = StatusCodes.Status413PayloadTooLarge;
            AddError("body", "is larger than this server accepts.");
            return;
        }

        AddError("body", "could not be read: " + exception.Message);
    }

    private static string DescribeJsonError(JsonException exception)
    {
        // The generated readers name the member and what they expected; the serializer adds where it was.
        var message = exception.Message;
        return exception.Path is { Length: > 1 } path && message.IndexOf("Path:", StringComparison.Ordinal) < 0
            ? message + " (at " + path + ")"
            : message;
    }

    private static string Describe(ParameterSource source) => source switch
    {
        ParameterSource.Path => "path",
        ParameterSource.Query => "query",
        ParameterSource.Header => "header",
        _ => "cookie",
    };

    /// <summary>A request value as problems quote it: shortened, and with control characters shown as escapes.</summary>
    internal static string Quote(string value)
    {
        var text = new StringBuilder("'");
        var length = Math.Min(value.Length, QuotedValueLimit);
        for (var i = 0; i < length; i++)
        {
            var c = value[i];
            if (char.IsControl(c))
            {
                text.Append("\\u").Append(((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture));
            }
            else
            {
                text.Append(c);
            }
        }

        return text.Append(value.Length > QuotedValueLimit ? "…'" : "'").ToString();
    }
}
