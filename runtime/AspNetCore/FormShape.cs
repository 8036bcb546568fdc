using System;
using System.Collections.Generic;
using System.ComponentModel;

namespace Contracts.Runtime.AspNetCore;

/// <summary>
/// What the text of a form field, a deepObject parameter or an object parameter's member stands for in JSON: the
/// generated server builds one per object or map it binds this way, so that the binder can turn untyped field text into
/// the JSON the generated converters read (<c>"42"</c> into the number 42 for an integer member, into the string
/// <c>"42"</c> for a string member).
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class FormShape
{
    private FormShape(FormShapeKind kind, FormShape? element = null, Dictionary<string, FormShape>? members = null)
    {
        Kind = kind;
        Element = element;
        Members = members;
    }

    /// <summary>A JSON string: the text as it is (strings, dates, UUIDs, base64, string enums).</summary>
    public static FormShape Text { get; } = new(FormShapeKind.Text);

    /// <summary>A JSON number without a fraction (integers, integer enums, Unix times).</summary>
    public static FormShape Integer { get; } = new(FormShapeKind.Integer);

    /// <summary>A JSON number.</summary>
    public static FormShape Number { get; } = new(FormShapeKind.Number);

    /// <summary>JSON <c>true</c> or <c>false</c>.</summary>
    public static FormShape Boolean { get; } = new(FormShapeKind.Boolean);

    /// <summary>Free-form JSON: <c>true</c>/<c>false</c> and numbers as such, any other text as a string, fields with brackets as an object.</summary>
    public static FormShape Any { get; } = new(FormShapeKind.Any);

    internal FormShapeKind Kind { get; }

    /// <summary>The item of a list, the value of a map, or the value of a clearable member.</summary>
    internal FormShape? Element { get; }

    /// <summary>An object's members by wire name.</summary>
    internal Dictionary<string, FormShape>? Members { get; }

    /// <summary>A member that is <paramref name="value"/> or the empty string (an explicit clear).</summary>
    public static FormShape Clearable(FormShape value) => new(FormShapeKind.Clearable, value ?? throw new ArgumentNullException(nameof(value)));

    /// <summary>A JSON array of <paramref name="item"/>.</summary>
    public static FormShape ListOf(FormShape item) => new(FormShapeKind.List, item ?? throw new ArgumentNullException(nameof(item)));

    /// <summary>A JSON object whose every member is <paramref name="value"/>.</summary>
    public static FormShape MapOf(FormShape value) => new(FormShapeKind.Map, value ?? throw new ArgumentNullException(nameof(value)));

    /// <summary>
    /// A JSON object with the members <paramref name="names"/> (wire names), each of the shape at the same index in
    /// <paramref name="shapes"/>; fields naming another member are left out, as the generated readers skip unknown
    /// members, unless <paramref name="other"/> gives them a shape (a record that keeps undeclared members).
    /// </summary>
    public static FormShape Object(string[] names, FormShape[] shapes, FormShape? other = null)
    {
        if (names is null)
        {
            throw new ArgumentNullException(nameof(names));
        }

        if (shapes is null || shapes.Length != names.Length)
        {
            throw new ArgumentException("One shape per member name is expected.", nameof(shapes));
        }

        var members = new Dictionary<string, FormShape>(StringComparer.Ordinal);
        for (var i = 0; i < names.Length; i++)
        {
            members[names[i]] = shapes[i] ?? throw new ArgumentException("A member's shape is null.", nameof(shapes));
        }

        return new FormShape(FormShapeKind.Object, other, members);
    }

    /// <summary>The shape of member <paramref name="name"/> of an object or map; null when an object has no such member.</summary>
    internal FormShape? Member(string name) => Kind switch
    {
        FormShapeKind.Map => Element,
        FormShapeKind.Object => Members!.TryGetValue(name, out var shape) ? shape : Element,
        FormShapeKind.Any => Any,
        _ => null,
    };
}

/// <summary>The kinds of <see cref="FormShape"/>.</summary>
internal enum FormShapeKind
{
    Text,
    Integer,
    Number,
    Boolean,
    Any,
    Clearable,
    List,
    Map,
    Object,
}
