namespace Contracts.Generator.Model;

/// <summary>
/// The JSON Schema validation keywords that apply to one value, filtered to its C# type (numbers take the numeric
/// keywords, strings the length and pattern, lists and maps the counts), and how the check walks into it. Built by
/// <see cref="Translation.ConstraintTranslator"/>; <see cref="Passes.ValidationReach"/> adds the walking.
/// </summary>
/// <param name="Minimum">The lower bound as a C# decimal literal without its suffix (<c>0</c>, <c>0.5</c>); null when none.</param>
/// <param name="ExclusiveMinimum">The lower bound itself is not allowed (3.0's boolean; 3.1's number is rewritten to it).</param>
/// <param name="MultipleOf">The divisor as a C# decimal literal without its suffix; never zero or negative.</param>
/// <param name="MinLength">The fewest Unicode code points a string may hold.</param>
/// <param name="Pattern">The ECMA-262 pattern as the document wrote it; only patterns .NET can read get here (others are CTR124).</param>
/// <param name="MinCount">A list's <c>minItems</c> or a map's <c>minProperties</c>.</param>
/// <param name="MaxCount">A list's <c>maxItems</c> or a map's <c>maxProperties</c>.</param>
/// <param name="Element">What applies to each item of a list or each value of a map; null when nothing does.</param>
/// <param name="Nested">The value is a record whose own check runs (it implements <c>IValidatable</c>).</param>
internal sealed record ConstraintsModel(
    string? Minimum = null,
    bool ExclusiveMinimum = false,
    string? Maximum = null,
    bool ExclusiveMaximum = false,
    string? MultipleOf = null,
    int? MinLength = null,
    int? MaxLength = null,
    string? Pattern = null,
    int? MinCount = null,
    int? MaxCount = null,
    bool UniqueItems = false,
    ConstraintsModel? Element = null,
    bool Nested = false)
{
    /// <summary>Nothing to check here (the keywords of the value itself, not counting what is nested).</summary>
    public bool HasOwnChecks => Minimum is not null || Maximum is not null || MultipleOf is not null || MinLength is not null
        || MaxLength is not null || Pattern is not null || MinCount is not null || MaxCount is not null || UniqueItems;

    /// <summary>Nothing to check at all.</summary>
    public bool IsEmpty => !HasOwnChecks && Element is null && !Nested;
}
