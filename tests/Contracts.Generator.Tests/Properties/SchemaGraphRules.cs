using System;
using System.Collections.Generic;
using System.Linq;

namespace Contracts.Generator.Tests.Properties;

/// <summary>
/// Turns a freely drawn graph into one the round-trip property can hold for (a pure function of the raw graph, so a
/// seed replays). The rules, each a fact about OpenAPI or JSON rather than about the generator:
/// <list type="bullet">
/// <item>Edges that every instance must follow (a required non-nullable reference, an <c>allOf</c> base, a union case)
/// point to a lower index, so every schema has finite instances; cycles and self-references go through optional,
/// nullable, array or map members.</item>
/// <item>JSON names are unique in an object once its <c>allOf</c> bases are flattened.</item>
/// <item>An undiscriminated union has at most one case per JSON token kind (string, integer, number, boolean, array),
/// no free-form case, and object cases that each require a member no other case declares: otherwise some JSON fits
/// two cases and the value read is not the value written. A discriminated union has object cases only.</item>
/// <item>A union left with fewer than two cases becomes an empty object schema (one alternative is that type, and
/// has no name of its own).</item>
/// </list>
/// </summary>
internal static class SchemaGraphRules
{
    private const string FreshSuffix = "·";

    public static SchemaGraph Normalise(SchemaGraph raw)
    {
        var schemas = raw.Schemas.ToList();
        for (var i = 0; i < schemas.Count; i++)
        {
            if (schemas[i] is ObjectDef obj)
            {
                schemas[i] = NormaliseObject(schemas, i, obj);
            }
        }

        for (var i = 0; i < schemas.Count; i++)
        {
            if (schemas[i] is UnionDef { Discriminator: not null } union)
            {
                schemas[i] = NormaliseDiscriminated(schemas, i, union);
            }
        }

        for (var i = 0; i < schemas.Count; i++)
        {
            if (schemas[i] is UnionDef { Discriminator: null } union)
            {
                schemas[i] = NormaliseUndiscriminated(schemas, i, union);
            }
        }

        return new SchemaGraph(schemas, raw.Body, raw.Response);
    }

    private static ObjectDef NormaliseObject(List<SchemaDef> schemas, int index, ObjectDef obj)
    {
        var graph = new SchemaGraph(schemas, null!, null!);
        var names = new HashSet<string>(StringComparer.Ordinal);
        var bases = new List<int>();
        foreach (var target in obj.Bases.Distinct())
        {
            // A base that keeps additional properties is not drawn: what the flattened record keeps is not settled here.
            if (schemas[target] is ObjectDef { Extra: null } baseObject)
            {
                // A base without members is free-form JSON, not a record to flatten.
                var inherited = graph.Flatten(baseObject).Select(p => p.JsonName).ToList();
                if (inherited.Count > 0 && !inherited.Any(names.Contains))
                {
                    bases.Add(target);
                    names.UnionWith(inherited);
                }
            }
        }

        var properties = new List<PropertyDef>();
        foreach (var property in obj.Properties)
        {
            if (!names.Add(property.JsonName))
            {
                continue;
            }

            // A required non-nullable reference must point down, or an instance would have to be infinite.
            var pointsUp = property.Shape is RefShape reference && reference.Target >= index;
            properties.Add(pointsUp && property.Required && !property.Nullable ? property with { Required = false } : property);
        }

        // allOf of one reference and nothing else is that reference, not a record of its own.
        // Additional properties only on plain objects with properties (without them the schema is a map or free-form).
        var extra = bases.Count == 0 && properties.Count > 0 ? obj.Extra : null;

        // A discriminator only on a base with members of its own and no additionalProperties (which keeps a base out
        // of allOf): a required string under a name no other schema declares.
        HierarchyDiscriminatorDef? discriminator = null;
        if (obj.Discriminator is { } named && bases.Count == 0 && properties.Count > 0 && extra is null)
        {
            discriminator = named with { PropertyName = named.PropertyName + FreshSuffix + "h" + index.ToString(System.Globalization.CultureInfo.InvariantCulture) };
            properties.Insert(0, new PropertyDef(discriminator.PropertyName, new ScalarShape(ScalarKind.String), Required: true, Nullable: false));
        }

        return new ObjectDef(obj.Name, properties, properties.Count == 0 && bases.Count == 1 ? [] : bases, extra, discriminator);
    }

    private static SchemaDef NormaliseDiscriminated(List<SchemaDef> schemas, int index, UnionDef union)
    {
        var discriminator = union.Discriminator!;
        // Object schemas without members (free-form, a JsonElement) are cases too: chosen by their discriminator value.
        var cases = union.Cases.Cast<RefShape>().Where(c => schemas[c.Target] is ObjectDef).ToList();

        if (cases.Count < 2)
        {
            return NormaliseUndiscriminated(schemas, index, union with { Discriminator = null });
        }

        var mapping = discriminator.MappingValues?.Take(cases.Count).ToList();
        if (discriminator.Declared && TryDeclare(schemas, cases.Select(c => c.Target).ToList(), discriminator.PropertyName))
        {
            return union with { Cases = cases, Discriminator = discriminator with { MappingValues = mapping } };
        }

        // Undeclared: a name no schema declares (declared names never contain the suffix).
        var fresh = discriminator.PropertyName + FreshSuffix + index.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return union with { Cases = cases, Discriminator = new DiscriminatorDef(fresh, mapping, Declared: false) };
    }

