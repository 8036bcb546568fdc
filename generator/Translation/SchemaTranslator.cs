using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Contracts.Generator.Diagnostics;
using Contracts.Generator.Helpers;
using Contracts.Generator.Model;
using Contracts.Generator.Reading;
using Contracts.Generator.Translation.Naming;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Any;
using Microsoft.OpenApi.Models;
using Microsoft.OpenApi.Writers;

namespace Contracts.Generator.Translation;

/// <summary>Schemas → records, enums and type references.</summary>
internal sealed partial class SpecParser
{
    // Record members C# generates for every record; a spec property with one of these names is renamed.
    private static readonly string[] s_recordMembers =
    {
        "EqualityContract", "Equals", "GetHashCode", "ToString", "PrintMembers", "Deconstruct", "GetType", "MemberwiseClone",
    };

    private readonly UniqueNameBuilder _typeNames;
    private readonly Dictionary<string, TypeRef> _componentTypes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _componentNames = new(StringComparer.Ordinal);
    private readonly HashSet<string> _componentsInProgress = new(StringComparer.Ordinal);
    private readonly Queue<(string Name, OpenApiSchema Schema, string Pointer)> _pendingRecords = new();
    private readonly List<RecordModel> _records = new();
    private readonly List<EnumModel> _enums = new();
    private int _schemaDepth;
    private int _modelSize;
    private int _typeCount;

    /// <summary>Gives every component schema its type; records are queued and built by <see cref="DrainPendingTypes"/>.</summary>
    private void DefineComponentTypes()
    {
        var schemas = _document.Components?.Schemas;
        if (schemas is null)
        {
            return;
        }

        // Component names are claimed first, in ordinal order, so that they win over names made up for inline schemas.
        foreach (var key in schemas.Keys.OrderBy(k => k, StringComparer.Ordinal))
        {
            if (!IsEnvelope(schemas[key]) && IsNamedShape(schemas[key]))
            {
                // An AWS error schema's exception takes its name; its body record is the exception's Details.
                var name = Identifiers.ToPascalCase(key, "Model");
                _componentNames[key] = _typeNames.Claim(_awsErrorExceptions.ContainsKey(key) ? name + "Details" : name);
            }
        }

        foreach (var key in schemas.Keys.OrderBy(k => k, StringComparer.Ordinal))
        {
            _cancellationToken.ThrowIfCancellationRequested();
            if (!IsEnvelope(schemas[key]))
            {
                ComponentType(key);
            }
        }
    }

    /// <summary>Builds queued records until none is left (building one can queue inline ones).</summary>
    private void DrainPendingTypes()
    {
        while (_pendingRecords.Count > 0)
        {
            _cancellationToken.ThrowIfCancellationRequested();
            var (name, schema, pointer) = _pendingRecords.Dequeue();
            _records.Add(BuildRecord(name, schema, pointer));
        }
    }

    /// <summary>The type of a schema used at <paramref name="pointer"/>; <paramref name="nameHint"/> names it if it is an inline record or enum.</summary>
    private TypeRef Resolve(OpenApiSchema? schema, string pointer, string nameHint)
    {
        if (schema is null)
        {
            return TypeRef.Any;
        }

        // A chain of $refs (array of array of …, union of union of …) is walked recursively: bounded, so no document can
        // exhaust the compiler's stack.
        if (_schemaDepth >= Limits.MaxSchemaDepth)
        {
            _diagnostics.Add(DiagnosticDescriptors.UnsupportedSchema, pointer, "A schema nested more than " + Limits.MaxSchemaDepth.ToString(CultureInfo.InvariantCulture) + " levels deep through references", nameHint);
            return TypeRef.Any;
        }

        // The backstop behind the limit: throws InsufficientExecutionStackException (CTR010) before the stack runs out.
        System.Runtime.CompilerServices.RuntimeHelpers.EnsureSufficientExecutionStack();
        _schemaDepth++;
        try
        {
            return ResolveCore(schema, pointer, nameHint);
        }
        finally
        {
            _schemaDepth--;
        }
    }

