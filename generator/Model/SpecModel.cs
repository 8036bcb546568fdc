using Contracts.Generator.Helpers;

namespace Contracts.Generator.Model;

/// <summary>Everything generated from one OpenAPI document.</summary>
/// <param name="Sides">The sides the document's options ask for (<c>Generate</c>): the client, the server, or both.</param>
/// <param name="Server">The server's names when <paramref name="Sides"/> has the server; else null.</param>
internal sealed record SpecModel(
    EmitTarget Target,
    EquatableArray<RecordModel> Records,
    EquatableArray<EnumModel> Enums,
    JsonContextModel JsonContext,
    ClientModel Client,
    EquatableArray<UnionModel> Unions,
    GeneratedSides Sides = GeneratedSides.Client,
    ServerNamesModel? Server = null)
{
    /// <summary>The client classes, interface, options and registration are generated.</summary>
    public bool GeneratesClient => (Sides & GeneratedSides.Client) != 0;
}
