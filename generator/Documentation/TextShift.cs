using System;

namespace Contracts.Generator.Documentation;

/// <summary>
/// One documentation scalar replaced by its placeholder: where the placeholder is in the structure and where the scalar is
/// in the spec, with 0-based lines and columns as Roslyn counts them, so a diagnostic located in the structure can be
/// moved to the same place in the spec.
/// </summary>
internal readonly record struct TextShift(
    int StructureStart,
    int StructureEnd,
    int StructureEndLine,
    int StructureEndColumn,
    int OriginalStart,
    int OriginalEnd,
    int OriginalStartLine,
    int OriginalStartColumn,
    int OriginalEndLine,
    int OriginalEndColumn) : IEquatable<TextShift>;
