using System;
using System.Collections.Generic;
using System.Linq;
using Contracts.Generator.Helpers;
using Contracts.Generator.Model;
using Contracts.Generator.Translation.Naming;
using Microsoft.OpenApi;
using static Contracts.Generator.Translation.SchemaShapes;

namespace Contracts.Generator.Translation;

/// <summary>
/// <c>oneOf</c>/<c>anyOf</c> → closed unions, merged string enums, or the one type left after null members are dropped.
/// Owns the unions it builds and knows which of them have a text form.
/// </summary>
internal sealed class UnionTranslator
{
    // Members every generated union (or its cases) has; a case with one of these names is renamed.
    private static readonly string[] s_unionMembers =
    {
        "Match", "Switch", "Value", "EqualityContract", "Equals", "GetHashCode", "ToString", "PrintMembers", "Deconstruct",
        "GetType", "MemberwiseClone",
    };

    private readonly EmitTarget _target;
    private readonly SchemaTranslator _schemas;
    private readonly EnumTranslator _enums;
    private readonly TypeRegistry _registry;
    private readonly List<UnionModel> _unions = new();

    /// <summary>Unions whose every case is a scalar: they can be path, query or header parameters.</summary>
    private readonly HashSet<string> _scalarUnions = new(StringComparer.Ordinal);

    /// <summary>Unions in the order they were built, with where each was declared: the order and place of their CTR113 reports.</summary>
    private readonly List<(string Name, string Pointer)> _declarations = new();

    /// <param name="schemas">Resolves the schemas of the cases (a case may be any schema, a union included).</param>
    public UnionTranslator(EmitTarget target, SchemaTranslator schemas, EnumTranslator enums, TypeRegistry registry)
    {
        _target = target;
        _schemas = schemas;
        _enums = enums;
        _registry = registry;
    }

    /// <summary>The unions built so far, in the order they were built.</summary>
    public IReadOnlyList<UnionModel> Unions => _unions;

    /// <summary>Each union built so far and the pointer of its schema, in the order they were built.</summary>
    public IReadOnlyList<(string Name, string Pointer)> Declarations => _declarations;

    /// <summary>True when every case of the union <paramref name="name"/> is a scalar, so that it has a text form.</summary>
    public bool IsScalar(string name) => _scalarUnions.Contains(name);

    /// <summary>Builds the union <paramref name="name"/> (already claimed) of the given member types and returns its type.</summary>
    public TypeRef Define(string name, IOpenApiSchema schema, string pointer, List<(TypeRef Type, IOpenApiSchema Schema)> members) =>
        Register(BuildUnion(name, schema, pointer, members));

    /// <summary>What a <c>oneOf</c>/<c>anyOf</c> becomes; decided from the schemas alone so that component names can be claimed first.</summary>
    public enum UnionShape
    {
        /// <summary>No member carries a type: free-form JSON.</summary>
        None,

        /// <summary>One member is left after null members are dropped: that member's type.</summary>
        Single,

        /// <summary>Every member is an unformatted string, some with <c>enum</c>: one open enum of all their values.</summary>
        MergedEnum,

        /// <summary>Every member is an unformatted string without <c>enum</c> (or only Stripe's <c>enum: ['']</c>): string.</summary>
        String,

        /// <summary>A generated union.</summary>
        Union,
    }

    /// <summary>The alternatives of a oneOf (else anyOf) schema, without null and annotation-only members.</summary>
    public static (UnionShape Shape, List<(IOpenApiSchema Schema, string Pointer)> Members) PlanUnion(IOpenApiSchema schema, string pointer)
    {
        var members = new List<(IOpenApiSchema, string)>();
        AddAlternatives(schema, pointer, members, new HashSet<IOpenApiSchema> { schema });

        if (members.Count == 0)
        {
            return (UnionShape.None, members);
        }

        if (members.Count == 1)
        {
            return (UnionShape.Single, members);
        }

        if (members.All(m => IsPlainString(m.Item1)))
        {
            // Stripe's "" alternative adds nothing to a plain string.
            return (members.Any(m => m.Item1.EnumList().Count > 0 && !IsEmptyStringAlternative(m.Item1)) ? UnionShape.MergedEnum : UnionShape.String, members);
        }

        return (UnionShape.Union, members);
    }

