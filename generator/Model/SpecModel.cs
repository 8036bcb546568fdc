using Contracts.Generator.Diagnostics;
using Contracts.Generator.Helpers;

namespace Contracts.Generator.Model;

/// <summary>Everything generated from one OpenAPI document.</summary>
internal sealed record SpecModel(
    EmitTarget Target,
    EquatableArray<RecordModel> Records,
    EquatableArray<EnumModel> Enums,
    JsonContextModel JsonContext,
    ClientModel Client,
    EquatableArray<UnionModel> Unions);

/// <summary>The outcome of parsing one document: a model (null when the document is unusable) and its diagnostics.</summary>
internal sealed record SpecResult(SpecModel? Model, EquatableArray<DiagnosticInfo> Diagnostics);