    /// <summary>Makes <paramref name="name"/> a required string member of every case, unless some case or a schema built on it uses the name otherwise.</summary>
    private static bool TryDeclare(List<SchemaDef> schemas, List<int> targets, string name)
    {
        var graph = new SchemaGraph(schemas, null!, null!);
        var toAdd = new List<int>();
        foreach (var target in targets)
        {
            var existing = graph.Flatten((ObjectDef)schemas[target]).FirstOrDefault(p => p.JsonName == name);
            if (existing is not null)
            {
                if (existing is { Required: true, Nullable: false, Shape: ScalarShape { Kind: ScalarKind.String } })
                {
                    continue;
                }

                return false;
            }

            var descendants = schemas.OfType<ObjectDef>().Where(o => InheritsFrom(schemas, o, target));
            if (descendants.Any(d => d.Properties.Any(p => p.JsonName == name)))
            {
                return false;
            }

            toAdd.Add(target);
        }

        foreach (var target in toAdd.OrderBy(t => t))
        {
            // A case built on another case already inherits the member.
            var obj = (ObjectDef)schemas[target];
            if (new SchemaGraph(schemas, null!, null!).Flatten(obj).Any(p => p.JsonName == name))
            {
                continue;
            }

            schemas[target] = obj with { Properties = [.. obj.Properties, new PropertyDef(name, new ScalarShape(ScalarKind.String), true, false)] };
        }

        return true;
    }

    private static bool InheritsFrom(List<SchemaDef> schemas, ObjectDef obj, int target) =>
        obj.Bases.Any(b => b == target || InheritsFrom(schemas, (ObjectDef)schemas[b], target));

    private static SchemaDef NormaliseUndiscriminated(List<SchemaDef> schemas, int index, UnionDef union)
    {
        var graph = new SchemaGraph(schemas, null!, null!);
        var kinds = new HashSet<string>(StringComparer.Ordinal);
        var kept = new List<Shape>();
        var objects = new List<ObjectDef>();
        foreach (var shape in union.Cases)
        {
            if (shape is RefShape { Target: var target } && schemas[target] is ObjectDef obj)
            {
                if (objects.All(o => o.Name != obj.Name))
                {
                    objects.Add(obj);
                }

                continue;
            }

            // An array case of a union that leads back to the union without an object in between (U = anyOf [string,
            // array of U]) is not drawn: the generator degrades it to JsonElement with CTR100 ("an alias of itself").
            // Known limitation "recursive union through an array", see the README. Union-to-union edges go down only.
            if (shape is ArrayShape { Items: RefShape { Target: var item } } && schemas[item] is UnionDef && item >= index)
            {
                continue;
            }

            var kind = TokenKind(schemas, shape);
            if (kind is not null && kinds.Add(kind))
            {
                kept.Add(shape);
            }
        }

        // Drop object cases that no required member tells apart, one at a time, until each has one.
        while (objects.FirstOrDefault(o => !HasOwnRequiredMember(graph, o, objects)) is { } ambiguous)
        {
            objects.Remove(ambiguous);
        }

        kept.AddRange(objects.Select(o => (Shape)new RefShape(schemas.IndexOf(o), false)));
        return kept.Count >= 2 ? union with { Cases = kept } : new ObjectDef(union.Name, [], []);
    }

    private static bool HasOwnRequiredMember(SchemaGraph graph, ObjectDef obj, List<ObjectDef> cases)
    {
        var others = cases.Where(c => !ReferenceEquals(c, obj)).SelectMany(c => graph.Flatten(c)).Select(p => p.JsonName).ToHashSet(StringComparer.Ordinal);
        return graph.Flatten(obj).Any(p => p.Required && !others.Contains(p.JsonName));
    }

    /// <summary>The JSON token of a non-object case, or null when it cannot be a case of an undiscriminated union here.</summary>
    private static string? TokenKind(List<SchemaDef> schemas, Shape shape) => shape switch
    {
        ScalarShape { Kind: ScalarKind.Any } => null,
        ScalarShape { Kind: ScalarKind.Boolean } => "boolean",
        ScalarShape { Kind: ScalarKind.Int32 or ScalarKind.Int64 or ScalarKind.Integer } => "integer",
        ScalarShape { Kind: ScalarKind.Float or ScalarKind.Double or ScalarKind.Number } => "number",
        ScalarShape or StringEnumShape => "string",
        IntegerEnumShape => "integer",
        ArrayShape => "array",
        RefShape { Target: var target } when schemas[target] is EnumDef { Enum: var e } => e is IntegerEnumShape ? "integer" : "string",
        _ => null,
    };
}
