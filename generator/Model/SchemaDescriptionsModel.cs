using Contracts.Generator.Helpers;

namespace Contracts.Generator.Model;

/// <summary>
/// The generated types a server describes to the application's own OpenAPI document
/// (<c>Contracts.Runtime.AspNetCore.OpenApi</c>): ASP.NET Core builds a schema from a type's JSON metadata, and the
/// generated JSON context's converters show it none of a model's members, so the server carries each type's schema as
/// the document declares it. Only when the project references that library: other servers carry nothing.
/// </summary>
internal sealed record SchemaDescriptionsModel(
    EquatableArray<RecordModel> Records,
    EquatableArray<EnumModel> Enums,
    EquatableArray<UnionModel> Unions)
{
    public static SchemaDescriptionsModel Of(SpecModel model) => new(model.Records, model.Enums, model.Unions);

    /// <summary>
    /// The server of <paramref name="model"/> when the project can serve it (<paramref name="serves"/>, else CTR148), with
    /// its types' schemas when it references the OpenAPI completion (<paramref name="describes"/>).
    /// </summary>
    public static EndpointsModel? ServerOf(SpecModel model, bool serves, bool describes)
    {
        var server = serves ? EndpointsModel.Of(model) : null;
        return server is not null && describes ? server with { Schemas = Of(model) } : server;
    }
}
