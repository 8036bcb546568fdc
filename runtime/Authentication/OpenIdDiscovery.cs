using System;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Contracts.Runtime.Http;

namespace Contracts.Runtime.Authentication;

/// <summary>
/// The <c>token_endpoint</c> of an OpenID Connect discovery document (OpenID Connect Discovery 1.0, section 3), read
/// once through the client's <see cref="HttpClient"/> and kept; a failed read is tried again by the next request.
/// </summary>
internal sealed class OpenIdDiscovery
{
    private const long MaxDocumentBytes = 1L << 20;

    private readonly HttpClient _httpClient;
    private readonly Uri _documentUrl;
    private readonly string _schemeName;
    private readonly object _gate = new();
    private Task<Uri>? _tokenEndpoint;

    public OpenIdDiscovery(HttpClient httpClient, Uri documentUrl, string schemeName)
    {
        _httpClient = httpClient;
        _documentUrl = documentUrl;
        _schemeName = schemeName;
    }

    public Uri DocumentUrl => _documentUrl;

    public ValueTask<Uri> TokenEndpointAsync(CancellationToken cancellationToken)
    {
        Task<Uri> task;
        lock (_gate)
        {
            if (_tokenEndpoint is null || _tokenEndpoint.IsFaulted || _tokenEndpoint.IsCanceled)
            {
                _tokenEndpoint = ReadAsync();
            }

            task = _tokenEndpoint;
        }

        return task.Status == TaskStatus.RanToCompletion ? new ValueTask<Uri>(task.Result) : new ValueTask<Uri>(task);
    }

    private async Task<Uri> ReadAsync()
    {
        await Task.Yield();
        var operationName = "The OpenID Connect discovery of security scheme '" + _schemeName + "'";
        using var request = new HttpRequestMessage(HttpMethod.Get, _documentUrl);
        request.Headers.TryAddWithoutValidation("Accept", "application/json");
        var limits = new RequestOptions { MaxResponseContentBufferSize = MaxDocumentBytes };
        using var call = await HttpCall.SendAsync(_httpClient, request, operationName, clientDefaults: null, limits, CancellationToken.None).ConfigureAwait(false);
        try
        {
            using var body = await call.ReadBodyAsync().ConfigureAwait(false);
            var status = call.Response.StatusCode;
            if (!call.Response.IsSuccessStatusCode)
            {
                throw new ApiException(operationName, status, "the discovery document could not be read", responseExcerpt: ResponseText.Excerpt(body.Span));
            }

            var endpoint = ReadTokenEndpoint(body.Span);
            if (endpoint is null || !Uri.TryCreate(endpoint, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
            {
                throw new ApiException(operationName, status, "the discovery document has no absolute http(s) token_endpoint", responseExcerpt: ResponseText.Excerpt(body.Span));
            }

            return uri;
        }
        catch (ApiException exception)
        {
            call.Redact(exception);
            throw;
        }
    }

    private static string? ReadTokenEndpoint(ReadOnlySpan<byte> utf8Json)
    {
        var reader = new Utf8JsonReader(utf8Json, new JsonReaderOptions { MaxDepth = 64 });
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return null;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isTokenEndpoint = reader.ValueTextEquals("token_endpoint"u8);
                reader.Read();
                if (isTokenEndpoint && reader.TokenType == JsonTokenType.String)
                {
                    return reader.GetString();
                }

                reader.Skip();
            }
        }
        catch (JsonException)
        {
        }

        return null;
    }
}
