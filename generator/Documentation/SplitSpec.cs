using Contracts.Generator.Configuration;

namespace Contracts.Generator.Documentation;

/// <summary>
/// A spec split by <see cref="DocumentationSplitter"/>: the input with each documentation scalar replaced by a placeholder
/// (what <see cref="Pipeline.GenerationSteps.Translate"/> reads, equal before and after a description edit) and the
/// documentation the placeholders stand for.
/// </summary>
internal sealed record SplitSpec(SpecInput Structure, DocumentationTable Documentation);
