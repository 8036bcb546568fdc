using System.Collections.Generic;
using System.Linq;

namespace Contracts.Generator.Tests.Properties;

// The random OpenAPI schema graph the property tests generate: plain records, written to an OpenAPI document by
// SpecWriter, instantiated by InstanceGen and compared by RoundTripComparer. Schemas are referred to by index.

/// <summary>The scalar schemas the generator maps to .NET types (string formats, integer and number formats, boolean, free-form).</summary>
internal enum ScalarKind
{
    String,
    DateTime,
    Date,
    Uuid,
    Uri,
    Byte,
    Duration,
    Int32,
    Int64,

    /// <summary><c>type: integer</c> without a format (a <c>long</c>).</summary>
    Integer,
    Float,
    Double,

    /// <summary><c>type: number</c> without a format (a <c>double</c>).</summary>
    Number,
    Boolean,

    /// <summary>A schema without a type (<c>{}</c>): free-form JSON, a <c>JsonElement</c>.</summary>
    Any,
}

/// <summary>What a property, array item, map value or union case holds.</summary>
internal abstract record Shape;

internal sealed record ScalarShape(ScalarKind Kind) : Shape;

/// <summary>An inline string enum (its values may be odd: empty, punctuation, non-Latin, differing only in case).</summary>
internal sealed record StringEnumShape(IReadOnlyList<string> Values) : Shape;

internal sealed record IntegerEnumShape(IReadOnlyList<long> Values) : Shape;

internal sealed record ArrayShape(Shape Items, bool NullableItems) : Shape;

/// <summary><c>type: object</c> with only <c>additionalProperties</c>: a map from string.</summary>
internal sealed record MapShape(Shape Values, bool NullableValues) : Shape;

/// <summary>A <c>$ref</c> to a named schema; <paramref name="Wrapped"/> writes it as <c>allOf: [$ref]</c> with a description.</summary>
internal sealed record RefShape(int Target, bool Wrapped) : Shape;

/// <summary>A property; a nullable reference is written as <c>allOf: [$ref]</c> with <c>nullable: true</c>.</summary>
internal sealed record PropertyDef(string JsonName, Shape Shape, bool Required, bool Nullable);

internal abstract record SchemaDef(string Name);

/// <summary>
/// An object schema; with <paramref name="Bases"/> it is <c>allOf: [$ref base…, {own properties}]</c> (one base: a
/// derived record; several: flattened). <paramref name="Extra"/> is its <c>additionalProperties</c> beside the
/// properties: null for none, free-form for <c>true</c>. <paramref name="Discriminator"/>, on a schema without bases,
/// names the member that tells the schemas derived from it apart.
/// </summary>
internal sealed record ObjectDef(string Name, IReadOnlyList<PropertyDef> Properties, IReadOnlyList<int> Bases, Shape? Extra = null, HierarchyDiscriminatorDef? Discriminator = null)
    : SchemaDef(Name);

/// <summary>
/// A base's <c>discriminator</c>: <paramref name="PropertyName"/> is a required string member of the base; with
/// <paramref name="Mapped"/> every derived schema is named by a <c>mapping</c> value (<see cref="SchemaGraph.MappingValue"/>),
/// otherwise by its schema name.
/// </summary>
internal sealed record HierarchyDiscriminatorDef(string PropertyName, bool Mapped);

/// <summary>A named string or integer enum.</summary>
internal sealed record EnumDef(string Name, Shape Enum) : SchemaDef(Name);

/// <summary>A <c>oneOf</c> (or <c>anyOf</c>) of <paramref name="Cases"/>, with or without a discriminator.</summary>
internal sealed record UnionDef(string Name, bool AnyOf, IReadOnlyList<Shape> Cases, DiscriminatorDef? Discriminator) : SchemaDef(Name);

/// <summary>
/// A discriminator over object cases. <paramref name="MappingValues"/> (one per case, or null for none) are the
/// values of an explicit <c>mapping</c>; without it the value is the case's schema name. <paramref name="Declared"/>:
/// every case declares the member as a required string; otherwise no case declares it.
/// </summary>
internal sealed record DiscriminatorDef(string PropertyName, IReadOnlyList<string>? MappingValues, bool Declared);

