using System;
using System.IO;

namespace Contracts.Runtime.Http;

/// <summary>A file sent in a <c>multipart/form-data</c> body: its content, file name and media type.</summary>
public sealed class FilePart
{
    /// <summary>Creates a file part. The stream is read when the request is sent and is not disposed by the client.</summary>
    public FilePart(Stream content, string fileName, string? contentType = null)
    {
        Content = content ?? throw new ArgumentNullException(nameof(content));
        FileName = fileName ?? throw new ArgumentNullException(nameof(fileName));
        ContentType = contentType;
    }

    /// <summary>The bytes of the file.</summary>
    public Stream Content { get; }

    /// <summary>The file name sent in the part's <c>Content-Disposition</c>.</summary>
    public string FileName { get; }

    /// <summary>The part's media type; <c>application/octet-stream</c> when null.</summary>
    public string? ContentType { get; }

    /// <inheritdoc/>
    public override string ToString() => FileName;
}
