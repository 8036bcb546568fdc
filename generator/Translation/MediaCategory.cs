namespace Contracts.Generator.Translation;

/// <summary>Media types by how the generator handles them; the order is the preference.</summary>
internal enum MediaCategory
{
    Json,
    Form,
    Multipart,
    Text,
    Binary,

    /// <summary>
    /// A stream of JSON items (server-sent events, JSON Lines, JSON text sequences): last, so that an operation that
    /// offers another media type keeps its method for it, and the stream gets a method of its own.
    /// </summary>
    Stream,
}
