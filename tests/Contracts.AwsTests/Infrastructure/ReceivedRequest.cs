using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Contracts.AwsTests.Infrastructure;

/// <summary>
/// A request exactly as it reached the fake endpoint: the raw request target (not the decoded path ASP.NET Core
/// routes on), every header line and the body bytes. Signatures are verified against this, so it must be what
/// was sent, not a normalized view of it.
/// </summary>
public sealed class ReceivedRequest
{
    private ReceivedRequest(string method, string rawPath, string rawQuery, IReadOnlyList<KeyValuePair<string, string>> headers, byte[] body)
    {
        Method = method;
        RawPath = rawPath;
        RawQuery = rawQuery;
        Headers = headers;
        Body = body;
    }

    public string Method { get; }

    /// <summary>The path as on the request line, such as <c>/</c>.</summary>
    public string RawPath { get; }

    /// <summary>The query as on the request line, without its <c>?</c>; empty when there is none.</summary>
    public string RawQuery { get; }

    /// <summary>Every header value in arrival order; a name may repeat.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; }

    public byte[] Body { get; }

    public string BodyText => Encoding.UTF8.GetString(Body);

    /// <summary>The operation named by <c>X-Amz-Target</c> (<c>Lightsail_20161128.GetBucketAccessKeys</c>), or null.</summary>
    public string? Target => Header("X-Amz-Target");

    /// <summary>The values of header <paramref name="name"/> (any case) joined by commas, or null when absent.</summary>
    public string? Header(string name)
    {
        var values = Headers.Where(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Select(h => h.Value).ToList();
        return values.Count == 0 ? null : string.Join(",", values);
    }

    public static async Task<ReceivedRequest> ReadAsync(HttpContext context, CancellationToken cancellationToken)
    {
        var request = context.Request;
        var target = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? request.Path.Value + request.QueryString.Value;
        var question = target.IndexOf('?', StringComparison.Ordinal);
        var headers = new List<KeyValuePair<string, string>>();
        foreach (var header in request.Headers)
        {
            foreach (var value in header.Value)
            {
                headers.Add(new KeyValuePair<string, string>(header.Key, value ?? string.Empty));
            }
        }

        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body, cancellationToken).ConfigureAwait(false);
        return new ReceivedRequest(
            request.Method,
            question < 0 ? target : target[..question],
            question < 0 ? string.Empty : target[(question + 1)..],
            headers,
            body.ToArray());
    }
}
