using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Contracts.Generator.Helpers;
using Contracts.Generator.Model;

namespace Contracts.Generator.Passes;

/// <summary>
/// Decides the order of each client method's parameters, so that the emitter only prints them. A pure model → model
/// step that runs after translation. The order, which existing call sites depend on:
/// required document parameters (path, query, header, cookie, each in document order); the body; the required
/// multipart parts, then the optional ones; the optional document parameters; the <c>CancellationToken</c>; and last the
/// per-call <c>RequestOptions</c>, after the token, so that every call written before it existed (positional ones that
/// pass a token included) still compiles and means the same; a later per-call setting goes into <c>RequestOptions</c>,
/// not a new parameter.
/// It also names each method's twin that returns the response with its result (<see cref="ResponseMethodModel"/>), and
/// the paginator of a paged operation (<see cref="PagingModel"/>).
/// </summary>
internal static class MethodSignatures
{
    public static SpecModel Apply(SpecModel model)
    {
        var client = model.Client;
        var operations = NamePaginators(NameTwins(client.Operations.Select(Apply).ToList())).ToEquatableArray();
        return model with { Client = client with { Operations = operations } };
    }

    /// <summary>
    /// <c>GetPetAsync</c>'s twin is <c>GetPetWithResponseAsync</c>. A twin name taken by another method (an operation
    /// named <c>GetPetWithResponse</c>) or by an earlier twin gets the first free number before <c>Async</c>
    /// (<c>GetPetWithResponse2Async</c>); the methods keep their names, and the operations come in method name order,
    /// so the result is the same for the same document. Case is ignored, as for the method names themselves.
    /// </summary>
    public static IReadOnlyList<OperationModel> NameTwins(IReadOnlyList<OperationModel> operations)
    {
        var taken = new HashSet<string>(operations.Select(o => o.MethodName), StringComparer.OrdinalIgnoreCase);
        var named = new List<OperationModel>(operations.Count);
        foreach (var operation in operations)
        {
            var stem = operation.MethodName.EndsWith("Async", StringComparison.Ordinal)
                ? operation.MethodName.Substring(0, operation.MethodName.Length - "Async".Length)
                : operation.MethodName;
            var name = stem + "WithResponseAsync";
            for (var i = 2; !taken.Add(name); i++)
            {
                name = stem + "WithResponse" + i.ToString(CultureInfo.InvariantCulture) + "Async";
            }

            named.Add(operation with { WithResponse = (operation.WithResponse ?? ResponseMethodModel.Unnamed) with { MethodName = name } });
        }

        return named;
    }

    /// <summary>
    /// A paged <c>ListPetsAsync</c>'s paginator is <c>ListPetsAllAsync</c>; a name already taken by a method or a twin
    /// gets the first free number before <c>Async</c> (<c>ListPetsAll2Async</c>), as twins do.
    /// </summary>
    public static IReadOnlyList<OperationModel> NamePaginators(IReadOnlyList<OperationModel> operations)
    {
        var taken = new HashSet<string>(operations.Select(o => o.MethodName).Concat(operations.Select(o => o.WithResponse?.MethodName ?? string.Empty)), StringComparer.OrdinalIgnoreCase);
        return operations.Select(operation =>
        {
            if (operation.Paging is not { } paging)
            {
                return operation;
            }

            var stem = operation.MethodName.EndsWith("Async", StringComparison.Ordinal) ? operation.MethodName.Substring(0, operation.MethodName.Length - "Async".Length) : operation.MethodName;
            var name = stem + "AllAsync";
            for (var i = 2; !taken.Add(name); i++)
            {
                name = stem + "All" + i.ToString(CultureInfo.InvariantCulture) + "Async";
            }

            return operation with { Paging = paging with { MethodName = name } };
        }).ToList();
    }

    public static OperationModel Apply(OperationModel operation)
    {
        // A stable sort: within a location the document's order stays.
        var parameters = operation.Parameters.OrderBy(p => p.Location).ToEquatableArray();
        var fields = operation.Body is { Kind: BodyKind.Multipart } multipart ? multipart.Fields : EquatableArray<MultipartFieldModel>.Empty;
        var method = new List<MethodParameterModel>();
        for (var i = 0; i < parameters.Count; i++)
        {
            if (parameters[i].IsRequired)
            {
                method.Add(new MethodParameterModel(parameters[i].ParameterName, MethodParameterSource.Parameter, i, IsRequired: true));
            }
        }

        // A multipart body is passed as its parts; its ParameterName is empty.
        if (operation.Body is { ParameterName.Length: > 0 } body)
        {
            method.Add(new MethodParameterModel(body.ParameterName, MethodParameterSource.Body, 0, body.IsRequired));
        }

        AddFields(method, fields, required: true);
        AddFields(method, fields, required: false);
        for (var i = 0; i < parameters.Count; i++)
        {
            if (!parameters[i].IsRequired)
            {
                method.Add(new MethodParameterModel(parameters[i].ParameterName, MethodParameterSource.Parameter, i, IsRequired: false));
            }
        }

        method.Add(new MethodParameterModel(operation.CancellationTokenName, MethodParameterSource.CancellationToken, 0, IsRequired: false));
        method.Add(new MethodParameterModel(operation.RequestOptionsName, MethodParameterSource.RequestOptions, 0, IsRequired: false));
        return operation with { Parameters = parameters, MethodParameters = method.ToEquatableArray() };
    }

    private static void AddFields(List<MethodParameterModel> method, EquatableArray<MultipartFieldModel> fields, bool required)
    {
        for (var i = 0; i < fields.Count; i++)
        {
            if (fields[i].IsRequired == required)
            {
                method.Add(new MethodParameterModel(fields[i].ParameterName, MethodParameterSource.Field, i, required));
            }
        }
    }
}
