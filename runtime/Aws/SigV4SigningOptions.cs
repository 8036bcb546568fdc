namespace Contracts.Runtime.Aws;

/// <summary>
/// The per-service variations of SigV4. The defaults suit AWS JSON and query services such as Lightsail and
/// DynamoDB; <see cref="ForS3"/> gives the settings Amazon S3 requires.
/// </summary>
public sealed class SigV4SigningOptions
{
    /// <summary>
    /// Whether to add an <c>X-Amz-Content-SHA256</c> header carrying the payload hash (and sign it). S3 requires it;
    /// other services ignore it. Default <see langword="false"/>.
    /// </summary>
    public bool AddContentSha256Header { get; set; }

    /// <summary>
    /// Whether to remove dot segments and collapse repeated slashes of the path before signing. Every service but S3
    /// expects it (S3 object keys may contain "//" or "."). Default <see langword="true"/>.
    /// </summary>
    public bool NormalizePath { get; set; } = true;

    /// <summary>
    /// Whether the path, as sent (already percent-encoded), is percent-encoded once more in the canonical request, as
    /// every service but S3 expects. When <see langword="false"/> (S3), the path is decoded and encoded once.
    /// Default <see langword="true"/>.
    /// </summary>
    public bool DoubleEncodePath { get; set; } = true;

    /// <summary>
    /// Whether the <c>X-Amz-Security-Token</c> header of temporary credentials is part of the signature. Most
    /// services require it; a few expect the header to be added after signing. Default <see langword="true"/>.
    /// </summary>
    public bool SignSessionToken { get; set; } = true;

    /// <summary>The settings for Amazon S3: payload hash header, path signed exactly as sent and encoded once.</summary>
    public static SigV4SigningOptions ForS3() => new()
    {
        AddContentSha256Header = true,
        NormalizePath = false,
        DoubleEncodePath = false,
    };

    internal SigV4SigningOptions Clone() => new()
    {
        AddContentSha256Header = AddContentSha256Header,
        NormalizePath = NormalizePath,
        DoubleEncodePath = DoubleEncodePath,
        SignSessionToken = SignSessionToken,
    };
}
