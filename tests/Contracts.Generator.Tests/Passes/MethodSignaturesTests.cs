using System.Linq;
using Contracts.Generator.Helpers;
using Contracts.Generator.Model;
using Contracts.Generator.Passes;
using Xunit;

namespace Contracts.Generator.Tests.Passes;

/// <summary>
/// The order of a client method's parameters is decided on the model: required document parameters by location, the
/// body, the multipart parts, the optional document parameters, then the token and the per-call options.
/// </summary>
public sealed class MethodSignaturesTests
{
    private static readonly TypeRef Text = TypeRef.String;

    [Fact]
    public void Required_parameters_come_first_by_location_and_optional_ones_after_the_body()
    {
        var operation = Operation(
            [
                Parameter("q1", ParameterLocation.Query, required: false),
                Parameter("h", ParameterLocation.Header, required: true),
                Parameter("p", ParameterLocation.Path, required: true),
                Parameter("c", ParameterLocation.Cookie, required: false),
                Parameter("q2", ParameterLocation.Query, required: true),
                Parameter("q3", ParameterLocation.Query, required: false),
            ],
            Body("body", required: false));

        var result = MethodSignatures.Apply(operation);

        Assert.Equal(["p", "q2", "h", "body", "q1", "q3", "c", "cancellationToken", "requestOptions"], result.MethodParameters.Select(p => p.Name));
        Assert.Equal(
            [true, true, true, false, false, false, false, false, false],
            result.MethodParameters.Select(p => p.IsRequired));
        Assert.Equal(
            [MethodParameterSource.Parameter, MethodParameterSource.Parameter, MethodParameterSource.Parameter, MethodParameterSource.Body,
             MethodParameterSource.Parameter, MethodParameterSource.Parameter, MethodParameterSource.Parameter,
             MethodParameterSource.CancellationToken, MethodParameterSource.RequestOptions],
            result.MethodParameters.Select(p => p.Source));
    }

    [Fact]
    public void The_document_parameters_are_put_in_location_order_keeping_document_order_within_a_location()
    {
        var operation = Operation(
            [
                Parameter("q1", ParameterLocation.Query, required: false),
                Parameter("h", ParameterLocation.Header, required: true),
                Parameter("p", ParameterLocation.Path, required: true),
                Parameter("q2", ParameterLocation.Query, required: true),
            ]);

        var result = MethodSignatures.Apply(operation);

        Assert.Equal(["p", "q1", "q2", "h"], result.Parameters.Select(p => p.ParameterName));
        // Each method parameter points at its own document parameter.
        foreach (var parameter in result.MethodParameters.Where(p => p.Source == MethodParameterSource.Parameter))
        {
            Assert.Equal(parameter.Name, result.Parameters[parameter.Index].ParameterName);
        }
    }

    [Fact]
    public void Multipart_parts_are_passed_required_first_in_place_of_the_body()
    {
        var fields = new[]
        {
            new MultipartFieldModel("note", "note", Text, MultipartFieldKind.Text, IsRequired: false, null),
            new MultipartFieldModel("file", "file", Text, MultipartFieldKind.File, IsRequired: true, null),
            new MultipartFieldModel("tag", "tag", Text, MultipartFieldKind.Text, IsRequired: true, null),
        };
        var body = new RequestBodyModel(string.Empty, Text, "Upload", "multipart/form-data", IsRequired: true, null, BodyKind.Multipart, Fields: fields.ToEquatableArray());
        var operation = Operation([Parameter("id", ParameterLocation.Path, required: true), Parameter("dryRun", ParameterLocation.Query, required: false)], body);

        var result = MethodSignatures.Apply(operation);

        Assert.Equal(["id", "file", "tag", "note", "dryRun", "cancellationToken", "requestOptions"], result.MethodParameters.Select(p => p.Name));
        var parts = result.MethodParameters.Where(p => p.Source == MethodParameterSource.Field).ToList();
        Assert.Equal([1, 2, 0], parts.Select(p => p.Index));
        Assert.DoesNotContain(result.MethodParameters, p => p.Source == MethodParameterSource.Body);
    }

    [Fact]
    public void The_token_and_the_request_options_keep_the_names_translation_gave_them_and_come_last()
    {
        var operation = Operation([Parameter("cancellationToken", ParameterLocation.Query, required: true)]) with
        {
            CancellationTokenName = "cancellationToken_",
            RequestOptionsName = "requestOptions_",
        };

        var result = MethodSignatures.Apply(operation);

        Assert.Equal(["cancellationToken", "cancellationToken_", "requestOptions_"], result.MethodParameters.Select(p => p.Name));
    }

    [Fact]
    public void The_pass_is_pure_and_running_it_twice_changes_nothing()
    {
        var operation = Operation([Parameter("q", ParameterLocation.Query, required: false), Parameter("p", ParameterLocation.Path, required: true)], Body("body", required: true));
        var copy = operation with { };

        var once = MethodSignatures.Apply(operation);
        var twice = MethodSignatures.Apply(once);

        Assert.Equal(copy, operation);
        Assert.True(operation.MethodParameters.IsEmpty);
        Assert.Equal(once, twice);
    }

    [Fact]
    public void Every_operation_of_a_model_gets_its_signature()
    {
        var target = new EmitTarget("Ns", "C", "IC", "COptions", "CJsonContext", "CExtensions", "public", "1.0");
        var client = new ClientModel(
            target,
            null,
            null,
            new ServerModel("https://example.com", null, EquatableArray<ServerVariableModel>.Empty),
            EquatableArray<EnvelopeModel>.Empty,
            new[] { Operation([Parameter("a", ParameterLocation.Query, required: false)]), Operation([]) }.ToEquatableArray());
        var model = new SpecModel(
            target,
            EquatableArray<RecordModel>.Empty,
            EquatableArray<EnumModel>.Empty,
            new JsonContextModel(target, EquatableArray<JsonTypeModel>.Empty, EquatableArray<TypeRef>.Empty),
            client,
            EquatableArray<UnionModel>.Empty);

        var result = MethodSignatures.Apply(model);

        Assert.Equal(["a", "cancellationToken", "requestOptions"], result.Client.Operations[0].MethodParameters.Select(p => p.Name));
        Assert.Equal(["cancellationToken", "requestOptions"], result.Client.Operations[1].MethodParameters.Select(p => p.Name));
    }

    private static ParameterModel Parameter(string name, ParameterLocation location, bool required) =>
        new(name, name, location, Text, required, null);

    private static RequestBodyModel Body(string name, bool required) =>
        new(name, Text, "Body", "application/json", required, null);

    private static OperationModel Operation(ParameterModel[] parameters, RequestBodyModel? body = null) =>
        new(
            "op",
            "OpAsync",
            "GET",
            "/things",
            null,
            null,
            false,
            parameters.ToEquatableArray(),
            EquatableArray<ConstantHeaderModel>.Empty,
            body,
            ResponseModel.None,
            "cancellationToken",
            "requestOptions");
}
