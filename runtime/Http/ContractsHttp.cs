using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Threading;
using System.Threading.Tasks;
using Contracts.Runtime.Json;

namespace Contracts.Runtime.Http;

/// <summary>
/// The HTTP plumbing that generated clients share: building requests, sending them and turning responses into
/// results or <see cref="ApiException"/>s. Generated code calls these methods; they are public for that reason.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static partial class ContractsHttp
{
    /// <summary>
    /// Picks the base address of a client: the one set in its options, else the <see cref="HttpClient.BaseAddress"/>,
    /// else the OpenAPI server URL with its variables filled in.
    /// </summary>
    internal static Uri ResolveBaseAddress(Uri? configured, HttpClient httpClient, string serverUrl) =>
        ResolveBaseAddress(configured, httpClient, () => serverUrl);

    /// <summary>
    /// Picks the base address of a client: the one set in its options, else the <see cref="HttpClient.BaseAddress"/>,
    /// else the OpenAPI server URL, which <paramref name="serverUrl"/> fills in (and checks) only then. A query in the
    /// base address is kept on every request, after the request's path; a fragment is refused.
    /// </summary>
    /// <exception cref="ArgumentException">A server variable does not fit (see <see cref="ExpandServerUrl(string, ValueTuple{string, string, string[]}[])"/>), or the base address has a fragment.</exception>
    /// <exception cref="InvalidOperationException">No base address is set and the server URL is not absolute.</exception>
    public static Uri ResolveBaseAddress(Uri? configured, HttpClient httpClient, Func<string> serverUrl)
    {
        if (configured is not null)
        {
            return AsBase(configured);
        }

        if (httpClient?.BaseAddress is { } fromClient)
        {
            return AsBase(fromClient);
        }

        var url = (serverUrl ?? throw new ArgumentNullException(nameof(serverUrl)))();
        if (Uri.TryCreate(url, UriKind.Absolute, out var fromSpec))
        {
            return AsBase(fromSpec);
        }

        throw new InvalidOperationException(
            "The OpenAPI server URL '" + url + "' is not absolute: set the client's BaseAddress option or HttpClient.BaseAddress.");
    }

    // CreateRequest appends relative paths after a '/': ending the base's path with one up front (once per client) lets
    // requests for the root reuse it. A query stays after the path: https://host/v1?v=2 becomes https://host/v1/?v=2.
    private static Uri AsBase(Uri address)
    {
        var text = address.OriginalString;
        if (!address.IsAbsoluteUri)
        {
            return address;
        }

        if (text.IndexOf('#') >= 0)
        {
            // The address is not repeated: its query may hold a key.
            throw new ArgumentException("The base address has a fragment (#…), which is never sent: remove it.", nameof(address));
        }

        var query = text.IndexOf('?');
        var path = query < 0 ? text : text.Substring(0, query);
        return path.EndsWith("/", StringComparison.Ordinal) ? address : new Uri(path + "/" + text.Substring(path.Length), UriKind.Absolute);
    }

    /// <summary>
    /// Fills <c>{name}</c> variables of an OpenAPI server URL template; each value is checked against the grammar of
    /// its place in the template (a host label, a host name, a port, a path segment) and URL-escaped.
    /// </summary>
    /// <exception cref="ArgumentException">A value is empty or does not fit its place; the message names the variable.</exception>
    internal static string ExpandServerUrl(string template, params (string Name, string? Value)[] variables)
    {
        var result = template;
        foreach (var (name, value) in variables)
        {
            result = ServerVariables.Expand(result, name, value, allowedValues: null);
        }

        return result;
    }

    /// <summary>
    /// Fills <c>{name}</c> variables of an OpenAPI server URL template. A variable with allowed values (the document's
    /// <c>enum</c>) must hold one of them; one without is checked against the grammar of its place in the template.
    /// </summary>
    /// <exception cref="ArgumentException">A value is empty, undeclared or does not fit its place; the message names the variable.</exception>
    public static string ExpandServerUrl(string template, (string Name, string? Value, string[] AllowedValues)[] variables)
    {
        var result = template;
        foreach (var (name, value, allowedValues) in variables ?? throw new ArgumentNullException(nameof(variables)))
        {
            result = ServerVariables.Expand(result, name, value, allowedValues);
        }

        return result;
    }

    /// <summary>
    /// Creates a request for <paramref name="relativeUri"/> (a path starting with '/', with its query) under
    /// <paramref name="baseAddress"/>; a query of the base address comes first in the request's query.
    /// </summary>
    public static HttpRequestMessage CreateRequest(HttpMethod method, Uri baseAddress, string relativeUri) =>
        new(method, RequestUri(baseAddress, relativeUri));

    /// <summary>The address of a request for <paramref name="relativeUri"/> under <paramref name="baseAddress"/>.</summary>
    private static Uri RequestUri(Uri baseAddress, string relativeUri)
    {
        var root = baseAddress.OriginalString;
        var relative = relativeUri.StartsWith("/", StringComparison.Ordinal) ? relativeUri.Substring(1) : relativeUri;
        var baseQuery = root.IndexOf('?');
        if (baseQuery >= 0 && baseAddress.IsAbsoluteUri)
        {
            return new Uri(WithBaseQuery(root, baseQuery, relative), UriKind.Absolute);
        }

        var slash = root.EndsWith("/", StringComparison.Ordinal);
        if (relative.Length == 0 && slash && baseAddress.IsAbsoluteUri)
        {
            // The root itself (every AWS JSON call posts to "/"): Uri is immutable, so the base is reused, not parsed again.
            return baseAddress;
        }

        return new Uri(slash ? root + relative : root + "/" + relative, UriKind.Absolute);
    }

    // https://host/v1/?api-version=2 and items/a?q=1 give https://host/v1/items/a?api-version=2&q=1.
    private static string WithBaseQuery(string root, int baseQuery, string relative)
    {
        var path = root.Substring(0, baseQuery);
        var query = root.Substring(baseQuery + 1);
        var relativeQuery = relative.IndexOf('?');
        var text = new StringBuilder(path.Length + relative.Length + query.Length + 2).Append(path);
        if (!path.EndsWith("/", StringComparison.Ordinal))
        {
            text.Append('/');
        }

        text.Append(relative, 0, relativeQuery < 0 ? relative.Length : relativeQuery);
        var extra = relativeQuery < 0 ? string.Empty : relative.Substring(relativeQuery + 1);
        if (query.Length > 0 || extra.Length > 0)
        {
            text.Append('?').Append(query);
            if (query.Length > 0 && extra.Length > 0)
            {
                text.Append('&');
            }

            text.Append(extra);
        }

        return text.ToString();
    }

    /// <summary>Escapes one path parameter value so that it stays inside its path segment; an empty value or a dot segment is refused.</summary>
    internal static string EscapePathSegment(string value) => ParameterStyles.PathSegment(value, nameof(value));

    /// <summary>As <see cref="EscapePathSegment(string)"/>, naming path parameter <paramref name="parameterName"/> when the value is refused.</summary>
    public static string EscapePathSegment(string value, string parameterName) => ParameterStyles.PathSegment(value, parameterName);

    /// <summary>Appends <c>name=value</c> (both escaped) to a relative URI under construction, after <c>?</c> or <c>&amp;</c>.</summary>
    public static void AppendQuery(StringBuilder uri, string name, string? value)
    {
        if (value is null)
        {
            return;
        }

        uri.Append(HasQuery(uri) ? '&' : '?');
        uri.Append(Uri.EscapeDataString(name)).Append('=').Append(Uri.EscapeDataString(value));
    }

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

    /// <summary>Adds a header, refusing values that could split the header block (CR or LF).</summary>
    public static void AddHeader(HttpRequestMessage request, string name, string? value)
    {
        if (value is null)
        {
            return;
        }

        if (value.IndexOf('\r') >= 0 || value.IndexOf('\n') >= 0)
        {
            throw new ArgumentException("The value of header '" + name + "' contains a line break.", nameof(value));
        }

        request.Headers.TryAddWithoutValidation(name, value);
    }

    /// <summary>Serializes <paramref name="value"/> with its generated metadata into a request body.</summary>
    public static HttpContent CreateJsonContent<T>(T value, JsonTypeInfo<T> typeInfo, string mediaType)
    {
        var content = new Utf8JsonContent(JsonSerializer.SerializeToUtf8Bytes(value, typeInfo));
        content.Headers.ContentType = new MediaTypeHeaderValue(mediaType);
        return content;
    }

    /// <summary>Reads a successful body as <typeparamref name="T"/>; a body that is null or does not match throws <see cref="ApiException"/>.</summary>
    internal static T ReadResult<T>(ReadOnlySpan<byte> body, HttpStatusCode status, string operationName, JsonTypeInfo<T> typeInfo)
    {
        T? result;
        try
        {
            result = JsonSerializer.Deserialize(body, typeInfo);
        }
        catch (JsonException exception)
        {
            throw new ApiException(operationName, status, "the response body could not be read: " + JsonErrors.Describe(exception), responseExcerpt: ResponseText.Excerpt(body), innerException: exception);
        }

        return result ?? throw new ApiException(operationName, status, "the response body is null", responseExcerpt: ResponseText.Excerpt(body));
    }

    /// <summary>
    /// Sends a request whose responses are wrapped in an envelope, the body capped by <paramref name="requestOptions"/>,
    /// else <paramref name="clientDefaults"/>: returns the data member on success and throws
    /// <see cref="ApiException{TError}"/> with the service's error on failure.
    /// </summary>
    public static async Task<TData> SendEnvelopeAsync<TData, TError>(
        HttpClient httpClient,
        HttpRequestMessage request,
        string operationName,
        EnvelopeShape<TError> shape,
        JsonTypeInfo<TData> dataTypeInfo,
        RequestOptions? clientDefaults,
        RequestOptions? requestOptions,
        CancellationToken cancellationToken)
    {
        // The request is the call's to dispose: the generated method hands it over and returns this task unawaited.
        using var sent = request;
        using var call = await HttpCall.SendAsync(httpClient, request, operationName, clientDefaults, requestOptions, cancellationToken).ConfigureAwait(false);
        try
        {
            using var body = await call.ReadBodyAsync().ConfigureAwait(false);
            var data = EnvelopeReader.Read(body.Span, call.Response.StatusCode, operationName, shape, dataTypeInfo);
            call.DeliverTo(requestOptions);
            return data;
        }
        catch (ApiException exception)
        {
            call.Redact(exception);
            throw;
        }
    }
}
