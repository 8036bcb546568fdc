using Microsoft.OpenApi;

namespace Contracts.Generator.Translation;

/// <summary>
/// Stripe's way to unset a field: a member that is "a value, or the empty string" (<c>anyOf: [X, {type: string,
/// enum: ['']}]</c>, 373 of them in its 2020-08-27 description). Such a record member becomes a
/// <c>Clearable&lt;X&gt;</c> instead of a union type of its own (docs/names.md).
/// </summary>
internal static class ClearableMembers
{
    /// <summary>
    /// The value alternative of an inline union of exactly one value and the empty-string enum, or null. A union of a
    /// plain string and <c>''</c> is already a string, and a component schema keeps its name (it stays a union).
    /// </summary>
    public static (IOpenApiSchema Schema, string Pointer)? ValueOf(IOpenApiSchema schema, string pointer)
    {
        if (schema.ReferenceId() is not null || !SchemaShapes.IsUnion(schema) || SchemaShapes.Unwrap(schema) is not null)
        {
            return null;
        }

        var (shape, members) = UnionTranslator.PlanUnion(schema, pointer);
        if (shape != UnionTranslator.UnionShape.Union || members.Count != 2)
        {
            return null;
        }

        var empty0 = UnionTranslator.IsEmptyStringAlternative(members[0].Schema);
        var empty1 = UnionTranslator.IsEmptyStringAlternative(members[1].Schema);
        return empty0 == empty1 ? null : empty0 ? members[1] : members[0];
    }
}
