namespace Contracts.Generator.Model;

/// <summary>What supplies the value of a client method's parameter.</summary>
internal enum MethodParameterSource
{
    /// <summary>A document parameter: <see cref="MethodParameterModel.Index"/> is its position in <see cref="OperationModel.Parameters"/>.</summary>
    Parameter,

    /// <summary>The request body (<see cref="OperationModel.Body"/>).</summary>
    Body,

    /// <summary>A part of a multipart body: <see cref="MethodParameterModel.Index"/> is its position in <see cref="RequestBodyModel.Fields"/>.</summary>
    Field,

    /// <summary>The method's <c>CancellationToken</c>.</summary>
    CancellationToken,

    /// <summary>The method's per-call <c>RequestOptions</c>.</summary>
    RequestOptions,
}

/// <summary>One parameter of a client method, in the method's order (<see cref="Passes.MethodSignatures"/> decides it).</summary>
/// <param name="Name">The C# parameter name.</param>
/// <param name="Index">The position of its source among <see cref="OperationModel.Parameters"/> or <see cref="RequestBodyModel.Fields"/>; 0 for the others.</param>
/// <param name="IsRequired">The caller must pass it (no default value).</param>
internal sealed record MethodParameterModel(string Name, MethodParameterSource Source, int Index, bool IsRequired);
