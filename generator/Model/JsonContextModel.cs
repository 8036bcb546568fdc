using Contracts.Generator.Helpers;

namespace Contracts.Generator.Model;

/// <summary>The JSON serializer context of one document.</summary>
/// <param name="Types">Every type the context serves, records and enums first, then top-level collections.</param>
/// <param name="Collections">Every list or map type used anywhere; each gets a read and a write helper.</param>
internal sealed record JsonContextModel(
    EmitTarget Target,
    EquatableArray<JsonTypeModel> Types,
    EquatableArray<TypeRef> Collections);

/// <summary>A type served by the context, and the name of its <c>JsonTypeInfo&lt;T&gt;</c> property.</summary>
internal sealed record JsonTypeModel(TypeRef Type, string PropertyName);