    /// <summary>
    /// Adds the alternatives of a union; an alternative that is itself an undiscriminated union (Stripe's
    /// <c>payment_source</c> beside <c>deleted_payment_source</c>) contributes its own alternatives, so the cases are
    /// the concrete shapes and can be told apart by their members.
    /// </summary>
    private static void AddAlternatives(IOpenApiSchema schema, string pointer, List<(IOpenApiSchema, string)> members, HashSet<IOpenApiSchema> visiting)
    {
        var keyword = schema.OneOfList().Count > 0 ? "oneOf" : "anyOf";
        var all = schema.OneOfList().Count > 0 ? schema.OneOfList() : schema.AnyOfList();
        for (var i = 0; i < all.Count; i++)
        {
            var member = all[i];
            if (member is null || IsNullMember(member) || IsAnnotationOnly(member))
            {
                continue;
            }

            var memberPointer = member.ReferenceId() is { } reference ? "#/components/schemas/" + Escape(reference) : pointer + "/" + keyword + "/" + i;
            if (IsUnion(member) && member.Discriminator is null && !AllowsNull(member) && visiting.Count < 16 && visiting.Add(member))
            {
                AddAlternatives(member, memberPointer, members, visiting);
                continue;
            }

            members.Add((member, pointer + "/" + keyword + "/" + i));
        }
    }

    /// <summary>Stripe's <c>enum: ['']</c> alternative ("unset"): a plain string case rather than a one-value enum.</summary>
    internal static bool IsEmptyStringAlternative(IOpenApiSchema member) =>
        member.ReferenceId() is null && member.TypeName() is null or "string" && member.EnumList().Count == 1 && JsonValues.AsString(member.EnumList()[0]) == "";

    private static bool IsPlainString(IOpenApiSchema member) =>
        member.TypeName() is "string" or null && string.IsNullOrEmpty(member.Format) && member.PropertyMap().Count == 0 && member.Items is null
        && member.OneOfList().Count == 0 && member.AnyOfList().Count == 0 && member.AllOfList().Count == 0
        && (member.TypeName() == "string" || member.EnumList().Count > 0) && IsStringLike(member);

    /// <summary>The type of a schema with a oneOf or anyOf: <paramref name="fixedName"/> is its claimed component name, else <paramref name="name"/> is claimed when it becomes a type.</summary>
    public TypeRef Classify(IOpenApiSchema schema, string pointer, string name, string? fixedName)
    {
        var (shape, members) = PlanUnion(schema, pointer);
        switch (shape)
        {
            case UnionShape.None:
                return TypeRef.Any;
            case UnionShape.Single:
                return _schemas.Resolve(members[0].Schema, members[0].Pointer, name);
            case UnionShape.String:
                return TypeRef.String;
            case UnionShape.MergedEnum:
                var enumName = fixedName ?? _registry.Claim(name);
                var merged = new OpenApiSchema { Type = JsonSchemaType.String, Description = schema.Description };
                merged.Enum = members.SelectMany(m => m.Schema.EnumList()).Where(JsonValues.IsString).ToList();
                return _enums.Define(enumName, merged, pointer);
        }

        var unionName = fixedName ?? _registry.Claim(name);
        var types = new List<(TypeRef Type, IOpenApiSchema Schema)>();
        var constants = CaseNames.Constants(members.Select(m => m.Schema).ToList(), DiscriminatorOf(schema));
        for (var i = 0; i < members.Count; i++)
        {
            var (member, memberPointer) = members[i];
            var type = IsEmptyStringAlternative(member) ? TypeRef.String : _schemas.Resolve(member, memberPointer, CaseNames.TypeHint(unionName, constants[i] ?? (member.ReferenceId() is null ? SingleValue(member) : null), i + 1));
            if (!types.Any(t => t.Type.Equals(type)))
            {
                types.Add((type, member));
            }
        }

        // Members that differ only in constraints (two string lengths) collapse to one type.
        if (types.Count == 1)
        {
            return types[0].Type;
        }

        return Define(unionName, schema, pointer, types);
    }

