using System.Linq;
using Contracts.Generator.Helpers;
using Contracts.Generator.Model;

namespace Contracts.Generator.Tests.Passes;

/// <summary>Small models built by hand, for the passes that take a model and give one back.</summary>
internal static class HandBuiltModels
{
    public static readonly EmitTarget Target = new("Demo", "DemoClient", "IDemoClient", "DemoClientOptions", "DemoJsonContext", "DemoClientServiceCollectionExtensions", "public", "1.0.0.0");

    public static TypeRef Record(string name) => new(TypeKind.Object, name);

    public static TypeRef Union(string name) => new(TypeKind.Union, name);

    public static SpecModel Spec(
        RecordModel[]? records = null,
        EnumModel[]? enums = null,
        UnionModel[]? unions = null,
        OperationModel[]? operations = null,
        EnvelopeModel[]? envelopes = null,
        AwsModel? aws = null) =>
        new(
            Target,
            (records ?? new RecordModel[0]).ToEquatableArray(),
            (enums ?? new EnumModel[0]).ToEquatableArray(),
            new JsonContextModel(Target, EquatableArray<JsonTypeModel>.Empty, EquatableArray<TypeRef>.Empty),
            new ClientModel(
                Target,
                "Demo",
                null,
                new ServerModel("https://demo.example", null, EquatableArray<ServerVariableModel>.Empty),
                (envelopes ?? new EnvelopeModel[0]).ToEquatableArray(),
                (operations ?? new OperationModel[0]).ToEquatableArray(),
                aws),
            (unions ?? new UnionModel[0]).ToEquatableArray());

    public static RecordModel NewRecord(string name, ExtraMembersModel? extra = null, params (string Name, TypeRef Type)[] properties) =>
        new(Target, name, null, false, properties.Select(p => new PropertyModel(p.Name, p.Name.ToLowerInvariant(), p.Type, false, true, false, null, false)).ToEquatableArray(), extra);

    public static EnumModel NewEnum(string name) => new(Target, name, null, new[] { new EnumMemberModel("A", "a") }.ToEquatableArray());

    public static UnionModel NewUnion(string name, string? discriminator, params UnionCaseModel[] cases) =>
        new(Target, name, null, discriminator, cases.ToEquatableArray());

    /// <summary>A case; object cases list their required and known members, and may say which JSON kinds a member holds.</summary>
    public static UnionCaseModel Case(
        string name,
        TypeRef type,
        UnionToken token,
        string[]? discriminatorValues = null,
        bool writesDiscriminator = false,
        string[]? required = null,
        string[]? known = null,
        params UnionMemberModel[] members) =>
        new(
            name,
            name.ToLowerInvariant(),
            type,
            token,
            (discriminatorValues ?? new string[0]).ToEquatableArray(),
            writesDiscriminator,
            (required ?? new string[0]).ToEquatableArray(),
            (known ?? new string[0]).ToEquatableArray(),
            HasConversion: true,
            IsScalar: token is not (UnionToken.Object or UnionToken.Array or UnionToken.Any),
            members.ToEquatableArray());

    /// <summary>An operation that sends <paramref name="body"/> as JSON (when given) and reads <paramref name="response"/> as JSON (when given).</summary>
    public static OperationModel Operation(string methodName, TypeRef? body = null, TypeRef? response = null, params ErrorResponseModel[] errors) =>
        new(
            methodName,
            methodName,
            "POST",
            "/" + methodName,
            null,
            null,
            false,
            EquatableArray<ParameterModel>.Empty,
            EquatableArray<ConstantHeaderModel>.Empty,
            body is null ? null : new RequestBodyModel("request", body, string.Empty, "application/json", true, null),
            response is null ? ResponseModel.None : new ResponseModel(ResponseKind.Json, response, string.Empty, null, null),
            "cancellationToken",
            "requestOptions",
            Errors: errors.ToEquatableArray());
}
