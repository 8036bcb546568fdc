using Contracts.Generator.Helpers;

namespace Contracts.Generator.Configuration;

/// <summary>One candidate spec: its path, its text and its options.</summary>
internal sealed record SpecInput(string Path, string Text, GeneratorOptions Options)
{
    /// <summary>The other AdditionalFiles its external <c>$ref</c>s reach, transitively (empty for most specs).</summary>
    public EquatableArray<ReferencedDocument> Documents { get; init; } = EquatableArray<ReferencedDocument>.Empty;

    /// <summary>
    /// The overlays its <c>Overlays</c> metadata names, in the order given, with their texts once
    /// <see cref="Reading.Overlays.OverlayCollector"/> attached them (empty for most specs).
    /// </summary>
    public EquatableArray<OverlayFile> Overlays { get; init; } = EquatableArray<OverlayFile>.Empty;
}