    private TypeRef ResolveCore(OpenApiSchema schema, string pointer, string nameHint)
    {
        if (schema.Reference is { } reference && !string.IsNullOrEmpty(reference.Id))
        {
            // The reader already reported dangling references (CTR004); they degrade to free-form JSON.
            var id = reference.Id;
            return !schema.UnresolvedReference && _document.Components?.Schemas?.ContainsKey(id) == true && !reference.IsExternal
                ? ComponentType(id)
                : TypeRef.Any;
        }

        return Classify(schema, pointer, nameHint, fixedName: null);
    }

    private TypeRef ComponentType(string id)
    {
        if (_componentTypes.TryGetValue(id, out var known))
        {
            return known;
        }

        var pointer = "#/components/schemas/" + Escape(id);
        if (!_componentsInProgress.Add(id))
        {
            // An alias that refers back to itself (A = list of A) has no finite C# type.
            _diagnostics.Add(DiagnosticDescriptors.UnsupportedSchema, pointer, "A schema that is an alias of itself", id);
            return TypeRef.Any;
        }

        var fixedName = _componentNames.TryGetValue(id, out var claimed) ? claimed : null;
        var type = Classify(_document.Components.Schemas[id], pointer, Identifiers.ToPascalCase(id, "Model"), fixedName);
        _componentsInProgress.Remove(id);
        _componentTypes[id] = type;
        return type;
    }

    /// <param name="fixedName">The name already claimed for a component schema; inline schemas claim <paramref name="name"/> when they become a type.</param>
    private TypeRef Classify(OpenApiSchema schema, string pointer, string name, string? fixedName)
    {
        if (Unwrap(schema) is { } single)
        {
            return Resolve(single.Schema, pointer + "/" + single.Keyword, name);
        }

        if (IsUnion(schema))
        {
            return ClassifyUnion(schema, pointer, name, fixedName);
        }

        if ((schema.OneOf.Count > 0 || schema.AnyOf.Count > 0) && !AlternativesOnlyConstrain(schema))
        {
            // Alternatives beside own properties or allOf (a base with variants) are not modelled yet.
            _diagnostics.Add(DiagnosticDescriptors.UnsupportedSchema, pointer, schema.OneOf.Count > 0 ? "oneOf" : "anyOf", name);
            return TypeRef.Any;
        }

        if (schema.Enum.Count > 0 && (IsStringLike(schema) || IsIntegerEnum(schema)))
        {
            var enumName = fixedName ?? _typeNames.Claim(name);
            _enums.Add(BuildEnum(enumName, schema, pointer));
            return new TypeRef(TypeKind.Enum, enumName);
        }

        switch (schema.Type)
        {
            case "string":
                // uri, email, time, binary and unknown formats stay strings: exact text, no parsing surprises (see README).
                return schema.Format switch
                {
                    "date-time" => new TypeRef(TypeKind.DateTimeOffset),
                    "date" when _hasDateOnly => new TypeRef(TypeKind.Date),
                    "duration" => new TypeRef(TypeKind.Duration),
                    "uuid" => new TypeRef(TypeKind.Guid),
                    "byte" => new TypeRef(TypeKind.Bytes),
                    _ => TypeRef.String,
                };
            case "integer":
                return new TypeRef(schema.Format == "int32" ? TypeKind.Int32 : TypeKind.Int64);
            case "number":
                // No format (or an unknown one): double, the JSON number most services mean; decimal only when asked for.
                return new TypeRef(schema.Format switch
                {
                    "float" => TypeKind.Single,
                    "decimal" => TypeKind.Decimal,
                    _ => TypeKind.Double,
                });
            case "boolean":
                return new TypeRef(TypeKind.Boolean);
            case "array":
                return TypeRef.ArrayOf(Resolve(schema.Items, pointer + "/items", name + "Item"), ElementAllowsNull(schema.Items));
        }

        if (schema.Properties.Count > 0 || schema.AllOf.Count > 0)
        {
            var recordName = fixedName ?? _typeNames.Claim(name);
            _pendingRecords.Enqueue((recordName, schema, pointer));
            return new TypeRef(TypeKind.Object, recordName);
        }

        if (schema.AdditionalProperties is { } values)
        {
            return TypeRef.MapOf(Resolve(values, pointer + "/additionalProperties", name + "Value"), ElementAllowsNull(values));
        }

        if (schema.Type is { } type && type is not ("object" or "null" or "file"))
        {
            _diagnostics.Add(DiagnosticDescriptors.DocumentProblem, pointer + "/type", pointer + "/type",
                "'" + type + "' is not a JSON Schema type (string, number, integer, boolean, array, object); the value is read as free-form JSON");
        }

        // An object without properties, or no type at all: free-form JSON.
        return TypeRef.Any;
    }

