using System;
using System.Collections.Generic;
using System.Linq;
using Contracts.Generator.Helpers;
using Contracts.Generator.Model;
using Contracts.Generator.Translation.Naming;

namespace Contracts.Generator.Passes;

/// <summary>
/// Decides what the JSON context serves and the names of its members, then points every request, response,
/// envelope-error and AWS error type at its <c>JsonTypeInfo</c> property. A pure step: model in, model out.
/// </summary>
internal static class JsonContextNaming
{
    // Members of JsonSerializerContext (and object) that a JsonTypeInfo property must not hide, and the context's own
    // helpers (JsonContextEmitter).
    private static readonly string[] s_contextMembers =
    {
        "Default", "Options", "GetTypeInfo", "GeneratedSerializerOptions", "Converters", "Equals", "GetHashCode", "ToString",
        "GetType", "MemberwiseClone", "ReferenceEquals", "TypeInfoOf", "CreateTypeInfo",
    };

    /// <summary>The model with its JSON context built (whatever context it had is replaced) and every type-info property named.</summary>
    public static SpecModel Apply(SpecModel model)
    {
        var client = model.Client;
        var context = BuildContext(model.Target, model.Records, model.Enums, model.Unions, TopLevelTypes(client));
        var byType = context.Types.ToDictionary(t => t.Type, t => t.PropertyName);
        return model with
        {
            JsonContext = context,
            Client = client with
            {
                Envelopes = client.Envelopes.Select(e => e with { ErrorTypeInfoProperty = byType[e.ErrorType] }).ToEquatableArray(),
                Operations = client.Operations.Select(o => NameOperationTypeInfos(o, byType)).ToEquatableArray(),
                Aws = client.Aws is not { } aws ? null : aws with
                {
                    Errors = aws.Errors.Select(e => e.Details is null ? e : e with { DetailsTypeInfoProperty = byType[e.Details] }).ToEquatableArray(),
                },
            },
        };
    }

    private static JsonContextModel BuildContext(
        EmitTarget target,
        EquatableArray<RecordModel> records,
        EquatableArray<EnumModel> enums,
        EquatableArray<UnionModel> unions,
        IEnumerable<TypeRef> topLevelTypes)
    {
        var names = new UniqueNameBuilder(s_contextMembers);
        names.Reserve(target.ContextName);
        var types = new List<JsonTypeModel>();
        foreach (var named in records.Select(r => new TypeRef(TypeKind.Object, r.Name)).Concat(enums.Select(e => new TypeRef(TypeKind.Enum, e.Name))).Concat(unions.Select(u => new TypeRef(TypeKind.Union, u.Name))).OrderBy(t => t.Name, StringComparer.Ordinal))
        {
            types.Add(new JsonTypeModel(named, names.Claim(named.Name!)));
        }

        // Bodies that are lists, maps or scalars need type infos too.
        var known = new HashSet<TypeRef>(types.Select(t => t.Type));

        // A user's type (x-contracts-type) is read and written through its type info wherever it is used, named by its
        // simple name when that is free.
        foreach (var user in UserTypes(records, unions, topLevelTypes))
        {
            if (known.Add(user))
            {
                types.Add(new JsonTypeModel(user, names.Claim(user.Name!.Substring(user.Name!.LastIndexOf('.') + 1))));
            }
        }

        foreach (var type in topLevelTypes.Distinct().OrderBy(t => t.Moniker, StringComparer.Ordinal))
        {
            if (known.Add(type))
            {
                types.Add(new JsonTypeModel(type, names.Claim(type.Moniker)));
            }
        }

        return new JsonContextModel(target, types.ToEquatableArray(), Collections(records, unions, types.Select(t => t.Type)));
    }

    /// <summary>The types the client reads or writes through the JSON context besides the named ones (each needs a JsonTypeInfo property).</summary>
    internal static IEnumerable<TypeRef> TopLevelTypes(ClientModel client) =>
        client.Operations.SelectMany(JsonTypesOf).Concat(client.Envelopes.Select(e => e.ErrorType));

