using System.Collections.Generic;
using System.Text;

namespace Contracts.TestSupport;

/// <summary>One request as the server saw it.</summary>
public sealed record RecordedRequest(
    string Method,
    string Path,
    string QueryString,
    IReadOnlyDictionary<string, string> Headers,
    byte[] Body)
{
    public string BodyText => Encoding.UTF8.GetString(Body);

    /// <summary>The request target exactly as it came on the wire (path and query, still escaped).</summary>
    public string RawTarget { get; init; } = string.Empty;
}