    /// <summary>Keeps a built union for emitting (noting whether it has a text form) and returns its type.</summary>
    private TypeRef Register(UnionModel union)
    {
        _unions.Add(union);
        if (union.Cases.All(c => c.IsScalar))
        {
            _scalarUnions.Add(union.Name);
        }

        return new TypeRef(TypeKind.Union, union.Name);
    }

    private UnionModel BuildUnion(string name, IOpenApiSchema schema, string pointer, List<(TypeRef Type, IOpenApiSchema Schema)> members)
    {
        var shapes = members.Select(m =>
        {
            var required = new HashSet<string>(StringComparer.Ordinal);
            var declared = new List<(string Key, IOpenApiSchema Schema, string Pointer)>();
            if (m.Type.Kind == TypeKind.Object)
            {
                _schemas.CollectMembers(m.Schema, pointer, required, declared, new HashSet<string>(StringComparer.Ordinal), new HashSet<IOpenApiSchema>());
            }

            return (m.Type, m.Schema, Required: required, Declared: declared);
        }).ToList();

        var explicitDiscriminator = string.IsNullOrEmpty(schema.Discriminator?.PropertyName) ? null : schema.Discriminator!.PropertyName;
        var objectShapes = shapes.Where(s => s.Type.Kind == TypeKind.Object).ToList();
        var constant = explicitDiscriminator is null ? ConstantMember(objectShapes.Select(s => (s.Schema, s.Required)).ToList()) : null;
        var discriminator = explicitDiscriminator ?? constant?.Name;
        var caseNames = new UniqueNameBuilder(s_unionMembers);
        caseNames.Reserve(name);
        var cases = new List<UnionCaseModel>(members.Count);
        var constants = SharedConstants(shapes.Where(x => x.Type.Kind == TypeKind.Object).Select(x => (x.Schema, x.Required)).ToList());
        var caseConstants = CaseNames.Constants(members.Select(m => m.Schema).ToList(), explicitDiscriminator);
        for (var index = 0; index < shapes.Count; index++)
        {
            var shape = shapes[index];
            var (type, member, required, declared) = shape;
            var token = TokenOf(type, member);
            if (token == UnionToken.Any && discriminator is not null && IsMemberlessObject(member))
            {
                // An object without members (free-form, a JsonElement) is still an object case: it gets a discriminator value.
                token = UnionToken.Object;
            }

            var known = declared.Select(d => d.Key).ToList();
            var values = discriminator is null || token != UnionToken.Object
                ? new List<string>()
                : constant is { } found
                    ? found.Values[objectShapes.IndexOf(shape)]
                    : DiscriminatorValues(schema, member);
            var caseName = caseNames.Claim(CaseNames.Preferred(values, member, caseConstants[index], type, CaseName(type), name + "Option"));
            cases.Add(new UnionCaseModel(
                caseName,
                Identifiers.ToCamelCase(caseName, "value"),
                type,
                token,
                values.ToEquatableArray(),
                WritesDiscriminator: values.Count > 0 && !known.Contains(discriminator!),
                required.OrderBy(r => r, StringComparer.Ordinal).ToEquatableArray(),
                known.ToEquatableArray(),
                HasConversion: type.Kind is not (TypeKind.Array or TypeKind.Map),
                IsScalar: token is UnionToken.String or UnionToken.Integer or UnionToken.Number or UnionToken.Boolean && type.Kind != TypeKind.Bytes,
                MemberShapes(member, required, declared, constants)));
        }

        _registry.SpendType(cases.Count, pointer);
        _declarations.Add((name, pointer));
        return new UnionModel(_target, name, DescriptionOf(schema), discriminator, cases.ToEquatableArray());
    }

