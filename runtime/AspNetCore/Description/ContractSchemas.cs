using System;
using System.Collections.Generic;
using System.ComponentModel;

namespace Contracts.Runtime.AspNetCore;

/// <summary>
/// Endpoint metadata: the schemas of the types a generated server reads and writes, as the source OpenAPI description
/// declares them. ASP.NET Core builds a schema from a type's JSON metadata, and the generated JSON context's converters
/// show it none of a model's members; <c>AddContractDescriptions()</c> (Contracts.Runtime.AspNetCore.OpenApi) describes
/// the generated types from these instead. Generated only when the project references that library.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class ContractSchemas
{
    /// <summary>The schemas of one document's generated types.</summary>
    public ContractSchemas(IReadOnlyList<ContractSchema> schemas)
    {
        Schemas = schemas ?? throw new ArgumentNullException(nameof(schemas));
    }

    /// <summary>One schema per generated record, enum and union.</summary>
    public IReadOnlyList<ContractSchema> Schemas { get; }

    /// <inheritdoc/>
    public override string ToString() => "Contract schemas (" + Schemas.Count + ")";
}

/// <summary>The schema of one generated type.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class ContractSchema
{
    /// <summary>The schema of <paramref name="type"/>, named <paramref name="name"/> among the document's components.</summary>
    /// <param name="type">The generated type.</param>
    /// <param name="name">Its component name; other schemas refer to it as <c>#/components/schemas/{name}</c>.</param>
    /// <param name="json">The JSON schema, as JSON text.</param>
    public ContractSchema(Type type, string name, string json)
    {
        Type = type ?? throw new ArgumentNullException(nameof(type));
        Name = name ?? throw new ArgumentNullException(nameof(name));
        Json = json ?? throw new ArgumentNullException(nameof(json));
    }

    /// <summary>The generated type.</summary>
    public Type Type { get; }

    /// <summary>Its component name.</summary>
    public string Name { get; }

    /// <summary>The JSON schema, as JSON text (references to other components by <c>$ref</c>).</summary>
    public string Json { get; }
}
