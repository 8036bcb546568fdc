using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using Contracts.Generator.Diagnostics;
using Contracts.Generator.Helpers;
using Contracts.Generator.Locating;
using Contracts.Generator.Model;
using Contracts.Generator.Reading;
using Contracts.Generator.Translation.Naming;
using Microsoft.OpenApi;
using System.Text.Json.Nodes;
using static Contracts.Generator.Translation.SchemaShapes;

namespace Contracts.Generator.Translation;

/// <summary>
/// Schemas → records and type references; enums and unions go to its <see cref="Enums"/> and <see cref="Unions"/>.
/// Owns the component types, the records (queued, then built by <see cref="Finish"/>) and the schema depth guard.
/// </summary>
internal sealed class SchemaTranslator
{
    // Record members C# generates for every record; a spec property with one of these names is renamed.
    private static readonly string[] s_recordMembers =
    {
        "EqualityContract", "Equals", "GetHashCode", "ToString", "PrintMembers", "Deconstruct", "GetType", "MemberwiseClone",

        // The validation members (docs/validation.md), generated where a record has constraints to check.
        "Validate", "CollectViolations",
    };

    private readonly OpenApiDocument _document;
    private readonly EmitTarget _target;
    private readonly TypeRegistry _registry;
    private readonly DiagnosticBag _diagnostics;
    private readonly DocumentFacts _facts;
    private readonly bool _hasDateOnly;
    private readonly CancellationToken _cancellationToken;
    private readonly Dictionary<string, TypeRef> _componentTypes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _componentNames = new(StringComparer.Ordinal);
    private readonly HashSet<string> _componentsInProgress = new(StringComparer.Ordinal);
    private readonly Queue<(string Name, IOpenApiSchema Schema, string Pointer)> _pendingRecords = new();
    private readonly InlineNames _inlineNames;
    private readonly List<RecordModel> _records = new();
    private readonly MemberValueTranslator _values;
    private int _schemaDepth;
    private bool? _mentionsAdditionalProperties;
    private bool _finished;

    private SchemaTranslator(
        OpenApiDocument document, EmitTarget target, TypeRegistry registry, DiagnosticBag diagnostics, DocumentFacts facts, bool hasDateOnly, CancellationToken cancellationToken)
    {
        _document = document;
        _target = target;
        _registry = registry;
        _diagnostics = diagnostics;
        _facts = facts;
        _hasDateOnly = hasDateOnly;
        _cancellationToken = cancellationToken;
        Enums = new EnumTranslator(target, registry, diagnostics);
        Unions = new UnionTranslator(target, this, Enums, registry);
        Hierarchies = new HierarchyTranslator(document, ComponentTypeOf, diagnostics);
        Constraints = new ConstraintTranslator(diagnostics);
        _values = new MemberValueTranslator(Enums, diagnostics);
        _inlineNames = InlineNames.For(document, registry, IsNamedShape);
    }

    /// <summary>Which records derive from which (<c>allOf</c> with one referenced base), and what their discriminators read.</summary>
    public HierarchyTranslator Hierarchies { get; }

    /// <summary>The validation keywords of members and parameters.</summary>
    public ConstraintTranslator Constraints { get; }

    /// <summary>The enums of the document; the schema classification defines them.</summary>
    public EnumTranslator Enums { get; }

    /// <summary>The unions of the document; the schema classification defines most, the responses the others.</summary>
    public UnionTranslator Unions { get; }

    /// <summary>
    /// A translator with every component schema's type defined (component names are claimed before any name made up
    /// for an inline schema); the records are built by <see cref="Finish"/>. <paramref name="aws"/>, when the document
    /// is an AWS service, has already claimed its exception names: an error schema's record takes a "Details" suffix.
    /// </summary>
    public static SchemaTranslator WithComponents(
        OpenApiDocument document, EmitTarget target, TypeRegistry registry, DiagnosticBag diagnostics, DocumentFacts facts, bool hasDateOnly, AwsProfile? aws, CancellationToken cancellationToken)
    {
        var translator = new SchemaTranslator(document, target, registry, diagnostics, facts, hasDateOnly, cancellationToken);
        translator.DefineComponentTypes(aws);
        return translator;
    }