    /// <summary>
    /// Without a declared discriminator: a member every object case requires and declares as a string enum, with no
    /// value shared by two cases (Stripe's <c>object: {enum: [card]}</c>, Rebilly's <c>rel</c>), tells the cases
    /// apart exactly. Returns its name and each case's values, or null.
    /// </summary>
    private static (string Name, List<List<string>> Values)? ConstantMember(List<(IOpenApiSchema Schema, HashSet<string> Required)> objects)
    {
        if (objects.Count < 2)
        {
            return null;
        }

        var candidates = objects[0].Required.Where(key => EnumOf(objects[0].Schema, key, 0) is not null).OrderBy(k => k, StringComparer.Ordinal);
        foreach (var key in candidates)
        {
            var values = objects.Select(o => o.Required.Contains(key) ? EnumOf(o.Schema, key, 0) : null).ToList();
            var all = values.Where(v => v is not null).SelectMany(v => v!).ToList();
            if (values.All(v => v is not null) && all.Distinct(StringComparer.Ordinal).Count() == all.Count)
            {
                return (key, values.Select(v => v!).ToList());
            }
        }

        return null;
    }

    /// <summary>The string values of member <paramref name="key"/>'s enum, the object's own declaration first, then its allOf parts.</summary>
    private static List<string>? EnumOf(IOpenApiSchema schema, string key, int depth)
    {
        if (schema.PropertyMap().TryGetValue(key, out var property) && property is { Enum.Count: > 0 } && property.EnumList().All(JsonValues.IsString))
        {
            return property.EnumList().Select(v => JsonValues.AsString(v)!).ToList();
        }

        // The depth guard stops at allOf cycles (reported elsewhere as CTR100).
        return depth > 16 ? null : schema.AllOfList().Where(p => p is not null).Select(p => EnumOf(p, key, depth + 1)).FirstOrDefault(v => v is not null);
    }

