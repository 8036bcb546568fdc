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
