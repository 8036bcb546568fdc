using System;
using System.Collections.Generic;
using System.Linq;
using Contracts.Generator.Helpers;

namespace Contracts.Generator.Model;

/// <summary>What a shape of the runtime's <c>FormShape</c> is: a scalar the runtime has, or one the server builds.</summary>
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

/// <summary>
/// A shape the generated server builds once (a static field), so that the binder can turn the text of form fields and
/// object parameters into the JSON the generated readers take (docs/server.md, "Objects, forms and multipart").
/// </summary>
/// <param name="Key">The shape's name, unique in the server (the type's moniker): its field is <c>s_formShape{Key}</c>.</param>
/// <param name="Element">The key of a list's item, a map's or clearable member's value, an object's undeclared members (null: left out).</param>
/// <param name="Members">An object's members by wire name, each with its shape's key.</param>
internal sealed record FormShapeModel(string Key, FormShapeKind Kind, string? Element, EquatableArray<FormMemberModel> Members);

/// <summary>A member of an object shape: its wire name and the key of its shape.</summary>
internal sealed record FormMemberModel(string WireName, string Shape);

/// <summary>
/// Builds the shapes of the types the server binds from fields, each built after the shapes it uses. A record that
/// holds itself (directly or not) is free-form where it recurs; a union, free-form member or a type of the application's
/// own is free-form (numbers and <c>true</c>/<c>false</c> as such, other text as strings).
/// </summary>
internal sealed class FormShapeBuilder
{
    private readonly Dictionary<string, RecordModel> _records;
    private readonly HashSet<string> _integerEnums;
    private readonly Dictionary<string, FormShapeModel> _built = new(StringComparer.Ordinal);
    private readonly HashSet<string> _building = new(StringComparer.Ordinal);
    private readonly List<FormShapeModel> _ordered = new();

    public FormShapeBuilder(IEnumerable<RecordModel> records, IEnumerable<string> integerEnums)
    {
        _records = new Dictionary<string, RecordModel>(StringComparer.Ordinal);
        foreach (var record in records)
        {
            _records[record.Name] = record;
        }

        _integerEnums = new HashSet<string>(integerEnums, StringComparer.Ordinal);
    }

    /// <summary>The shapes built so far, each after those it uses.</summary>
    public EquatableArray<FormShapeModel> Shapes => _ordered.ToEquatableArray();

    /// <summary>The key of <paramref name="type"/>'s shape, built when it is not yet.</summary>
    public string KeyOf(TypeRef type)
    {
        switch (type.Kind)
        {
            case TypeKind.Boolean:
                return nameof(FormShapeKind.Boolean);
            case TypeKind.Int32 or TypeKind.Int64 or TypeKind.UnixTime:
                return nameof(FormShapeKind.Integer);
            case TypeKind.Single or TypeKind.Double or TypeKind.Decimal:
                return nameof(FormShapeKind.Number);
            case TypeKind.Enum:
                return _integerEnums.Contains(type.Name!) ? nameof(FormShapeKind.Integer) : nameof(FormShapeKind.Text);
            case TypeKind.Any or TypeKind.Union or TypeKind.External:
                return nameof(FormShapeKind.Any);
            case TypeKind.Object when !_records.ContainsKey(type.Name!):
                return nameof(FormShapeKind.Any);
            case TypeKind.Array or TypeKind.Map or TypeKind.Clearable or TypeKind.Object:
                break;
            default:
                return nameof(FormShapeKind.Text);
        }

        var key = type.Moniker;
        if (_built.ContainsKey(key))
        {
            return key;
        }

        if (!_building.Add(key))
        {
            return nameof(FormShapeKind.Any);
        }

        var shape = type.Kind switch
        {
            TypeKind.Array => new FormShapeModel(key, FormShapeKind.List, KeyOf(type.Element!), EquatableArray<FormMemberModel>.Empty),
            TypeKind.Map => new FormShapeModel(key, FormShapeKind.Map, KeyOf(type.Element!), EquatableArray<FormMemberModel>.Empty),
            TypeKind.Clearable => new FormShapeModel(key, FormShapeKind.Clearable, KeyOf(type.Element!), EquatableArray<FormMemberModel>.Empty),
            _ => ObjectShape(key, _records[type.Name!]),
        };
        _building.Remove(key);
        _built[key] = shape;
        _ordered.Add(shape);
        return key;
    }

    /// <summary>A record's members with those of every record derived from it (a value typed as the base may be any of them).</summary>
    private FormShapeModel ObjectShape(string key, RecordModel record)
    {
        var members = new List<FormMemberModel>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var records = new[] { record }.Concat(record.Hierarchy?.Descendants.Select(d => _records.TryGetValue(d, out var derived) ? derived : null).OfType<RecordModel>() ?? Enumerable.Empty<RecordModel>());
        foreach (var member in records.SelectMany(r => r.Members))
        {
            if (seen.Add(member.JsonName))
            {
                members.Add(new FormMemberModel(member.JsonName, KeyOf(member.Type)));
            }
        }

        var extra = (record.Hierarchy?.Extra ?? record.Extra) is { } kept ? KeyOf(kept.ValueType) : null;
        return new FormShapeModel(key, FormShapeKind.Object, extra, members.ToEquatableArray());
    }
}
