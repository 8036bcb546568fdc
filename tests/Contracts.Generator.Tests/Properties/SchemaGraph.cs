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
/// An object schema; with <paramref name="Bases"/> it is <c>allOf: [$ref base…, {own properties}]</c>.
/// <paramref name="Extra"/> is its <c>additionalProperties</c> beside the properties: null for none, free-form for <c>true</c>.
/// </summary>
internal sealed record ObjectDef(string Name, IReadOnlyList<PropertyDef> Properties, IReadOnlyList<int> Bases, Shape? Extra = null) : SchemaDef(Name);

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
}
