using System;
using System.Collections.Generic;
using System.Linq;
using Contracts.Generator.Helpers;
using Contracts.Generator.Model;

namespace Contracts.Generator.Passes;

/// <summary>
/// A string enum with one value (<c>type: {enum: [message]}</c>, a <c>const</c>) becomes <c>string</c> wherever it is
/// used, and no type is generated for it: a required member of it is initialised to the value (as the enum member was),
/// so the user never names a type to set the only value there is (an optional member's docs name the value), and a value the service sends that the document does
/// not list is kept as it came, as the open enum kept it. One rule for record members, parameters, items, map values and
/// bodies. An enum that is a case of a union (at any depth of the case's type) stays a type: the union tells its cases
/// apart by type, and two one-value cases would both be <c>string</c>. Integer enums stay. A pure step: model in,
/// model out; it runs before the JSON context is named, so nothing is registered for the dropped enums.
/// </summary>
internal static class OneValueEnums
{
    /// <summary>The model without the one-value string enums that no union case uses, every use of them a <c>string</c>.</summary>
    public static SpecModel Apply(SpecModel model)
    {
        var unionCases = new HashSet<string>(StringComparer.Ordinal);
        foreach (var union in model.Unions)
        {
            foreach (var unionCase in union.Cases)
            {
                for (var type = unionCase.Type; type is not null; type = type.Element)
                {
                    if (type.Kind == TypeKind.Enum)
                    {
                        unionCases.Add(type.Name!);
                    }
                }
            }
        }

        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var candidate in model.Enums)
        {
            if (!candidate.IsInteger && candidate.Members.Count == 1 && !unionCases.Contains(candidate.Name))
            {
                values[candidate.Name] = candidate.Members[0].JsonValue;
            }
        }

        if (values.Count == 0)
        {
            return model;
        }

