using System.Net.Http;

namespace Contracts.Runtime.Http;

/// <summary>
/// A JSON request body serialized up front. Its bytes stay readable to the runtime, so SigV4 signing hashes them
/// directly instead of buffering the content a second time.
/// </summary>
internal sealed class Utf8JsonContent : ByteArrayContent
{
    public Utf8JsonContent(byte[] utf8Json)
        : base(utf8Json)
    {
        Utf8Json = utf8Json;
    }

    public byte[] Utf8Json { get; }
}
