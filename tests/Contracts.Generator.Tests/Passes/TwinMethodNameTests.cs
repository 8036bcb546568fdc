using System.Linq;
using Contracts.Generator.Helpers;
using Contracts.Generator.Model;
using Contracts.Generator.Passes;
using Xunit;

namespace Contracts.Generator.Tests.Passes;

/// <summary>
/// Every method has a twin returning the response with its result; its name is decided on the model, never taken
/// from another method, and the methods keep theirs.
/// </summary>
public sealed class TwinMethodNameTests
{
    [Fact]
    public void A_twin_is_the_method_name_with_WithResponse_before_Async()
    {
        var spec = HandBuiltModels.Spec(operations: [HandBuiltModels.Operation("GetPetAsync"), HandBuiltModels.Operation("ListPetsAsync")]);

        var result = MethodSignatures.Apply(spec);

        Assert.Equal(["GetPetWithResponseAsync", "ListPetsWithResponseAsync"], result.Client.Operations.Select(o => o.WithResponse!.MethodName));
    }

    [Fact]
    public void A_twin_name_another_method_has_takes_the_first_free_number_and_the_method_keeps_its_name()
    {
        // An operation named GetPetWithResponse owns GetPetWithResponseAsync; GetPet's twin moves aside, case ignored.
        var operations = new[] { "GetPetAsync", "getPetWithResponseAsync", "GetPetWithResponse2Async" }.Select(n => HandBuiltModels.Operation(n)).ToArray();

        var result = MethodSignatures.NameTwins(operations);

        Assert.Equal(["GetPetAsync", "getPetWithResponseAsync", "GetPetWithResponse2Async"], result.Select(o => o.MethodName));
        Assert.Equal(
            ["GetPetWithResponse3Async", "getPetWithResponseWithResponseAsync", "GetPetWithResponse2WithResponseAsync"],
            result.Select(o => o.WithResponse!.MethodName));
        var all = result.Select(o => o.MethodName).Concat(result.Select(o => o.WithResponse!.MethodName)).Select(n => n.ToUpperInvariant());
        Assert.Equal(6, all.Distinct().Count());
    }

    [Fact]
    public void The_same_operations_get_the_same_twin_names()
    {
        var operations = new[] { "AAsync", "AWithResponseAsync", "BAsync" }.Select(n => HandBuiltModels.Operation(n)).ToArray();

        Assert.Equal(
            MethodSignatures.NameTwins(operations).Select(o => o.WithResponse!.MethodName),
            MethodSignatures.NameTwins(operations).Select(o => o.WithResponse!.MethodName));
    }

    [Fact]
    public void Naming_the_twin_keeps_the_declared_headers()
    {
        var headers = new[] { new ResponseHeaderModel("Link", "Link", ResponseHeaderKind.String, null) }.ToEquatableArray();
        var operation = HandBuiltModels.Operation("ListAsync") with { WithResponse = new ResponseMethodModel(string.Empty, "ListResponse", headers) };

        var twin = MethodSignatures.NameTwins([operation]).Single().WithResponse!;

        Assert.Equal(new ResponseMethodModel("ListWithResponseAsync", "ListResponse", headers), twin);
    }
}
