using System;
using System.Collections.Generic;
using System.Linq;
using Contracts.Generator.Model;

namespace Contracts.Generator.Emitting;

/// <summary>
/// The paginator of each paged operation (<c>ListPetsAllAsync</c> beside <c>ListPetsAsync</c>): a <c>Pageable&lt;TItem&gt;</c>
/// from one of the runtime's <c>Paging</c> factories, handed a lambda that calls the operation's own method once per page
/// (so every protocol, AWS included, pages the same way) and static lambdas that read the page.
/// </summary>
internal static partial class ClientEmitter
{
    private const string Pageable = "global::Contracts.Runtime.Paging.Pageable";
    private const string PagingFactories = "global::Contracts.Runtime.Paging.Paging";

    private static void WritePagingDeclaration(SourceWriter writer, OperationModel operation, EmitTarget target)
    {
        if (operation.Paging is not { } paging)
        {
            return;
        }

        writer.WriteLine();
        writer.WriteLine("/// <summary>");
        writer.WriteLine("/// Every item of <see cref=\"" + operation.MethodName + "\"/>, page after page (" + XmlDocs.Text(paging.Rule) + "): nothing is sent before the");
        writer.WriteLine("/// enumeration starts, each page is fetched when the items before it are used up. <c>AsPages()</c> gives whole pages with");
        writer.WriteLine("/// their status code, headers and continuation token; <c>WithLimits</c> stops after as many items or pages.");
        writer.WriteLine("/// </summary>");
        WriteObsolete(writer, operation);
        writer.WriteLine(PagingSignature(operation, paging, target) + ";");
    }

    private static void WritePagingMethod(SourceWriter writer, OperationModel operation, EmitTarget target)
    {
        if (operation.Paging is not { } paging)
        {
            return;
        }

        writer.WriteLine();
        writer.WriteLine("/// <inheritdoc/>");
        WriteObsolete(writer, operation);
        writer.OpenBlock("public " + PagingSignature(operation, paging, target));

        // The checks the method would make on its first call, made now rather than when the enumeration starts.
        foreach (var parameter in operation.MethodParameters.Where(p => p.IsRequired && IsNullChecked(operation, p)))
        {
            WriteNullCheck(writer, parameter.Name);
        }

        var pageType = ResultType(operation.Response, target)!;
        var nullablePage = operation.Response.AllowsEmpty;
        var member = nullablePage ? "?." : ".";
        var items = paging.ItemsProperty is null ? "static __page => __page" : "static __page => __page" + member + paging.ItemsProperty;
        var takesToken = paging.Kind is PagingKind.NextToken or PagingKind.Cursor;
        var fetch = (takesToken ? "(__token, __options, __cancellationToken) => " : "(__options, __cancellationToken) => ")
            + operation.MethodName + "(" + string.Join(", ", operation.MethodParameters.Select(p => FetchArgument(operation, paging, p))) + ")";

        var arguments = new List<string> { fetch };
        if (takesToken)
        {
            arguments.Add(FirstToken(operation, paging));
        }

        arguments.Add(items);
        switch (paging.Kind)
        {
            case PagingKind.NextToken when paging.HasMoreProperty is not null:
                // The page's own cursor counts only while the page says more follow.
                arguments.Add("static __page => __page is { " + paging.HasMoreProperty + ": true } ? __page." + paging.NextProperty + " : null");
                break;
            case PagingKind.NextLink:
            case PagingKind.NextToken:
                arguments.Add("static __page => __page" + member + paging.NextProperty);
                break;
            case PagingKind.Cursor:
                arguments.Add("static __page => __page" + member + paging.HasMoreProperty);
                arguments.Add(paging.CursorCaseProperties.IsEmpty
                    ? "static __item => __item" + (paging.ItemAllowsNull ? "?." : ".") + paging.CursorProperty
                    : "static __item => __item" + (paging.ItemAllowsNull ? "?." : ".") + "Match<string?>(" + string.Join(", ", paging.CursorCaseProperties.Select(p => "static __case => __case." + p)) + ")");
                break;
        }

        arguments.Add(operation.RequestOptionsName);
        arguments.Add(operation.CancellationTokenName);
        writer.WriteLine("return " + PagingFactories + "." + paging.Kind + "<" + pageType + ", " + ItemType(paging, target) + ">(");
        writer.Indentation++;
        for (var i = 0; i < arguments.Count; i++)
        {
            writer.WriteLine(arguments[i] + (i == arguments.Count - 1 ? ");" : ","));
        }

        writer.Indentation--;
        writer.CloseBlock();
    }

    /// <summary>The argument the fetch lambda passes for one of the method's parameters: the caller's, or the page's token, options and token.</summary>
    private static string FetchArgument(OperationModel operation, PagingModel paging, MethodParameterModel parameter)
    {
        switch (parameter.Source)
        {
            case MethodParameterSource.RequestOptions:
                return "__options";
            case MethodParameterSource.CancellationToken:
                return "__cancellationToken";
        }

        if (parameter.Name != paging.TokenParameter)
        {
            return parameter.Name;
        }

        // A non-nullable token is never null here: the first page's is the caller's, the others the page's, never empty.
        var token = paging.TokenIsNonNullable ? "__token!" : "__token";
        return paging.TokenBodyProperty is { } property ? parameter.Name + " with { " + property + " = " + token + " }" : token;
    }

    private static string FirstToken(OperationModel operation, PagingModel paging) =>
        paging.TokenBodyProperty is { } property ? paging.TokenParameter + "." + property : paging.TokenParameter!;

    private static string ItemType(PagingModel paging, EmitTarget target) =>
        TypeNames.Of(paging.ItemType, target, nullable: paging.ItemAllowsNull);

    private static string PagingSignature(OperationModel operation, PagingModel paging, EmitTarget target) =>
        Pageable + "<" + ItemType(paging, target) + "> " + paging.MethodName
        + "(" + string.Join(", ", operation.MethodParameters.Select(parameter => Declaration(operation, parameter, target))) + ")";
}
