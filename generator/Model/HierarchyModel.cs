using Contracts.Generator.Helpers;

namespace Contracts.Generator.Model;

/// <summary>
/// Where a record stands in an <c>allOf</c> hierarchy (<c>Cat: allOf [$ref Pet, {…}]</c> makes <c>Cat : Pet</c>): set on
/// every record that has a base or is one, null on the others (which print as before).
/// </summary>
/// <param name="Inherited">The members the bases declare, root first: the converter reads and writes them with the record's own.</param>
/// <param name="Extra">Where undeclared members are kept: the record's own dictionary or the nearest base's; null skips them.</param>
/// <param name="IsSealed">No record derives from this one.</param>
/// <param name="Discriminator">The JSON member that names the record (<c>discriminator.propertyName</c> of the nearest base that has one), or null.</param>
/// <param name="DiscriminatorValue">The value written for this record when its discriminator member is unset (a mapping value, or the derived schema's name).</param>
/// <param name="Cases">The discriminator values that read as a derived record, for a value typed as this record.</param>
/// <param name="Descendants">Every record derived from this one, most derived first: writing a value typed as this record writes what it really is.</param>
internal sealed record HierarchyModel(
    EquatableArray<PropertyModel> Inherited,
    ExtraMembersModel? Extra,
    bool IsSealed,
    string? Discriminator = null,
    string? DiscriminatorValue = null,
    EquatableArray<HierarchyCaseModel> Cases = default,
    EquatableArray<string> Descendants = default);
