using System;
using System.Collections.Generic;
using System.Linq;
using Contracts.Generator.Model;
using Microsoft.OpenApi;

namespace Contracts.Generator.Translation.Naming;

/// <summary>
/// Names of union cases, and of the types made for inline alternatives. A referenced component's case is the
/// component's name; an inline alternative's is its discriminator value, then its title, then its constant (a required
/// one-value string enum, Stripe's <c>object: {enum: [card]}</c>), then its type's name, and only then its position
/// (<c>Option2</c>). Deterministic: each comes from the document alone (docs/names.md).
/// </summary>
internal static class CaseNames
{
    private const string Position = "Option";

    /// <summary>
    /// Each alternative's constant: the one value of the member that tells them apart (the discriminator's, else the
    /// first member, in ordinal order, that every object alternative declares as a one-value string enum with a value of
    /// its own), or null for an alternative without one.
    /// </summary>
    public static List<string?> Constants(IReadOnlyList<IOpenApiSchema> alternatives, string? discriminator)
    {
        var objects = alternatives.Where(a => a.PropertyMap().Count > 0 || a.AllOfList().Count > 0).ToList();
        var key = discriminator;
        if (key is null && objects.Count > 0)
        {
            key = ConstantKeys(objects[0]).OrderBy(k => k, StringComparer.Ordinal).FirstOrDefault(candidate =>
            {
                var values = objects.Select(o => ConstantOf(o, candidate, 0)).ToList();
                return values.All(v => v is not null) && values.Distinct(StringComparer.Ordinal).Count() == values.Count;
            });
        }

        return alternatives.Select(a => key is null ? null : ConstantOf(a, key, 0)).ToList();
    }

    /// <summary>The name hint of an inline alternative's type: the union's name and the alternative's constant, else its position.</summary>
    public static string TypeHint(string unionName, string? constant, int position) =>
        unionName + (constant is not null && Identifiers.ToPascalCase(constant, string.Empty) is { Length: > 0 } word ? word : Position + position);

    /// <summary>The preferred name of a case (the caller makes it unique).</summary>
    /// <param name="discriminatorValues">The values that select the case, the first written.</param>
    /// <param name="constant">The alternative's constant (see <see cref="Constants"/>), or null.</param>
    /// <param name="typeName">What the case's type is called (<c>Integer</c>, <c>Address</c>, …).</param>
    /// <param name="positionPrefix">The union's name and <c>Option</c>: a type named so was named by its position (<see cref="TypeHint"/>).</param>
    public static string Preferred(
        IReadOnlyList<string> discriminatorValues, IOpenApiSchema alternative, string? constant, TypeRef type, string typeName, string positionPrefix)
    {
        // A referenced component keeps its name as the case's: someone chose it (Pet.Dog, whatever its mapping value).
        if (alternative.ReferenceId() is not null)
        {
            return typeName;
        }

        foreach (var candidate in new[]
        {
            discriminatorValues.Count > 0 ? discriminatorValues[0] : null,
            alternative.Title,
            constant,
            type.Kind == TypeKind.Enum ? SchemaShapes.SingleValue(alternative) : null,
        })
        {
            if (candidate is not null && Identifiers.ToPascalCase(candidate, string.Empty) is { Length: > 0 } word)
            {
                return word;
            }
        }

        // A type named from the alternative's position says nothing the position does not: the case is "Option<n>".
        return typeName.Length > positionPrefix.Length && typeName.StartsWith(positionPrefix, StringComparison.Ordinal)
            && typeName.Substring(positionPrefix.Length).All(char.IsDigit)
            ? Position + typeName.Substring(positionPrefix.Length)
            : typeName;
    }

    /// <summary>Required members of an object alternative (own or through allOf) that are one-value string enums.</summary>
    private static IEnumerable<string> ConstantKeys(IOpenApiSchema schema) =>
        schema.PropertyMap().Keys.Concat(schema.AllOfList().Where(p => p is not null).SelectMany(p => p.PropertyMap().Keys))
            .Distinct(StringComparer.Ordinal)
            .Where(k => ConstantOf(schema, k, 0) is not null);

    /// <summary>The one string value of required member <paramref name="key"/> of an object, its allOf parts included.</summary>
    private static string? ConstantOf(IOpenApiSchema schema, string key, int depth)
    {
        if (depth > 16)
        {
            return null;
        }

        if (schema.PropertyMap().TryGetValue(key, out var property) && schema.RequiredSet().Contains(key))
        {
            return SchemaShapes.SingleValue(property);
        }

        return schema.AllOfList().Where(p => p is not null).Select(p => ConstantOf(p, key, depth + 1)).FirstOrDefault(v => v is not null);
    }
}
