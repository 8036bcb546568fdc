using System;
using System.Buffers;
using System.Text;
using System.Text.Json;

namespace Contracts.AwsTests.Infrastructure;

/// <summary>What a fake endpoint answers: a status, a JSON body and, for errors sent the REST way, an X-Amzn-ErrorType header; a redirect's Location; a Retry-After.</summary>
public sealed record FakeReply(int Status, byte[] Body, string? ErrorTypeHeader = null, string? Location = null, string? RetryAfter = null)
{
    public static FakeReply Ok(byte[] body) => new(200, body);

    public static FakeReply Ok(string json) => new(200, Encoding.UTF8.GetBytes(json));

    /// <summary>An AWS JSON error: <c>{"__type": …, "message": …}</c>; a null message is left out, as AWS does for throttling.</summary>
    public static FakeReply Error(int status, string type, string? message) =>
        new(status, AwsJson.Write(writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("__type", type);
            if (message is not null)
            {
                writer.WriteString("message", message);
            }

            writer.WriteEndObject();
        }));

    public static FakeReply Raw(int status, string body, string? errorTypeHeader = null) =>
        new(status, Encoding.UTF8.GetBytes(body), errorTypeHeader);

    /// <summary>A redirect to <paramref name="location"/>, without a body.</summary>
    public static FakeReply Redirect(int status, string location) => new(status, [], Location: location);

    /// <summary>No answer at all: the connection is reset after the request is read, so the client cannot know whether it was processed.</summary>
    public static FakeReply Drop { get; } = new(0, []);
}

/// <summary>Writing AWS JSON bodies without reflection (the sample that shares this file is trimmed).</summary>
public static class AwsJson
{
    public static byte[] Write(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            write(writer);
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>
    /// A timestamp the way AWS JSON services send it: epoch seconds in Java's scientific form, such as
    /// <c>1.619209369E9</c> or <c>1.619209369123E9</c>. Clients that only accept ISO strings or plain integers fail here.
    /// </summary>
    public static void WriteEpoch(Utf8JsonWriter writer, string name, DateTimeOffset value)
    {
        writer.WritePropertyName(name);
        var seconds = value.ToUnixTimeMilliseconds() / 1000d;
        writer.WriteRawValue(seconds.ToString("0.0##############E0", System.Globalization.CultureInfo.InvariantCulture));
    }
}