    private RecordModel BuildRecord(string name, OpenApiSchema schema, string pointer)
    {
        var members = new UniqueNameBuilder(s_recordMembers);
        members.Reserve(name);
        var required = new HashSet<string>(StringComparer.Ordinal);
        var declared = new List<(string Key, OpenApiSchema Schema, string Pointer)>();
        var seenKeys = new HashSet<string>(StringComparer.Ordinal);
        CollectMembers(schema, pointer, required, declared, seenKeys, new HashSet<OpenApiSchema>());

        var properties = new List<PropertyModel>(declared.Count);
        foreach (var (key, declaredSchema, propertyPointer) in declared)
        {
            // The reader leaves a property whose $ref it could not resolve (CTR004) as null: free-form JSON then.
            var propertySchema = declaredSchema ?? new OpenApiSchema { Nullable = true };
            var pascal = Identifiers.ToPascalCase(key, "Value");
            var propertyName = members.Claim(string.Equals(pascal, name, StringComparison.OrdinalIgnoreCase) ? pascal + "Value" : pascal);
            var type = Resolve(propertySchema, propertyPointer, name + Identifiers.ToPascalCase(key, "Value"));
            var allowsNull = AllowsNull(propertySchema) || AnnotationsOf(propertySchema).Any(AllowsNull) || HasNullMember(propertySchema);
            var access = AccessOf(propertySchema);

            // One record serves requests and responses: a member that travels one way only is never C#-required.
            var isRequired = required.Contains(key) && access == MemberAccess.ReadWrite;
            properties.Add(new PropertyModel(
                propertyName,
                key,
                type,
                isRequired,
                IsNullable: allowsNull || !isRequired,
                AllowsNull: allowsNull,
                DescriptionOf(propertySchema),
                propertySchema.Deprecated || AnnotationsOf(propertySchema).Any(a => a.Deprecated),
                type.Kind is TypeKind.String or TypeKind.Bytes
                    && Secrets.IsSecret(key, propertySchema.Format ?? Unwrap(propertySchema)?.Schema.Format, propertySchema.WriteOnly || AnnotationsOf(propertySchema).Any(a => a.WriteOnly)),
                access,
                DefaultJson(propertySchema.Default ?? AnnotationsOf(propertySchema).Select(a => a.Default).FirstOrDefault(d => d is not null))));
        }

        SpendType(properties.Count, pointer);
        var extra = ExtraMembersOf(schema, pointer, name, members);
        return new RecordModel(_target, name, schema.Description, schema.Deprecated, properties.ToEquatableArray(), extra);
    }

    /// <summary>
    /// <c>additionalProperties: true</c> or a schema beside <c>properties</c>: undeclared members are kept in a dictionary.
    /// <c>false</c> or no keyword: they are skipped. (The reader reads <c>true</c> like no keyword, so the text decides.)
    /// </summary>
    private ExtraMembersModel? ExtraMembersOf(OpenApiSchema schema, string pointer, string recordName, UniqueNameBuilder members)
    {
        TypeRef valueType;
        var allowsNull = false;
        if (schema.AdditionalProperties is { } values)
        {
            valueType = Resolve(values, pointer + "/additionalProperties", recordName + "AdditionalValue");
            allowsNull = ElementAllowsNull(values) && valueType.Kind != TypeKind.Any;
        }
        else if (schema.AdditionalPropertiesAllowed && ExplicitlyTrue(pointer + "/additionalProperties"))
        {
            valueType = TypeRef.Any;
        }
        else
        {
            return null;
        }

        return new ExtraMembersModel(members.Claim("AdditionalProperties"), valueType, allowsNull);
    }

    private bool? _mentionsAdditionalProperties;