    /// <summary>The lists and maps that the members, union cases and <paramref name="types"/> hold, at any depth, in ordinal order of their monikers.</summary>
    internal static EquatableArray<TypeRef> Collections(EquatableArray<RecordModel> records, EquatableArray<UnionModel> unions, IEnumerable<TypeRef> types)
    {
        var collections = new HashSet<TypeRef>();
        var extraValues = records.Select(r => r.Extra?.ValueType).Where(t => t is not null).Select(t => t!);
        foreach (var type in records.SelectMany(r => r.Properties).Select(p => p.Type).Concat(extraValues).Concat(unions.SelectMany(u => u.Cases).Select(c => c.Type)).Concat(types))
        {
            // A Clearable member's list or map is read and written by the same collection helpers.
            for (var current = type.Kind == TypeKind.Clearable ? type.Element! : type; current.Kind is TypeKind.Array or TypeKind.Map; current = current.Element!)
            {
                collections.Add(current);
            }
        }

        return collections.OrderBy(c => c.Moniker, StringComparer.Ordinal).ToEquatableArray();
    }

    /// <summary>The users' types (x-contracts-type) the model uses anywhere, at any depth, in name order.</summary>
    private static IEnumerable<TypeRef> UserTypes(EquatableArray<RecordModel> records, EquatableArray<UnionModel> unions, IEnumerable<TypeRef> topLevelTypes)
    {
        var found = new HashSet<TypeRef>();
        var uses = records.SelectMany(r => r.Properties.Select(p => p.Type).Concat(r.Extra is { } extra ? new[] { extra.ValueType } : Array.Empty<TypeRef>()))
            .Concat(unions.SelectMany(u => u.Cases).Select(c => c.Type))
            .Concat(topLevelTypes);
        foreach (var use in uses)
        {
            for (var current = use; current is not null; current = current.Element)
            {
                if (current.Kind == TypeKind.External)
                {
                    found.Add(current);
                }
            }
        }

        return found.OrderBy(t => t.Name, StringComparer.Ordinal);
    }

    /// <summary>The types an operation reads or writes through the JSON context (each needs a JsonTypeInfo property).</summary>
    private static IEnumerable<TypeRef> JsonTypesOf(OperationModel operation)
    {
        foreach (var parameter in operation.Parameters.Where(p => p.NeedsTypeInfo))
        {
            yield return parameter.Type;
        }

        if (operation.Body is { } body)
        {
            if (body.NeedsTypeInfo)
            {
                yield return body.Type;
            }

            foreach (var field in body.Fields.Where(f => f.Kind == MultipartFieldKind.Json))
            {
                yield return field.Type;
            }
        }

        if (operation.Response.NeedsTypeInfo)
        {
            yield return operation.Response.Type!;
        }

        foreach (var error in operation.Errors)
        {
            yield return error.Type;
        }

        foreach (var declared in operation.Responses)
        {
            if (declared is { Kind: ResponseKind.Json, Type: { } type })
            {
                yield return type;
            }
        }

        if (operation.Stream is { } stream)
        {
            yield return stream.ItemType;
            foreach (var streamEvent in stream.EventTypes)
            {
                yield return streamEvent.MemberType;
            }
        }
    }

    /// <summary>The operation with every JSON-context type pointed at its JsonTypeInfo property.</summary>
    private static OperationModel NameOperationTypeInfos(OperationModel operation, IReadOnlyDictionary<TypeRef, string> byType) => operation with
    {
        Parameters = operation.Parameters.Select(p => p.NeedsTypeInfo ? p with { TypeInfoProperty = byType[p.Type] } : p).ToEquatableArray(),
        Body = operation.Body is not { } body ? null : body with
        {
            TypeInfoProperty = body.NeedsTypeInfo ? byType[body.Type] : string.Empty,
            Fields = body.Fields.Select(f => f.Kind == MultipartFieldKind.Json ? f with { TypeInfoProperty = byType[f.Type] } : f).ToEquatableArray(),
        },
        Response = operation.Response.NeedsTypeInfo ? operation.Response with { TypeInfoProperty = byType[operation.Response.Type!] } : operation.Response,
        Errors = operation.Errors.Select(e => e with { TypeInfoProperty = byType[e.Type] }).ToEquatableArray(),
        Responses = operation.Responses.Select(r => r is { Kind: ResponseKind.Json, Type: { } type } ? r with { TypeInfoProperty = byType[type] } : r).ToEquatableArray(),
        Stream = operation.Stream is not { } stream ? null : stream with
        {
            ItemTypeInfoProperty = byType[stream.ItemType],
            EventTypes = stream.EventTypes.Select(e => e with { TypeInfoProperty = byType[e.MemberType] }).ToEquatableArray(),
        },
    };
}