    /// <summary>The type of component schema <paramref name="id"/>, when it has been resolved.</summary>
    public TypeRef? ComponentTypeOf(string id) => _componentTypes.TryGetValue(id, out var type) ? type : null;

    /// <summary>
    /// Builds the queued records until none is left (building one can queue inline ones) and returns every record.
    /// Nothing can be resolved after it: a type resolved later would never be built.
    /// </summary>
    public IReadOnlyList<RecordModel> Finish()
    {
        // A derived record is built after its base (it declares only what the base does not); the bases form no cycle,
        // so waiting ends: the count is a backstop that builds a record flattened rather than loop.
        var waited = 0;
        while (_pendingRecords.Count > 0)
        {
            _cancellationToken.ThrowIfCancellationRequested();
            var (name, schema, pointer) = _pendingRecords.Dequeue();
            var baseRecord = Hierarchies.BuiltBaseOf(schema, out var waiting);
            if (waiting && waited++ <= _pendingRecords.Count)
            {
                _pendingRecords.Enqueue((name, schema, pointer));
                continue;
            }

            waited = 0;
            _records.Add(BuildRecord(name, schema, pointer, baseRecord));
        }

        _finished = true;
        return Hierarchies.Complete(_records);
    }

    /// <summary>Gives every component schema its type; records are queued and built by <see cref="Finish"/>.</summary>
    private void DefineComponentTypes(AwsProfile? aws)
    {
        var schemas = _document.Components?.Schemas;
        if (schemas is null)
        {
            return;
        }

        // A schema mapped to a type of the user's (x-contracts-type) is that type everywhere, and claims no name.
        foreach (var key in schemas.Keys.OrderBy(k => k, StringComparer.Ordinal))
        {
            if (UserTypeOf(key, schemas[key], aws) is { } userType)
            {
                _componentTypes[key] = userType;
            }
        }

        // Component names are claimed first, in ordinal order, so that they win over names made up for inline schemas;
        // the names renames give (x-contracts-name) before the names derived from the keys.
        var named = schemas.Keys.OrderBy(k => k, StringComparer.Ordinal)
            .Where(key => !_componentTypes.ContainsKey(key) && !EnvelopeTranslator.IsEnvelope(schemas[key]) && IsNamedShape(schemas[key]))
            .ToList();
        foreach (var key in schemas.Keys.OrderBy(k => k, StringComparer.Ordinal))
        {
            if (schemas[key].ExtensionMap().ContainsKey(Overrides.NameKey) && !_componentTypes.ContainsKey(key) && !named.Contains(key))
            {
                _diagnostics.Add(
                    DiagnosticDescriptors.OverrideNotUsable,
                    "#/components/schemas/" + Escape(key) + "/" + Overrides.NameKey,
                    Overrides.NameKey,
                    "schema '" + key + "' generates no type of its own (it is a scalar, a list, a map, an alias of another schema or an envelope)");
            }
        }

        var derived = named.ToDictionary(key => key, key => Identifiers.ToPascalCase(key, "Model") + (aws?.IsErrorSchema(key) == true ? "Details" : string.Empty));
        ClaimComponentRenames(schemas, named, derived);
        foreach (var key in named)
        {
            if (!_componentNames.ContainsKey(key))
            {
                // An AWS error schema's exception takes its name; its body record is the exception's Details.
                _componentNames[key] = _registry.Claim(derived[key]);
            }
        }

        foreach (var key in schemas.Keys.OrderBy(k => k, StringComparer.Ordinal))
        {
            _cancellationToken.ThrowIfCancellationRequested();
            if (!EnvelopeTranslator.IsEnvelope(schemas[key]))
            {
                ComponentType(key);
            }
        }
    }

    /// <summary>
    /// Claims the names <c>x-contracts-name</c> gives component schemas, in key order. A name that another component's
    /// key gives, that the generated code declares, or that an earlier rename took stays with its holder: CTR138, and the
    /// renamed schema keeps the name its key gives.
    /// </summary>
    private void ClaimComponentRenames(IDictionary<string, IOpenApiSchema> schemas, List<string> named, Dictionary<string, string> derived)
    {
        var renames = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var key in named)
        {
            if (schemas[key].ExtensionMap().ContainsKey(Overrides.NameKey)
                && Overrides.NameOf(schemas[key].ExtensionMap(), "#/components/schemas/" + Escape(key), _diagnostics) is { } rename)
            {
                renames[key] = rename;
            }
        }