    private bool ExplicitlyTrue(string pointer)
    {
        const string Components = "#/components/schemas/";
        // Only a document that spells the keyword can say additionalProperties: true; the others never load the tree.
        if (!(_mentionsAdditionalProperties ??= _locator.Mentions("additionalProperties")))
        {
            return false;
        }

        var value = _locator.ScalarAt(pointer);
        if (value is null && pointer.StartsWith(Components, StringComparison.Ordinal))
        {
            // A Swagger 2.0 document keeps its schemas under definitions.
            value = _locator.ScalarAt("#/definitions/" + pointer.Substring(Components.Length));
        }

        return string.Equals(value, "true", StringComparison.OrdinalIgnoreCase);
    }

    private static MemberAccess AccessOf(OpenApiSchema schema)
    {
        var readOnly = schema.ReadOnly || AnnotationsOf(schema).Any(a => a.ReadOnly);
        var writeOnly = schema.WriteOnly || AnnotationsOf(schema).Any(a => a.WriteOnly);
        return readOnly == writeOnly ? MemberAccess.ReadWrite : readOnly ? MemberAccess.ReadOnly : MemberAccess.WriteOnly;
    }

    /// <summary>A <c>default</c> as compact JSON text (documentation only, cut short past 120 characters), or null.</summary>
    private static string? DefaultJson(IOpenApiAny? value)
    {
        const int MaxLength = 120;
        if (value is null)
        {
            return null;
        }

        using var text = new System.IO.StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        var writer = new OpenApiJsonWriter(text, new OpenApiJsonWriterSettings { Terse = true });
        value.Write(writer, OpenApiSpecVersion.OpenApi3_0);
        writer.Flush();
        var json = text.ToString();
        return json.Length <= MaxLength ? json : json.Substring(0, MaxLength) + "…";
    }

    /// <summary>Own properties plus those of allOf members (flattened), in declaration order, guarding against cycles.</summary>
    private void CollectMembers(
        OpenApiSchema schema,
        string pointer,
        HashSet<string> required,
        List<(string Key, OpenApiSchema Schema, string Pointer)> declared,
        HashSet<string> seenKeys,
        HashSet<OpenApiSchema> visiting)
    {
        if (!visiting.Add(schema))
        {
            _diagnostics.Add(DiagnosticDescriptors.UnsupportedSchema, pointer, "An allOf that includes itself", pointer);
            return;
        }

        if (visiting.Count > Limits.MaxSchemaDepth)
        {
            _diagnostics.Add(DiagnosticDescriptors.UnsupportedSchema, pointer, "An allOf nested more than " + Limits.MaxSchemaDepth.ToString(CultureInfo.InvariantCulture) + " levels deep", pointer);
            visiting.Remove(schema);
            return;
        }

        for (var i = 0; i < schema.AllOf.Count; i++)
        {
            var part = schema.AllOf[i];
            if (part is null)
            {
                continue;
            }

            var partPointer = part.Reference is { } reference ? "#/components/schemas/" + Escape(reference.Id) : pointer + "/allOf/" + i;
            CollectMembers(part, partPointer, required, declared, seenKeys, visiting);
        }

        foreach (var key in schema.Required)
        {
            required.Add(key);
        }

        foreach (var property in schema.Properties)
        {
            if (seenKeys.Add(property.Key))
            {
                declared.Add((property.Key, property.Value, pointer + "/properties/" + Escape(property.Key)));
            }
        }

        visiting.Remove(schema);
    }

    /// <summary>
    /// <c>allOf</c>/<c>oneOf</c>/<c>anyOf</c> with exactly one member that carries a type, the others only annotations
    /// (the <c>allOf: [$ref, {description}]</c> wrapper): the schema is that member.
    /// </summary>
    private static (OpenApiSchema Schema, string Keyword)? Unwrap(OpenApiSchema schema)
    {
        if (schema.Properties.Count > 0 || schema.Type is "object" or "array" || schema.Items is not null)
        {
            return null;
        }

        foreach (var (members, keyword) in new[] { (schema.AllOf, "allOf"), (schema.OneOf, "oneOf"), (schema.AnyOf, "anyOf") })
        {
            if (members.Count == 0)
            {
                continue;
            }

            var typed = members.Where(m => m is null || !IsAnnotationOnly(m)).ToList();
            if (typed.Count == 1 && typed[0] is not null)
            {
                return (typed[0], keyword + "/" + members.IndexOf(typed[0]));
            }
        }

        return null;
    }

