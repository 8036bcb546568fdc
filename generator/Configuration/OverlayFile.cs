namespace Contracts.Generator.Configuration;

/// <summary>
/// One overlay a spec names in its <c>Overlays</c> metadata: the path as written, the directory it was resolved against,
/// the normalized path it resolves to, and the text of the AdditionalFile at that path (null while unresolved, and when
/// no AdditionalFile has that path: CTR137). <paramref name="Withheld"/>: why the host did not hand over its text
/// (the contracts tool's <see cref="Reading.References.WithheldFile"/>). Compares by value, so an overlay edit changes
/// the input of exactly the specs that name it.
/// </summary>
internal sealed record OverlayFile(string Written, string BaseDirectory, string Path, string? Text = null, string? Withheld = null);
