using System;

namespace Contracts.Generator.Model;

/// <summary>The shapes a schema can take in generated code.</summary>
internal enum TypeKind
{
    String,
    Boolean,
    Int32,
    Int64,
    Single,
    Double,
    Decimal,
    DateTimeOffset,
    Guid,
    Bytes,

    /// <summary>Free-form JSON, kept as a <c>JsonElement</c>.</summary>
    Any,

    /// <summary>A generated record.</summary>
    Object,

    /// <summary>A generated enum.</summary>
    Enum,

    /// <summary>A generated closed union (an abstract record with one nested record per case).</summary>
    Union,

    /// <summary>A read-only list of <see cref="TypeRef.Element"/>.</summary>
    Array,

    /// <summary>A read-only dictionary from string to <see cref="TypeRef.Element"/>.</summary>
    Map,

    /// <summary>A calendar date (<c>format: date</c>), a <c>DateOnly</c>; the parser only picks it where the compilation has one.</summary>
    Date,

    /// <summary>An ISO-8601 duration (<c>format: duration</c>, <c>P1DT2H</c>), a <c>TimeSpan</c>.</summary>
    Duration,

    /// <summary>
    /// Whole seconds since the Unix epoch on the wire (<c>format: unix-time</c> and its spellings on an integer), a
    /// <c>DateTimeOffset</c> in C#.
    /// </summary>
    UnixTime,

    /// <summary>
    /// A record member that is <see cref="TypeRef.Element"/> or the empty string (Stripe's "unset"), a
    /// <c>Contracts.Runtime.Clearable&lt;T&gt;</c> (a class). Only record members have it (docs/names.md).
    /// </summary>
    Clearable,

    /// <summary>
    /// A type of the user's own that a component schema is mapped to (<c>x-contracts-type</c>); <see cref="TypeRef.Name"/>
    /// is its fully qualified name without <c>global::</c>. Read and written through the JSON context (docs/overrides.md).
    /// </summary>
    External,
}

/// <summary>
/// A reference to a generated or built-in type. Records and enums are referred to by their C# name; the emitter
/// qualifies it with the namespace. Must stay immutable and structurally equatable (incremental caching).
/// </summary>
/// <param name="ElementAllowsNull">
/// An array's items or a map's values may be JSON null (<c>items: {nullable: true}</c>): the element is <c>T?</c>.
/// Never set for free-form elements, whose <c>JsonElement</c> already holds a null.
/// </param>
internal sealed record TypeRef(TypeKind Kind, string? Name = null, TypeRef? Element = null, bool ElementAllowsNull = false)
{
    public static readonly TypeRef String = new(TypeKind.String);
    public static readonly TypeRef Any = new(TypeKind.Any);

    /// <summary>True when the C# type is a struct (nullable form is <c>T?</c> = <c>Nullable&lt;T&gt;</c>).</summary>
    public bool IsValueType => Kind is TypeKind.Boolean or TypeKind.Int32 or TypeKind.Int64 or TypeKind.Single
        or TypeKind.Double or TypeKind.Decimal or TypeKind.DateTimeOffset or TypeKind.Guid or TypeKind.Any or TypeKind.Enum
        or TypeKind.Date or TypeKind.Duration or TypeKind.UnixTime;

    /// <summary>A stable identifier-safe description, used to name collection helpers (<c>ListOfAccessKey</c>).</summary>
    public string Moniker => Kind switch
    {
        TypeKind.Object or TypeKind.Enum or TypeKind.Union => Name!,
        TypeKind.Array => (ElementAllowsNull ? "ListOfNullable" : "ListOf") + Element!.Moniker,
        TypeKind.Map => (ElementAllowsNull ? "MapOfNullable" : "MapOf") + Element!.Moniker,
        TypeKind.Any => "Json",
        TypeKind.Clearable => "ClearableOf" + Element!.Moniker,
        TypeKind.External => Name!.Replace('.', '_'),
        _ => Kind.ToString(),
    };

    public static TypeRef ArrayOf(TypeRef element, bool allowsNull = false) =>
        new(TypeKind.Array, null, element ?? throw new ArgumentNullException(nameof(element)), allowsNull && element.Kind != TypeKind.Any);

    public static TypeRef MapOf(TypeRef element, bool allowsNull = false) =>
        new(TypeKind.Map, null, element ?? throw new ArgumentNullException(nameof(element)), allowsNull && element.Kind != TypeKind.Any);

    /// <summary>A member that holds <paramref name="value"/> or an explicit clear, written as the empty string.</summary>
    public static TypeRef ClearableOf(TypeRef value) =>
        new(TypeKind.Clearable, null, value ?? throw new ArgumentNullException(nameof(value)));

    /// <summary>The same type with no nullable elements at any depth (where null has no spelling, as in a URL).</summary>
    public TypeRef WithoutNullElements() =>
        Element is null ? this : this with { Element = Element.WithoutNullElements(), ElementAllowsNull = false };
}
