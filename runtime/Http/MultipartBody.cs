using System.ComponentModel;
using System.IO;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Contracts.Runtime.Http;

/// <summary>Adds the parts of a <c>multipart/form-data</c> body: text fields, files and JSON fields.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class MultipartBody
{
    /// <summary>A text field (already formatted, invariant culture).</summary>
    public static void AddField(MultipartFormDataContent content, string name, string value)
    {
        content.Add(new TextField(value), Quote(name));
    }

    /// <summary>A file: its stream, file name and media type.</summary>
    public static void AddFile(MultipartFormDataContent content, string name, FilePart file)
    {
        var part = new StreamContent(new CallerOwnedStream(file.Content));
        part.Headers.ContentType = new MediaTypeHeaderValue(file.ContentType ?? "application/octet-stream");
        content.Add(part, Quote(name), Quote(file.FileName));
    }

    /// <summary>A structured field, written as JSON with its generated metadata.</summary>
    public static void AddJson<T>(MultipartFormDataContent content, string name, T value, JsonTypeInfo<T> typeInfo)
    {
        var part = new Utf8JsonContent(JsonSerializer.SerializeToUtf8Bytes(value, typeInfo));
        part.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        content.Add(part, Quote(name));
    }

    // Content-Disposition parameters are quoted strings: as browsers do (HTML's form encoding), a quote or line break
    // in a name is percent-encoded so that it cannot end the parameter or the header.
    private static string Quote(string text) => "\"" + text.Replace("\"", "%22").Replace("\r", "%0D").Replace("\n", "%0A") + "\"";

    /// <summary>A text field (as <see cref="StringContent"/> sends it) whose text stays readable to the runtime, which scrubs credential fields out of exceptions.</summary>
    internal sealed class TextField : StringContent
    {
        public TextField(string text)
            : base(text, Encoding.UTF8)
        {
            Text = text;
        }

        public string Text { get; }
    }
}
