namespace Contracts.Generator.Translation;

/// <summary>Media types by how the generator handles them; the order is the preference.</summary>
internal enum MediaCategory
{
    Json,
    Form,
    Multipart,
    Text,
    Binary,
}