        var rewrite = new Rewriter(values);
        var client = model.Client;
        return model with
        {
            Enums = model.Enums.Where(e => !values.ContainsKey(e.Name)).ToEquatableArray(),
            Records = Map(model.Records, rewrite.Record),
            Client = client with
            {
                Envelopes = Map(client.Envelopes, e => rewrite.Type(e.ErrorType) is var t && !ReferenceEquals(t, e.ErrorType) ? e with { ErrorType = t } : e),
                Operations = Map(client.Operations, rewrite.Operation),
                Aws = client.Aws is not { } aws ? null : aws with { Errors = Map(aws.Errors, e => rewrite.TypeOrNull(e.Details) is var t && !ReferenceEquals(t, e.Details) ? e with { Details = t } : e) },
            },
        };
    }

    /// <summary>The same array when nothing in it changes (a default array stays default), so the model keeps its shape.</summary>
    private static EquatableArray<T> Map<T>(EquatableArray<T> items, Func<T, T> change)
        where T : class, IEquatable<T>
    {
        if (items.IsEmpty)
        {
            return items;
        }

        var changed = false;
        var result = new T[items.Count];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = change(items[i]);
            changed |= !ReferenceEquals(result[i], items[i]);
        }

        return changed ? new EquatableArray<T>(result) : items;
    }

    /// <summary>Every type that names a dropped enum, at any depth, becomes <c>string</c>; what does not change is returned as it is.</summary>
    private sealed class Rewriter
    {
        private readonly Dictionary<string, string> _values;

        public Rewriter(Dictionary<string, string> values) => _values = values;

        public TypeRef Type(TypeRef type)
        {
            if (type.Kind == TypeKind.Enum)
            {
                return _values.ContainsKey(type.Name!) ? TypeRef.String : type;
            }

            if (type.Element is not { } element)
            {
                return type;
            }

            var rewritten = Type(element);
            return ReferenceEquals(rewritten, element) ? type : type with { Element = rewritten };
        }

        // [return: NotNullIfNotNull] is not in netstandard2.0's attributes: a separate name keeps the nullability plain.
        public TypeRef? TypeOrNull(TypeRef? type) => type is null ? null : Type(type);

        public RecordModel Record(RecordModel record)
        {
            var properties = Map(record.Properties, Property);
            var extra = Extra(record.Extra);
            var hierarchy = record.Hierarchy;
            if (hierarchy is not null)
            {
                var inherited = Map(hierarchy.Inherited, Property);
                var hierarchyExtra = Extra(hierarchy.Extra);
                if (inherited != hierarchy.Inherited || !ReferenceEquals(hierarchyExtra, hierarchy.Extra))
                {
                    hierarchy = hierarchy with { Inherited = inherited, Extra = hierarchyExtra };
                }
            }

            return properties == record.Properties && ReferenceEquals(extra, record.Extra) && ReferenceEquals(hierarchy, record.Hierarchy)
                ? record
                : record with { Properties = properties, Extra = extra, Hierarchy = hierarchy };
        }

        private ExtraMembersModel? Extra(ExtraMembersModel? extra)
        {
            if (extra is null)
            {
                return null;
            }

            var value = Type(extra.ValueType);
            return ReferenceEquals(value, extra.ValueType) ? extra : extra with { ValueType = value };
        }

        private PropertyModel Property(PropertyModel property)
        {
            var type = Type(property.Type);
            if (ReferenceEquals(type, property.Type))
            {
                return property;
            }

            // The default or the only value, an enum member before, is now the member's string. An optional member is
            // not set to it, so its docs say which value the document declares.
            var constant = Literal(property.ConstantValue, property.Type);
            return property with
            {
                Type = type,
                DefaultValue = Literal(property.DefaultValue, property.Type),
                ConstantValue = constant,
                DeclaredValue = constant is null && property.Type.Kind == TypeKind.Enum ? _values[property.Type.Name!] : null,
            };
        }

        private LiteralValue? Literal(LiteralValue? value, TypeRef enumType) =>
            value is { Kind: LiteralKind.EnumMember } && enumType.Kind == TypeKind.Enum && _values.TryGetValue(enumType.Name!, out var json)
                ? new LiteralValue(LiteralKind.String, json, value.Json)
                : value;

        public OperationModel Operation(OperationModel operation)
        {
            var body = operation.Body;
            if (body is not null)
            {
                var bodyType = Type(body.Type);
                var fields = Map(body.Fields, f => Type(f.Type) is var t && !ReferenceEquals(t, f.Type) ? f with { Type = t } : f);
                if (!ReferenceEquals(bodyType, body.Type) || fields != body.Fields)
                {
                    body = body with { Type = bodyType, Fields = fields };
                }
            }

            var response = operation.Response;
            if (TypeOrNull(response.Type) is var responseType && !ReferenceEquals(responseType, response.Type))
            {
                response = response with { Type = responseType };
            }

            var stream = operation.Stream;
            if (stream is not null)
            {
                var itemType = Type(stream.ItemType);
                var events = Map(stream.EventTypes, e => Type(e.MemberType) is var t && !ReferenceEquals(t, e.MemberType) ? e with { MemberType = t } : e);
                if (!ReferenceEquals(itemType, stream.ItemType) || events != stream.EventTypes)
                {
                    stream = stream with { ItemType = itemType, EventTypes = events };
                }
            }

            var paging = operation.Paging;
            if (paging is not null && Type(paging.ItemType) is var pagedItem && !ReferenceEquals(pagedItem, paging.ItemType))
            {
                paging = paging with { ItemType = pagedItem };
            }

            return operation with
            {
                Parameters = Map(operation.Parameters, p => Type(p.Type) is var t && !ReferenceEquals(t, p.Type) ? p with { Type = t } : p),
                Body = body,
                Response = response,
                Errors = Map(operation.Errors, e => Type(e.Type) is var t && !ReferenceEquals(t, e.Type) ? e with { Type = t } : e),
                Stream = stream,
                Paging = paging,
            };
        }
    }
}
