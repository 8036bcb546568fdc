using System;
using System.Collections.Generic;
using System.Linq;
using Contracts.Generator.Helpers;
using Contracts.Generator.Model;
using Contracts.Generator.Translation.Naming;

namespace Contracts.Generator.Translation;

/// <summary>Decides what the JSON context serves and the names of its members.</summary>
internal sealed partial class SpecParser
{
    // Members of JsonSerializerContext (and object) that a JsonTypeInfo property must not hide.
    private static readonly string[] s_contextMembers =
    {
        "Default", "Options", "GetTypeInfo", "GeneratedSerializerOptions", "Converters", "Equals", "GetHashCode", "ToString",
        "GetType", "MemberwiseClone", "ReferenceEquals",
    };

    private JsonContextModel BuildJsonContext(
        EquatableArray<RecordModel> records,
        EquatableArray<EnumModel> enums,
        EquatableArray<UnionModel> unions,
        IEnumerable<TypeRef> topLevelTypes)
    {
        var names = new UniqueNameBuilder(s_contextMembers);
        names.Reserve(_target.ContextName);
        var types = new List<JsonTypeModel>();
        foreach (var named in records.Select(r => new TypeRef(TypeKind.Object, r.Name)).Concat(enums.Select(e => new TypeRef(TypeKind.Enum, e.Name))).Concat(unions.Select(u => new TypeRef(TypeKind.Union, u.Name))).OrderBy(t => t.Name, StringComparer.Ordinal))
        {
            types.Add(new JsonTypeModel(named, names.Claim(named.Name!)));
        }

        // Bodies that are lists, maps or scalars need type infos too.
        var known = new HashSet<TypeRef>(types.Select(t => t.Type));
        foreach (var type in topLevelTypes.Distinct().OrderBy(t => t.Moniker, StringComparer.Ordinal))
        {
            if (known.Add(type))
            {
                types.Add(new JsonTypeModel(type, names.Claim(type.Moniker)));
            }
        }

        var collections = new HashSet<TypeRef>();
        var extraValues = records.Select(r => r.Extra?.ValueType).Where(t => t is not null).Select(t => t!);
        foreach (var type in records.SelectMany(r => r.Properties).Select(p => p.Type).Concat(extraValues).Concat(unions.SelectMany(u => u.Cases).Select(c => c.Type)).Concat(types.Select(t => t.Type)))
        {
            for (var current = type; current.Kind is TypeKind.Array or TypeKind.Map; current = current.Element!)
            {
                collections.Add(current);
            }
        }

        return new JsonContextModel(_target, types.ToEquatableArray(), collections.OrderBy(c => c.Moniker, StringComparer.Ordinal).ToEquatableArray());
    }

    /// <summary>Points request, response, envelope-error and AWS error types at their JsonTypeInfo property names.</summary>
    private static (List<OperationModel> Operations, List<EnvelopeModel> Envelopes, AwsModel? Aws) NameTypeInfos(
        JsonContextModel context,
        IEnumerable<OperationModel> operations,
        IEnumerable<EnvelopeModel> envelopes,
        AwsModel? aws)
    {
        var byType = context.Types.ToDictionary(t => t.Type, t => t.PropertyName);
        var namedOperations = operations.Select(o => NameOperationTypeInfos(o, byType)).ToList();
        var namedEnvelopes = envelopes.Select(e => e with { ErrorTypeInfoProperty = byType[e.ErrorType] }).ToList();
        var namedAws = aws is null ? null : aws with
        {
            Errors = aws.Errors.Select(e => e.Details is null ? e : e with { DetailsTypeInfoProperty = byType[e.Details] }).ToEquatableArray(),
        };
        return (namedOperations, namedEnvelopes, namedAws);
    }
}