/// <summary>The named schemas of one document, and the shapes of the one operation's request and response bodies.</summary>
internal sealed record SchemaGraph(IReadOnlyList<SchemaDef> Schemas, Shape Body, Shape Response)
{
    /// <summary>The properties of an object schema with those of its <c>allOf</c> bases first (what the flattened record declares).</summary>
    public IReadOnlyList<PropertyDef> Flatten(ObjectDef schema)
    {
        var all = new List<PropertyDef>();
        foreach (var index in schema.Bases)
        {
            all.AddRange(Flatten((ObjectDef)Schemas[index]));
        }

        all.AddRange(schema.Properties);
        return all;
    }

    /// <summary>The discriminator value of case <paramref name="caseIndex"/> of <paramref name="union"/>.</summary>
    public string DiscriminatorValue(UnionDef union, int caseIndex) =>
        union.Discriminator!.MappingValues?[caseIndex] ?? Schemas[((RefShape)union.Cases[caseIndex]).Target].Name;

    /// <summary>
    /// The schema has a C# type of its own, with a JsonTypeInfo named after it: all but an object schema without
    /// members, which is free-form JSON (a <c>JsonElement</c>).
    /// </summary>
    public bool HasOwnType(int index) => Schemas[index] is not ObjectDef obj || Flatten(obj).Count > 0;

    public int CountOf<T>() where T : SchemaDef => Schemas.OfType<T>().Count();

    /// <summary>The schema an object derives from in C# (<c>allOf</c> with one base), or null.</summary>
    public int? BaseOf(int index) => Schemas[index] is ObjectDef { Bases.Count: 1 } obj ? obj.Bases[0] : null;

    /// <summary>The nearest schema up the bases (itself included) with a discriminator, or null.</summary>
    public int? OwnerOf(int index)
    {
        for (int? current = index; current is { } i; current = BaseOf(i))
        {
            if (Schemas[i] is ObjectDef { Discriminator: not null })
            {
                return i;
            }
        }

        return null;
    }

    /// <summary>The schemas derived from <paramref name="index"/>, directly or not.</summary>
    public IEnumerable<int> DescendantsOf(int index) =>
        Enumerable.Range(0, Schemas.Count).Where(i => i != index && Ancestors(i).Contains(index));

    private IEnumerable<int> Ancestors(int index)
    {
        for (var current = BaseOf(index); current is { } i; current = BaseOf(i))
        {
            yield return i;
        }
    }

    /// <summary>The derived schemas a value typed as <paramref name="index"/> may be: those its discriminator names.</summary>
    public IEnumerable<int> DiscriminatedDescendantsOf(int index) =>
        OwnerOf(index) is { } owner ? DescendantsOf(index).Where(d => OwnerOf(d) == owner) : [];

    /// <summary>The discriminator value of a derived schema: its mapping value, or its schema name.</summary>
    public string HierarchyValue(int index) =>
        ((ObjectDef)Schemas[OwnerOf(index)!.Value]).Discriminator!.Mapped ? MappingValue(index) : Schemas[index].Name;

    /// <summary>A mapping value: odd text from the enum pool, made unique by the schema's index.</summary>
    public static string MappingValue(int index) => NamePools.EnumValues[index % NamePools.EnumValues.Length] + "#" + index.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// A base with a discriminator that schemas derive from keeps undeclared members (even without
    /// additionalProperties), and so does every schema derived from it: an unknown derived type loses nothing.
    /// </summary>
    public bool KeepsUnknownMembers(int index) => OwnerOf(index) is { } owner && DescendantsOf(owner).Any();

    /// <summary>The schema a JSON object typed as <paramref name="index"/> reads as: the derived schema its discriminator names, else itself.</summary>
    public int ConcreteOf(int index, System.Text.Json.Nodes.JsonNode? json)
    {
        if (OwnerOf(index) is not { } owner || json is not System.Text.Json.Nodes.JsonObject obj
            || !obj.TryGetPropertyValue(((ObjectDef)Schemas[owner]).Discriminator!.PropertyName, out var value)
            || value?.GetValueKind() != System.Text.Json.JsonValueKind.String)
        {
            return index;
        }

        var text = value.GetValue<string>();
        return DiscriminatedDescendantsOf(index).Where(d => HierarchyValue(d) == text).Cast<int?>().FirstOrDefault() ?? index;
    }

    public int IndexOf(SchemaDef schema) => Schemas.ToList().FindIndex(s => s.Name == schema.Name);
}
