using System;
using System.Collections.Generic;
using System.Linq;
using CsCheck;

namespace Contracts.Generator.Tests.Properties;

/// <summary>
/// CsCheck generators of random schema graphs. A raw graph is drawn freely (any schema may refer to any other) and
/// then <see cref="SchemaGraphRules.Normalise"/> makes it a graph whose every schema has finite valid instances and
/// whose unions can tell their cases apart by JSON, so that a failure is the generator's, not the graph's.
/// </summary>
internal static class SchemaGraphGen
{
    /// <summary>A graph of <paramref name="minSchemas"/> to <paramref name="maxSchemas"/> named schemas.</summary>
    public static Gen<SchemaGraph> Graph(int minSchemas, int maxSchemas) =>
        Gen.Int[minSchemas, maxSchemas].SelectMany(count =>
            Sequence(Enumerable.Range(0, count).Select(index => Schema(index, count))).SelectMany(schemas =>
                Gen.Select(Shape(count, 1), Shape(count, 1), (body, response) =>
                    SchemaGraphRules.Normalise(new SchemaGraph(schemas, body, response)))));

    private static Gen<SchemaDef> Schema(int index, int count)
    {
        var name = NamePools.SchemaWords[index % NamePools.SchemaWords.Length] + index.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var extra = Gen.Frequency((4, Gen.Const((Shape?)null)), (1, Gen.Const((Shape?)new ScalarShape(ScalarKind.Any))), (1, Shape(count, 0).Select(s => (Shape?)s)));
        // One object in two names a discriminator (kept only on a base with members and without additionalProperties).
        var discriminator = Gen.Select(Gen.Int[0, 5], Gen.OneOf(NamePools.PropertyNames), (mode, property) =>
            mode < 3 ? new HierarchyDiscriminatorDef(property, Mapped: mode == 0) : null);
        var objects = Gen.Select(Property(count).Array[0, 6], index == 0 ? Gen.Const(Array.Empty<int>()) : Gen.Int[0, index - 1].Array[0, 2], extra, discriminator,
            (properties, bases, additional, named) => (SchemaDef)new ObjectDef(name, properties, bases, additional, named));
        var enums = Gen.Frequency((2, StringEnum), (1, IntegerEnum)).Select(shape => (SchemaDef)new EnumDef(name, shape));
        if (index == 0)
        {
            return Gen.Frequency((5, objects), (1, enums));
        }

        return Gen.Frequency((5, objects), (3, Union(name, index, count)), (1, enums));
    }

    private static Gen<SchemaDef> Union(string name, int index, int count) =>
        Gen.Select(
            Gen.Bool,
            Gen.Int[0, 3],
            Gen.Int[0, index - 1].Array[2, 4],
            Case(index, count).Array[2, 4],
            Gen.OneOf(NamePools.PropertyNames),
            Gen.Int[0, NamePools.EnumValues.Length - 1],
            Gen.Int[0, 2],
            (discriminated, keyword, refCases, mixedCases, property, mappingOffset, mode) =>
            {
                if (!discriminated)
                {
                    return (SchemaDef)new UnionDef(name, keyword == 0, mixedCases, null);
                }

                // Mode 0: no mapping, undeclared; 1: mapping, undeclared; 2: declared by every case (mapping when the offset is even).
                var cases = refCases.Distinct().Select(target => (Shape)new RefShape(target, false)).ToList();
                var mapping = mode == 1 || (mode == 2 && mappingOffset % 2 == 0)
                    ? Enumerable.Range(0, cases.Count).Select(k => NamePools.EnumValues[(mappingOffset + k) % NamePools.EnumValues.Length]).ToList()
                    : null;
                return new UnionDef(name, keyword == 0, cases, new DiscriminatorDef(property, mapping, mode == 2));
            });

    private static Gen<Shape> Case(int index, int count) => Gen.Frequency(
        (2, Scalar),
        (1, StringEnum),
        (1, IntegerEnum),
        (1, Shape(count, 0).Select(items => (Shape)new ArrayShape(items, NullableItems: false))),
        (4, Gen.Int[0, index - 1].Select(target => (Shape)new RefShape(target, false))));

    private static Gen<PropertyDef> Property(int count) =>
        Gen.Select(Gen.OneOf(NamePools.PropertyNames), Shape(count, 2), Gen.Bool, Gen.Int[0, 3],
            (name, shape, required, nullable) => new PropertyDef(name, shape, required, nullable == 0));

    private static Gen<Shape> Shape(int count, int depth)
    {
        var reference = Gen.Select(Gen.Int[0, count - 1], Gen.Int[0, 4], (target, wrapped) => (Shape)new RefShape(target, wrapped == 0));
        if (depth <= 0)
        {
            return Gen.Frequency((6, Scalar), (1, StringEnum), (1, IntegerEnum), (3, reference));
        }

        var inner = Shape(count, depth - 1);
        return Gen.Frequency(
            (6, Scalar),
            (1, StringEnum),
            (1, IntegerEnum),
            (3, reference),
            // Items and values are nullable one time in three (`nullable: true`, or null in an enum's values).
            (2, Gen.Select(inner, Gen.Int[0, 2], (items, nullable) => (Shape)new ArrayShape(items, NullableItems: nullable == 0))),
            (1, Gen.Select(inner, Gen.Int[0, 2], (values, nullable) => (Shape)new MapShape(values, NullableValues: nullable == 0))));
    }

    private static readonly Gen<Shape> Scalar = Gen.Enum<ScalarKind>().Select(kind => (Shape)new ScalarShape(kind));

    private static readonly Gen<Shape> StringEnum =
        Gen.OneOf(NamePools.EnumValues).Array[1, 5].Select(values => (Shape)new StringEnumShape(values.Distinct(StringComparer.Ordinal).ToArray()));

    private static readonly Gen<Shape> IntegerEnum =
        Gen.OneOf(NamePools.IntegerEnumValues).Array[1, 4].Select(values => (Shape)new IntegerEnumShape(values.Distinct().ToArray()));

    /// <summary>All of <paramref name="gens"/>, in order.</summary>
    private static Gen<T[]> Sequence<T>(IEnumerable<Gen<T>> gens) =>
        gens.Aggregate(Gen.Const(Array.Empty<T>()), (all, next) => Gen.Select(all, next, (done, item) => (T[])[.. done, item]));
}
