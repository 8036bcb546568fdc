using Contracts.Generator.Helpers;

namespace Contracts.Generator.Configuration;

/// <summary>
/// Another AdditionalFile that a spec's external <c>$ref</c> reaches: its path and text, nothing else, so it compares by
/// value. <paramref name="Withheld"/>: why the host did not hand over its text (see <see cref="Reading.References.WithheldFile"/>);
/// null for a file it did.
/// </summary>
internal sealed record ReferencedDocument(string Path, string Text, string? Withheld = null);

/// <summary>
/// A .yaml/.yml/.json AdditionalFile with the files its own external references name (normalized paths, see
/// <see cref="Reading.References.ReferencePaths"/>), scanned once per text so that following references transitively
/// never rescans an unchanged file. <paramref name="Withheld"/>: as for <see cref="ReferencedDocument"/>.
/// </summary>
internal sealed record ScannedDocument(string Path, string Text, EquatableArray<string> References, string? Withheld = null);
