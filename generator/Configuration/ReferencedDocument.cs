using Contracts.Generator.Helpers;

namespace Contracts.Generator.Configuration;

/// <summary>Another AdditionalFile that a spec's external <c>$ref</c> reaches: its path and text, nothing else, so it compares by value.</summary>
internal sealed record ReferencedDocument(string Path, string Text);

/// <summary>
/// A .yaml/.yml/.json AdditionalFile with the files its own external references name (normalized paths, see
/// <see cref="Parsing.References.ReferencePaths"/>), scanned once per text so that following references transitively
/// never rescans an unchanged file.
/// </summary>
internal sealed record ScannedDocument(string Path, string Text, EquatableArray<string> References);
