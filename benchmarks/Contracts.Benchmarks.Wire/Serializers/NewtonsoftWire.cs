using System.IO;
using System.Text;
using Contracts.Benchmarks.Wire.Models;
using Newtonsoft.Json;

namespace Contracts.Benchmarks.Wire.Serializers;

/// <summary>Newtonsoft.Json on the reference records, streaming UTF-8 bytes in and out (as over HTTP).</summary>
public static class NewtonsoftWire
{
    private static readonly Encoding Utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

    private static readonly JsonSerializer Serializer = JsonSerializer.Create(new JsonSerializerSettings
    {
        NullValueHandling = NullValueHandling.Ignore,
        DateParseHandling = DateParseHandling.DateTimeOffset,
    });

    public static RefBucketAccessKeys Read(byte[] json) => Deserialize<RefBucketAccessKeys>(json);

    public static RefBucketAccessKeys ReadEnvelope(byte[] json) => StjWire.Unwrap(Deserialize<RefEnvelope>(json));

    public static byte[] Write(RefBucketAccessKeys value) => Serialize(value);

    public static byte[] WriteEnvelope(RefEnvelope value) => Serialize(value);

    private static T Deserialize<T>(byte[] json)
    {
        using var text = new StreamReader(new MemoryStream(json), Utf8);
        using var reader = new JsonTextReader(text);
        return Serializer.Deserialize<T>(reader)!;
    }

    private static byte[] Serialize<T>(T value)
    {
        var stream = new MemoryStream();
        using (var text = new StreamWriter(stream, Utf8, bufferSize: 1024, leaveOpen: true))
        using (var writer = new JsonTextWriter(text))
        {
            Serializer.Serialize(writer, value);
        }

        return stream.ToArray();
    }
}