        if (renames.Count == 0)
        {
            return;
        }

        var derivedBy = CaseInsensitiveOwners(named.Where(k => !renames.ContainsKey(k)), derived);
        var renamedBy = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var key in named.Where(renames.ContainsKey))
        {
            var rename = renames[key];
            var at = "#/components/schemas/" + Escape(key) + "/" + Overrides.NameKey;
            var what = "schema '" + key + "'";
            if (derivedBy.TryGetValue(rename, out var holder))
            {
                _diagnostics.Add(DiagnosticDescriptors.RenameCollides, at, rename, what, "the name of schema '" + holder + "'");
            }
            else if (renamedBy.TryGetValue(rename, out var earlier))
            {
                _diagnostics.Add(DiagnosticDescriptors.RenameCollides, at, rename, what, "the name x-contracts-name gives schema '" + earlier + "'");
            }
            else if (!_registry.TryClaim(rename, out var claimed))
            {
                _diagnostics.Add(DiagnosticDescriptors.RenameCollides, at, rename, what, TypeRegistry.DeclaredNames);
            }
            else
            {
                renamedBy[rename] = key;
                _componentNames[key] = claimed;
            }
        }
    }

    private static Dictionary<string, string> CaseInsensitiveOwners(IEnumerable<string> keys, Dictionary<string, string> names)
    {
        var owners = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var key in keys)
        {
            if (!owners.ContainsKey(names[key]))
            {
                owners[names[key]] = key;
            }
        }

        return owners;
    }

    /// <summary>The user's type a component schema is mapped to (<c>x-contracts-type</c>), or null; CTR140 where it cannot apply.</summary>
    private TypeRef? UserTypeOf(string key, IOpenApiSchema schema, AwsProfile? aws)
    {
        var pointer = "#/components/schemas/" + Escape(key);
        if (!schema.ExtensionMap().ContainsKey(Overrides.TypeKey) || Overrides.TypeOf(schema.ExtensionMap(), pointer, _diagnostics) is not { } name)
        {
            return null;
        }

        var problem = EnvelopeTranslator.IsEnvelope(schema) ? "the schema is an envelope (x-contracts-envelope), which the client unwraps itself"
            : aws?.IsErrorSchema(key) == true ? "the schema is an AWS error, whose exception is generated"
            : null;
        if (problem is not null)
        {
            _diagnostics.Add(DiagnosticDescriptors.UserTypeNotUsed, pointer + "/" + Overrides.TypeKey, name, "for schema '" + key + "'", problem);
            return null;
        }

        return new TypeRef(TypeKind.External, name);
    }

    /// <summary>The type of a schema used at <paramref name="pointer"/>; <paramref name="nameHint"/> names it if it is an inline record or enum.</summary>
    public TypeRef Resolve(IOpenApiSchema? schema, string pointer, string nameHint)
    {
        if (_finished)
        {
            throw new InvalidOperationException("A schema was resolved after the records were built: its record would be missing.");
        }

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

    private TypeRef ResolveCore(IOpenApiSchema schema, string pointer, string nameHint)
    {
        if (schema.ReferenceId() is { Length: > 0 } id)
        {
            // The reader already reported dangling references (CTR004); they degrade to free-form JSON.
            return !schema.IsUnresolved() && _document.Components?.Schemas?.ContainsKey(id) == true
                ? ComponentType(id)
                : TypeRef.Any;
        }

        if (schema.ExtensionMap().TryGetValue(Overrides.TypeKey, out _) && Overrides.TypeOf(schema.ExtensionMap(), pointer, _diagnostics) is { } userType)
        {
            // Only a component schema has the one definition every use can share; an inline one is generated as usual.
            _diagnostics.Add(DiagnosticDescriptors.UserTypeNotUsed, pointer + "/" + Overrides.TypeKey, userType, "here", "only a component schema (components/schemas) can be mapped to a type of the user's");
        }

        return Classify(schema, pointer, nameHint, fixedName: null);
    }

    /// <summary>A property's schema (<c>…/properties/{name}</c>): its x-contracts-name names the member, not a type.</summary>
    private static bool IsPropertyPointer(string pointer)
    {
        var last = pointer.LastIndexOf('/');
        return last > 0 && pointer.Substring(0, last).EndsWith("/properties", StringComparison.Ordinal);
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
        var type = Classify(_document.Components!.Schemas![id], pointer, Identifiers.ToPascalCase(id, "Model"), fixedName);
        _componentsInProgress.Remove(id);
        _componentTypes[id] = type;
        return type;
    }

    /// <param name="fixedName">The name already claimed for a component schema; inline schemas claim <paramref name="name"/> when they become a type.</param>
    private TypeRef Classify(IOpenApiSchema schema, string pointer, string name, string? fixedName)
    {
        // An inline schema that becomes a type takes the name x-contracts-name gives it, when no other type has it.
        if (fixedName is null && schema.ExtensionMap().ContainsKey(Overrides.NameKey) && !IsPropertyPointer(pointer) && IsNamedShape(schema) && InlineRename(schema, pointer) is { } renamed)
        {
            return ClassifyShape(schema, pointer, renamed, renamed);
        }

        // An inline schema with a title is named after it, and is the type already made for the same title and shape.
        if (fixedName is null && _inlineNames.Lookup(schema, pointer, name) is { } titled)
        {
            if (titled.Known is { } known)
            {
                return known;
            }

            var type = ClassifyShape(schema, pointer, titled.Name, titled.Name);
            _inlineNames.Remember(titled.Key, type);
            return type;
        }

        return ClassifyShape(schema, pointer, name, fixedName);
    }

    /// <summary>The name x-contracts-name gives an inline schema, claimed; null (with CTR138 when it is taken) to name it as usual.</summary>
    private string? InlineRename(IOpenApiSchema schema, string pointer)
    {
        if (Overrides.NameOf(schema.ExtensionMap(), pointer, _diagnostics) is not { } rename)
        {
            return null;
        }

        if (_registry.TryClaim(rename, out var claimed))
        {
            return claimed;
        }

        // Component schemas and earlier inline types have claimed their names by now; a component keeps its own.
        var holder = _componentNames.FirstOrDefault(c => string.Equals(c.Value, rename, StringComparison.OrdinalIgnoreCase)).Key;
        _diagnostics.Add(
            DiagnosticDescriptors.RenameCollides,
            pointer + "/" + Overrides.NameKey,
            rename,
            "the inline schema here",
            holder is not null ? "the name of schema '" + holder + "'" : "the name of another generated type, or " + TypeRegistry.DeclaredNames);
        return null;
    }

    private TypeRef ClassifyShape(IOpenApiSchema schema, string pointer, string name, string? fixedName)
    {
        if (Unwrap(schema) is { } single)
        {
            return Resolve(single.Schema, pointer + "/" + single.Keyword, name);
        }

        if (IsUnion(schema))
        {
            return Unions.Classify(schema, pointer, name, fixedName);
        }

        if ((schema.OneOfList().Count > 0 || schema.AnyOfList().Count > 0) && !AlternativesOnlyConstrain(schema))
        {
            // Alternatives beside own properties or allOf (a base with variants) are not modelled yet.
            _diagnostics.Add(DiagnosticDescriptors.UnsupportedSchema, pointer, schema.OneOfList().Count > 0 ? "oneOf" : "anyOf", name);
            return TypeRef.Any;
        }

        if (schema.EnumList().Count > 0 && (IsStringLike(schema) || IsIntegerEnum(schema)))
        {
            return Enums.Define(fixedName ?? _registry.Claim(name), schema, pointer);
        }

        switch (schema.TypeName())
        {
            case "string":
                // uri, email, time, binary and unknown formats stay strings: exact text, no parsing surprises (see docs/generated-code.md, "Types and formats").
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
                return UnixTimeFormats.IsUnixSeconds(schema.Format)
                    ? new TypeRef(TypeKind.UnixTime)
                    : new TypeRef(schema.Format == "int32" ? TypeKind.Int32 : TypeKind.Int64);
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

        if (schema.PropertyMap().Count > 0 || schema.AllOfList().Count > 0)
        {
            var recordName = fixedName ?? _registry.Claim(name);
            _pendingRecords.Enqueue((recordName, schema, pointer));
            return new TypeRef(TypeKind.Object, recordName);
        }

        if (schema.AdditionalProperties is { } values)
        {
            return TypeRef.MapOf(Resolve(values, pointer + "/additionalProperties", name + "Value"), ElementAllowsNull(values));
        }

        if (schema.TypeName() is { } type && type is not ("object" or "null" or "file"))
        {
            _diagnostics.Add(DiagnosticDescriptors.DocumentProblem, pointer + "/type", pointer + "/type",
                "'" + type + "' is not a JSON Schema type (string, number, integer, boolean, array, object); the value is read as free-form JSON");
        }

        // An object without properties, or no type at all: free-form JSON.
        return TypeRef.Any;
    }

    /// <param name="baseRecord">The record <paramref name="schema"/> derives from (its one referenced allOf part), or null to flatten it.</param>
    private RecordModel BuildRecord(string name, IOpenApiSchema schema, string pointer, RecordModel? baseRecord)
    {
        var members = new UniqueNameBuilder(s_recordMembers);
        members.Reserve(name);
        var required = new HashSet<string>(StringComparer.Ordinal);
        var declared = new List<(string Key, IOpenApiSchema Schema, string Pointer)>();
        var seenKeys = new HashSet<string>(StringComparer.Ordinal);
        IOpenApiSchema? basePart = null;
        if (baseRecord is not null && Hierarchies.MemberNamesOf(baseRecord).Contains(name, StringComparer.OrdinalIgnoreCase))
        {
            // A base member named like the derived record cannot be inherited by it (a member may not share its type's name).
            baseRecord = null;
        }

        if (baseRecord is not null)
        {
            // Inherited members are declared by the base only: their JSON names are taken, and so are their C# names.
            basePart = HierarchyTranslator.BasePart(schema, Hierarchies.BaseOf(schema)!);
            seenKeys.UnionWith(Hierarchies.JsonNamesOf(baseRecord));
            foreach (var inherited in Hierarchies.MemberNamesOf(baseRecord))
            {
                members.Reserve(inherited);
            }
        }

        CollectMembers(schema, pointer, required, declared, seenKeys, new HashSet<IOpenApiSchema>(), basePart);
        var renames = MemberRenames(name, declared, members, baseRecord);

        var properties = new List<PropertyModel>(declared.Count);
        foreach (var (key, declaredSchema, propertyPointer) in declared)
        {
            // The reader leaves a property whose $ref it could not resolve (CTR004) as null: free-form JSON then.
            var propertySchema = declaredSchema ?? new OpenApiSchema { Extensions = new Dictionary<string, IOpenApiExtension> { ["x-nullable"] = new JsonNodeExtension(true) } };
            var pascal = Identifiers.ToPascalCase(key, "Value");
            var renamed = renames.TryGetValue(key, out var rename);
            var propertyName = renamed ? rename : members.Claim(string.Equals(pascal, name, StringComparison.OrdinalIgnoreCase) ? pascal + "Value" : pascal);

            // An inline type of the member is named after the record and the member (the renamed member, when it is).
            var typeHint = name + (renamed ? rename : Identifiers.ToPascalCase(key, "Value"));
            var type = ClearableMembers.ValueOf(propertySchema, propertyPointer) is { } clearable
                ? TypeRef.ClearableOf(Resolve(clearable.Schema, clearable.Pointer, typeHint))
                : Resolve(propertySchema, propertyPointer, typeHint);
            var allowsNull = AllowsNull(propertySchema) || AnnotationsOf(propertySchema).Any(AllowsNull) || HasNullMember(propertySchema);
            var access = AccessOf(propertySchema);

            // One record serves requests and responses: a member that travels one way only is never C#-required.
            var isRequired = required.Contains(key) && access == MemberAccess.ReadWrite;
            var defaultValue = propertySchema.Default ?? AnnotationsOf(propertySchema).Select(a => a.Default).FirstOrDefault(d => d is not null);
            var defaultPointer = (propertySchema.Default is not null && propertySchema.ReferenceId() is { } target
                ? "#/components/schemas/" + Escape(target)
                : propertyPointer) + "/default";
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
                DefaultJson(defaultValue),
                Constraints: Constraints.Of(propertySchema, type, propertyPointer),
                DefaultValue: _values.DefaultOf(defaultValue, type, isRequired, defaultPointer, name + "." + propertyName),
                ConstantValue: _values.ConstantOf(propertySchema, type, isRequired)));
        }

        // A derived record's converter reads and writes the inherited members too: they count against the size budget.
        _registry.SpendType(properties.Count + (baseRecord is null ? 0 : Hierarchies.JsonNamesOf(baseRecord).Count()), pointer);

        // A derived record keeps undeclared members in its base's dictionary; a base with a discriminator keeps them
        // even without additionalProperties, so an unknown derived type read as it is written back whole.
        var extra = baseRecord is not null && Hierarchies.HasExtra(baseRecord)
            ? null
            : ExtraMembersOf(schema, pointer, name, members)
                ?? (Hierarchies.KeepsUnknownMembers(pointer) ? new ExtraMembersModel(members.Claim("AdditionalProperties"), TypeRef.Any) : null);
        var record = new RecordModel(_target, name, schema.Description, schema.Deprecated, properties.ToEquatableArray(), extra, Base: baseRecord?.Name);
        Hierarchies.Add(record, schema, pointer);
        return record;
    }

    /// <summary>
    /// The member names <c>x-contracts-name</c> gives a record's properties (in the property's schema, or beside its
    /// <c>$ref</c>), by JSON name, claimed before the derived names. A name the record, a member every record has, an
    /// inherited member, another property's derived name or an earlier rename holds stays with its holder: CTR138, and the
    /// property keeps its derived name.
    /// </summary>
    private Dictionary<string, string> MemberRenames(
        string recordName, List<(string Key, IOpenApiSchema Schema, string Pointer)> declared, UniqueNameBuilder members, RecordModel? baseRecord)
    {
        var renames = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!_facts.Mentions(Overrides.NameKey))
        {
            return renames;
        }

        var at = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, schema, pointer) in declared)
        {
            var rename = schema is null || schema.ReferenceId() is not null
                ? Overrides.SiblingNameOf(_facts, pointer, _diagnostics)
                : Overrides.NameOf(schema.ExtensionMap(), pointer, _diagnostics);
            if (rename is not null)
            {
                renames[key] = rename;
                at[key] = pointer + "/" + Overrides.NameKey;
            }
        }

        if (renames.Count == 0)
        {
            return renames;
        }

        var derivedBy = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, _, _) in declared)
        {
            var pascal = Identifiers.ToPascalCase(key, "Value");
            if (!renames.ContainsKey(key) && !derivedBy.ContainsKey(pascal))
            {
                derivedBy[pascal] = key;
            }
        }

        var inherited = baseRecord is null ? new HashSet<string>() : new HashSet<string>(Hierarchies.MemberNamesOf(baseRecord), StringComparer.OrdinalIgnoreCase);
        var renamedBy = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var accepted = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, _, _) in declared)
        {
            if (!renames.TryGetValue(key, out var rename))
            {
                continue;
            }

            var taken = string.Equals(rename, recordName, StringComparison.OrdinalIgnoreCase) ? "the name of its record (a member may not be named like its type)"
                : s_recordMembers.Contains(rename, StringComparer.OrdinalIgnoreCase) ? "the name of a member the generated record declares"
                : inherited.Contains(rename) ? "the name of a member '" + recordName + "' inherits from '" + baseRecord!.Name + "'"
                : derivedBy.TryGetValue(rename, out var holder) ? "the name of property '" + holder + "'"
                : renamedBy.TryGetValue(rename, out var earlier) ? "the name x-contracts-name gives property '" + earlier + "'"
                : !members.TryClaim(rename, out _) ? "the name of another member of the record"
                : null;
            if (taken is not null)
            {
                _diagnostics.Add(DiagnosticDescriptors.RenameCollides, at[key], rename, "property '" + key + "' of '" + recordName + "'", taken);
                continue;
            }

            renamedBy[rename] = key;
            accepted[key] = rename;
        }

        return accepted;
    }

    /// <summary>
    /// <c>additionalProperties: true</c> or a schema beside <c>properties</c>: undeclared members are kept in a dictionary.
    /// <c>false</c> or no keyword: they are skipped. (The reader reads <c>true</c> like no keyword, so the text decides.)
    /// </summary>
    private ExtraMembersModel? ExtraMembersOf(IOpenApiSchema schema, string pointer, string recordName, UniqueNameBuilder members)
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

    private bool ExplicitlyTrue(string pointer)
    {
        const string Components = "#/components/schemas/";
        // Only a document that spells the keyword can say additionalProperties: true; the others never load the tree.
        if (!(_mentionsAdditionalProperties ??= _facts.Mentions("additionalProperties")))
        {
            return false;
        }

        var value = _facts.ScalarAt(pointer);
        if (value is null && pointer.StartsWith(Components, StringComparison.Ordinal))
        {
            // A Swagger 2.0 document keeps its schemas under definitions.
            value = _facts.ScalarAt("#/definitions/" + pointer.Substring(Components.Length));
        }

        return string.Equals(value, "true", StringComparison.OrdinalIgnoreCase);
    }

    private static MemberAccess AccessOf(IOpenApiSchema schema)
    {
        var readOnly = schema.ReadOnly || AnnotationsOf(schema).Any(a => a.ReadOnly);
        var writeOnly = schema.WriteOnly || AnnotationsOf(schema).Any(a => a.WriteOnly);
        return readOnly == writeOnly ? MemberAccess.ReadWrite : readOnly ? MemberAccess.ReadOnly : MemberAccess.WriteOnly;
    }

    /// <summary>A <c>default</c> as compact JSON text (documentation only, cut short past 120 characters), or null.</summary>
    private static string? DefaultJson(JsonNode? value)
    {
        const int MaxLength = 120;
        if (value is null)
        {
            return null;
        }

        var json = JsonValues.Json(value);
        return json.Length <= MaxLength ? json : json.Substring(0, MaxLength) + "…";
    }

    /// <summary>Own properties plus those of allOf members (flattened), in declaration order, guarding against cycles.</summary>
    /// <param name="basePart">The allOf part a derived record inherits from: its members are the base's, not collected here.</param>
    public void CollectMembers(
        IOpenApiSchema schema,
        string pointer,
        HashSet<string> required,
        List<(string Key, IOpenApiSchema Schema, string Pointer)> declared,
        HashSet<string> seenKeys,
        HashSet<IOpenApiSchema> visiting,
        IOpenApiSchema? basePart = null)
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

        for (var i = 0; i < schema.AllOfList().Count; i++)
        {
            var part = schema.AllOfList()[i];
            if (part is null || ReferenceEquals(part, basePart))
            {
                continue;
            }

            var partPointer = part.ReferenceId() is { } reference ? "#/components/schemas/" + Escape(reference) : pointer + "/allOf/" + i;
            CollectMembers(part, partPointer, required, declared, seenKeys, visiting);
        }

        foreach (var key in schema.RequiredSet())
        {
            required.Add(key);
        }

        foreach (var property in schema.PropertyMap())
        {
            if (seenKeys.Add(property.Key))
            {
                declared.Add((property.Key, property.Value, pointer + "/properties/" + Escape(property.Key)));
            }
        }

        visiting.Remove(schema);
    }

    /// <summary>Schemas that become a named C# type (a record or an enum) rather than an alias of another type.</summary>
    private static bool IsNamedShape(IOpenApiSchema schema) =>
        Unwrap(schema) is null && IsUnion(schema)
            ? UnionTranslator.PlanUnion(schema, string.Empty).Shape is UnionTranslator.UnionShape.Union or UnionTranslator.UnionShape.MergedEnum
            : Unwrap(schema) is null && (schema.OneOfList().Count == 0 && schema.AnyOfList().Count == 0 || AlternativesOnlyConstrain(schema))
        && ((schema.EnumList().Count > 0 && (IsStringLike(schema) || IsIntegerEnum(schema)))
            || (schema.TypeName() is null or "object" && (schema.PropertyMap().Count > 0 || schema.AllOfList().Count > 0)));
}