    private static bool IsAnnotationOnly(OpenApiSchema schema) =>
        schema.Reference is null && schema.Type is null && schema.Properties.Count == 0 && schema.Items is null
        && schema.AllOf.Count == 0 && schema.OneOf.Count == 0 && schema.AnyOf.Count == 0 && schema.Enum.Count == 0
        && schema.AdditionalProperties is null;

    private static IEnumerable<OpenApiSchema> AnnotationsOf(OpenApiSchema schema) =>
        schema.AllOf.Concat(schema.OneOf).Concat(schema.AnyOf).Where(s => s is not null && IsAnnotationOnly(s));

    /// <summary>OpenAPI 3.0 <c>nullable: true</c>, or Swagger 2.0's <c>x-nullable: true</c> (which the reader leaves as an extension).</summary>
    /// An enum that lists <c>null</c> allows it too.
    private static bool AllowsNull(OpenApiSchema schema) =>
        schema.Nullable || (schema.Extensions.TryGetValue("x-nullable", out var extension) && extension is OpenApiBoolean { Value: true })
        || schema.Enum.Any(v => v is null or OpenApiNull);

    /// <summary>An array's items or a map's values may be null: the same test as a member's (<c>nullable</c>, an annotation's, a null case).</summary>
    private static bool ElementAllowsNull(OpenApiSchema? schema) =>
        schema is not null && (AllowsNull(schema) || AnnotationsOf(schema).Any(AllowsNull) || HasNullMember(schema));

    private static string? DescriptionOf(OpenApiSchema schema) =>
        AnnotationsOf(schema).Select(s => s.Description).FirstOrDefault(d => !string.IsNullOrWhiteSpace(d)) ?? schema.Description;

    private static bool IsStringLike(OpenApiSchema schema) =>
        schema.Type is null or "string" && schema.Enum.All(v => v is OpenApiString or OpenApiNull);


    /// <summary>Schemas that become a named C# type (a record or an enum) rather than an alias of another type.</summary>
    private static bool IsNamedShape(OpenApiSchema schema) =>
        Unwrap(schema) is null && IsUnion(schema)
            ? PlanUnion(schema, string.Empty).Shape is UnionShape.Union or UnionShape.MergedEnum
            : Unwrap(schema) is null && (schema.OneOf.Count == 0 && schema.AnyOf.Count == 0 || AlternativesOnlyConstrain(schema))
        && ((schema.Enum.Count > 0 && (IsStringLike(schema) || IsIntegerEnum(schema)))
            || (schema.Type is null or "object" && (schema.Properties.Count > 0 || schema.AllOf.Count > 0)));

    /// <summary>A oneOf/anyOf that is the whole schema (not alternatives beside own properties or allOf).</summary>
    private static bool IsUnion(OpenApiSchema schema) =>
        (schema.OneOf.Count > 0 || schema.AnyOf.Count > 0) && schema.Properties.Count == 0 && schema.AllOf.Count == 0;

    private static string Escape(string segment) => segment.Replace("~", "~0").Replace("/", "~1");

    /// <summary>Counts a generated type and its members toward the limits; crossing one abandons the document (CTR010).</summary>
    private void SpendType(int members, string pointer)
    {
        if (++_typeCount > Limits.MaxGeneratedTypes)
        {
            throw new LimitExceededException(pointer, "it makes more than " + Limits.MaxGeneratedTypes.ToString("N0", CultureInfo.InvariantCulture)
                + " records, enums and unions (each inline object schema is one)");
        }

        Spend(members, pointer);
    }

    /// <summary>Counts toward <see cref="Limits.MaxModelSize"/>; crossing it abandons the document (CTR010).</summary>
    private void Spend(int size, string pointer)
    {
        _modelSize += size;
        if (_modelSize > Limits.MaxModelSize)
        {
            throw new LimitExceededException(pointer, "it makes more than " + Limits.MaxModelSize.ToString("N0", CultureInfo.InvariantCulture)
                + " members, enum values, union cases and operations (allOf flattens every ancestor's members into each record)");
        }
    }
}
