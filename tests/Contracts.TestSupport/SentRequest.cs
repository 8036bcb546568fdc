using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text;

namespace Contracts.TestSupport;

/// <summary>One request as it reached an in-memory handler: what the client would have put on the wire.</summary>
public sealed record SentRequest(
    HttpMethod Method,
    string Uri,
    IReadOnlyDictionary<string, IReadOnlyList<string>> HeaderValues,
    string? ContentType,
    byte[]? Body)
{
    /// <summary>Each request header (not content headers) with its values joined by <c>", "</c>; names ignore case.</summary>
    public IReadOnlyDictionary<string, string> Headers { get; } =
        HeaderValues.ToDictionary(h => h.Key, h => string.Join(", ", h.Value), StringComparer.OrdinalIgnoreCase);

    public string BodyText => Body is null ? string.Empty : Encoding.UTF8.GetString(Body);

    /// <summary>The only value of a header; fails when it is missing or repeated.</summary>
    public string Single(string name) =>
        HeaderValues.TryGetValue(name, out var values) ? values.Single() : throw new KeyNotFoundException(name + " was not sent");

    public bool Has(string name) => HeaderValues.ContainsKey(name);
}