    /// <summary>Required string-enum members that at least two object cases declare: their values tell those cases apart.</summary>
    private static HashSet<string> SharedConstants(List<(IOpenApiSchema Schema, HashSet<string> Required)> objects)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (schema, required) in objects)
        {
            foreach (var key in required.Where(key => EnumOf(schema, key, 0) is { Count: <= 16 }))
            {
                counts[key] = counts.TryGetValue(key, out var count) ? count + 1 : 1;
            }
        }

        return new HashSet<string>(counts.Where(c => c.Value >= 2).Select(c => c.Key), StringComparer.Ordinal);
    }

    /// <summary>What an object case's members may hold in JSON; members whose schema says nothing are left out.</summary>
    private static EquatableArray<UnionMemberModel> MemberShapes(
        IOpenApiSchema schema,
        HashSet<string> required,
        List<(string Key, IOpenApiSchema Schema, string Pointer)> declared,
        HashSet<string> constants)
    {
        var result = new List<UnionMemberModel>();
        foreach (var (key, memberSchema) in declared.Select(d => (d.Key, d.Schema)))
        {
            var isRequired = required.Contains(key);
            var kinds = memberSchema is null ? 0 : KindsOf(memberSchema);
            if (kinds != 0 && (!isRequired || AllowsNull(memberSchema!) || HasNullMember(memberSchema!)))
            {
                kinds |= JsonKindFlags.Null;
            }

            var itemKinds = kinds == (JsonKindFlags.Array | JsonKindFlags.Null) || kinds == JsonKindFlags.Array ? KindsOf(memberSchema!.Items) : 0;
            if (itemKinds != 0 && ElementAllowsNull(memberSchema!.Items))
            {
                itemKinds |= JsonKindFlags.Null;
            }

            var values = isRequired && constants.Contains(key) ? EnumOf(schema, key, 0) : null;
            if (kinds != 0 || values is not null)
            {
                result.Add(new UnionMemberModel(key, kinds, itemKinds, (values ?? new List<string>()).ToEquatableArray()));
            }
        }

        return result.ToEquatableArray();
    }

    /// <summary>The JSON kinds a schema accepts (without null); 0 when it could be anything (no type, a union, free-form).</summary>
    private static int KindsOf(IOpenApiSchema? schema)
    {
        if (schema is null)
        {
            return 0;
        }

        schema = Unwrap(schema)?.Schema ?? schema;
        return schema.TypeName() switch
        {
            "string" => JsonKindFlags.String,
            "integer" or "number" => JsonKindFlags.Number,
            "boolean" => JsonKindFlags.Boolean,
            "array" => JsonKindFlags.Array,
            "object" => JsonKindFlags.Object,
            null when schema.PropertyMap().Count > 0 && schema.OneOfList().Count == 0 && schema.AnyOfList().Count == 0 => JsonKindFlags.Object,
            null when schema.EnumList().Count > 0 && schema.EnumList().All(JsonValues.IsString) => JsonKindFlags.String,
            _ => 0,
        };
    }

    /// <summary>Explicit <c>mapping</c> values that point at this member, else (implicitly) its component name.</summary>
    private static List<string> DiscriminatorValues(IOpenApiSchema union, IOpenApiSchema member)
    {
        var id = member.ReferenceId();
        var values = new List<string>();
        if (id is null)
        {
            return values;
        }

        foreach (var entry in union.Discriminator.MappingTargets())
        {
            var target = entry.Value ?? string.Empty;
            var slash = target.LastIndexOf('/');
            if (string.Equals(slash >= 0 ? target.Substring(slash + 1) : target, id, StringComparison.Ordinal))
            {
                values.Add(entry.Key);
            }
        }

        if (values.Count == 0)
        {
            values.Add(id);
        }

        return values;
    }

    /// <summary>
    /// The JSON token of a case. An integer enum is read from a number (found by the property tests: it was taken for
    /// a string enum, so no number matched the union).
    /// </summary>
    private static UnionToken TokenOf(TypeRef type, IOpenApiSchema schema) => type.Kind switch
    {
        TypeKind.Enum when IsIntegerEnum(Unwrap(schema)?.Schema ?? schema) => UnionToken.Integer,
        TypeKind.String or TypeKind.DateTimeOffset or TypeKind.Guid or TypeKind.Bytes or TypeKind.Enum => UnionToken.String,
        TypeKind.Int32 or TypeKind.Int64 or TypeKind.UnixTime => UnionToken.Integer,
        TypeKind.Single or TypeKind.Double or TypeKind.Decimal => UnionToken.Number,
        TypeKind.Boolean => UnionToken.Boolean,
        TypeKind.Array => UnionToken.Array,
        TypeKind.Object or TypeKind.Map => UnionToken.Object,
        _ => UnionToken.Any,
    };

    /// <summary><c>type: object</c> with no members and no other keyword that gives it a shape.</summary>
    private static bool IsMemberlessObject(IOpenApiSchema schema)
    {
        schema = Unwrap(schema)?.Schema ?? schema;
        return schema.TypeName() == "object" && schema.PropertyMap().Count == 0 && schema.AdditionalProperties is null
            && schema.AllOfList().Count == 0 && schema.OneOfList().Count == 0 && schema.AnyOfList().Count == 0;
    }

    private static string? DiscriminatorOf(IOpenApiSchema schema) =>
        string.IsNullOrEmpty(schema.Discriminator?.PropertyName) ? null : schema.Discriminator!.PropertyName;

    private static string CaseName(TypeRef type) => type.Kind switch
    {
        TypeKind.Int32 or TypeKind.Int64 => "Integer",
        TypeKind.Single or TypeKind.Double or TypeKind.Decimal => "Number",
        TypeKind.DateTimeOffset => "DateTime",
        _ => type.Moniker,
    };
}
