using Contracts.Generator.Translation.Naming;

namespace Contracts.Generator.Translation;

/// <summary>What the parts of one operation share while it is being built.</summary>
internal sealed class OperationContext(string operationId, string baseName, string pointer, bool isAwsKey, UniqueNameBuilder parameterNames)
{
    public string OperationId { get; } = operationId;

    public string BaseName { get; } = baseName;

    public string Pointer { get; } = pointer;

    /// <summary>The path key names an AWS operation in its fragment (<c>/#X-Amz-Target=…</c>).</summary>
    public bool IsAwsKey { get; } = isAwsKey;

    public UniqueNameBuilder ParameterNames { get; } = parameterNames;
}
