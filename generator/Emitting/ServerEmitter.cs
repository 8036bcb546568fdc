using System.Linq;
using Contracts.Generator.Model;

namespace Contracts.Generator.Emitting;

/// <summary>
/// Prints the generated ASP.NET Core server of a document: the handler interface the user implements, one result struct
/// per operation that can express only the declared responses, and the endpoints (<see cref="WriteEndpoints"/>) that bind
/// each request, call the handler and write its result through the document's JSON context. Everything is a
/// <c>RequestDelegate</c>: no reflection, nothing for the request-delegate generator to intercept.
/// </summary>
internal static partial class ServerEmitter
{
    private const string AspNetCoreRuntime = "global::Contracts.Runtime.AspNetCore";
    private const string RequestBinder = AspNetCoreRuntime + ".RequestBinder";
    private const string ResultWriter = AspNetCoreRuntime + ".ResultWriter";
    private const string ScalarParsers = AspNetCoreRuntime + ".ScalarParsers";
    private const string ParameterSource = AspNetCoreRuntime + ".ParameterSource";
    private const string HttpContext = "global::Microsoft.AspNetCore.Http.HttpContext";

    public static void Write(EndpointsModel model, SourceWriter writer)
    {
        FileHeader.Write(writer);
        FileHeader.OpenNamespace(writer, model.Target);
        WriteHandler(writer, model);
        foreach (var endpoint in model.Endpoints)
        {
            writer.WriteLine();
            WriteResult(writer, model.Target, endpoint);
        }

        writer.WriteLine();
        WriteEndpoints(writer, model);
        WriteSchemas(writer, model);
        FileHeader.CloseNamespace(writer);
    }

    private static void WriteHandler(SourceWriter writer, EndpointsModel model)
    {
        var target = model.Target;
        XmlDocs.Summary(writer, model.Description ?? model.Title, "The operations of the OpenAPI document, served by the generated endpoints.");
        writer.WriteLine("/// <remarks>Registered in the service container; <c>" + model.EndpointsName + "." + model.MapMethodName + "</c> maps an endpoint per method.</remarks>");
        writer.WriteLine(FileHeader.GeneratedCodeAttribute(target));
        writer.OpenBlock(target.Accessibility + " partial interface " + model.HandlerName);
        var first = true;
        foreach (var endpoint in model.Endpoints)
        {
            if (!first)
            {
                writer.WriteLine();
            }

            first = false;
            var operation = endpoint.Operation;
            XmlDocs.Summary(writer, operation.Summary ?? operation.Description, "Serves " + operation.OperationId + ".");
            if (operation.Summary is not null)
            {
                XmlDocs.Block(writer, "remarks", operation.Description);
            }

            foreach (var parameter in operation.MethodParameters)
            {
                switch (parameter.Source)
                {
                    case MethodParameterSource.Parameter:
                        var declared = operation.Parameters[parameter.Index];
                        XmlDocs.Param(writer, parameter.Name, declared.Description ?? "The " + declared.Location.ToString().ToLowerInvariant() + " parameter '" + declared.WireName + "'" + (declared.IsRequired ? "." : "; null when the request has none."));
                        break;
                    case MethodParameterSource.Body:
                        XmlDocs.Param(writer, parameter.Name, operation.Body!.Description ?? (operation.Body.Kind == BodyKind.Binary ? "The request body, read from the connection as the handler reads it." : "The request body."));
                        break;
                    case MethodParameterSource.Field:
                        var part = operation.Body!.Fields[parameter.Index];
                        XmlDocs.Param(writer, parameter.Name, part.Description ?? "The multipart part '" + part.WireName + "'" + (part.IsRequired ? "." : "; null when the request has none."));
                        break;
                    case MethodParameterSource.CancellationToken:
                        XmlDocs.Param(writer, parameter.Name, "Cancelled when the client aborts the request.");
                        break;
                }
            }

            writer.WriteLine("/// <returns>One of the responses the operation declares.</returns>");
            if (operation.IsDeprecated)
            {
                writer.WriteLine("[" + KnownTypes.Obsolete + "(\"Deprecated in the OpenAPI document.\")]");
            }

            writer.WriteLine(KnownTypes.Task + "<" + endpoint.ResultName + "> " + operation.MethodName + "(" + string.Join(", ", HandlerParameters(operation, target)) + ");");
        }

        writer.CloseBlock();
    }

    /// <summary>The handler method's parameters: the client method's, without <c>RequestOptions</c>; optional ones nullable, never defaulted.</summary>
    private static System.Collections.Generic.IEnumerable<string> HandlerParameters(OperationModel operation, EmitTarget target)
    {
        foreach (var parameter in operation.MethodParameters)
        {
            switch (parameter.Source)
            {
                case MethodParameterSource.Parameter:
                    yield return TypeNames.Of(operation.Parameters[parameter.Index].Type, target, nullable: !parameter.IsRequired) + " " + parameter.Name;
                    break;
                case MethodParameterSource.Body:
                    yield return BodyType(operation.Body!, target) + (parameter.IsRequired ? " " : "? ") + parameter.Name;
                    break;
                case MethodParameterSource.Field:
                    var part = operation.Body!.Fields[parameter.Index];
                    yield return PartType(part, target) + (parameter.IsRequired ? " " : "? ") + parameter.Name;
                    break;
                case MethodParameterSource.CancellationToken:
                    yield return KnownTypes.CancellationToken + " " + parameter.Name;
                    break;
            }
        }
    }

    private static string BodyType(RequestBodyModel body, EmitTarget target) => body.Kind switch
    {
        BodyKind.Text => "string",
        BodyKind.Binary => KnownTypes.Stream,
        _ => TypeNames.Of(body.Type, target),
    };

    /// <summary>The C# type of a case's body; null when the response has no content.</summary>
    private static string? CaseBodyType(ResultCaseModel @case, EmitTarget target) => @case.AwsError is { } error ? AwsErrorBodyType(@case, error, target) : @case.Response.Kind switch
    {
        ResponseKind.Json => TypeNames.Of(@case.Response.Type!, target),
        ResponseKind.Text => "string",
        ResponseKind.Stream => KnownTypes.Stream,
        ResponseKind.EventStream => "global::System.Collections.Generic.IAsyncEnumerable<" + TypeNames.Of(@case.Response.Type!, target) + ">",
        ResponseKind.Envelope when @case.Response.Type is { } type => TypeNames.Of(type, target),
        _ => null,
    };

    private static void WriteResult(SourceWriter writer, EmitTarget target, EndpointModel endpoint)
    {
        var operation = endpoint.Operation;
        var name = endpoint.ResultName;
        var context = "global::" + target.Namespace + "." + target.ContextName + ".Default";
        writer.WriteLine("/// <summary>A response of " + XmlDocs.Text(operation.OperationId) + ": one of those the operation declares, made by its factories.</summary>");
        writer.WriteLine("/// <remarks>The default value holds no response; the endpoint answers it with a 500 problem.</remarks>");
        writer.WriteLine(FileHeader.GeneratedCodeAttribute(target));
        writer.OpenBlock(target.Accessibility + " readonly struct " + name);
        writer.WriteLine("private readonly int _case;");
        writer.WriteLine("private readonly int _statusCode;");
        for (var i = 0; i < endpoint.Cases.Count; i++)
        {
            if (CaseBodyType(endpoint.Cases[i], target) is { } bodyType)
            {
                writer.WriteLine("private readonly " + Nullable(bodyType, endpoint.Cases[i]) + " _body" + i + ";");
            }
        }

        writer.WriteLine();
        var bodyParameters = string.Concat(endpoint.Cases.Select((c, i) => CaseBodyType(c, target) is { } t ? ", " + Nullable(t, c) + " body" + i + " = default" : string.Empty));
        writer.OpenBlock("private " + name + "(int @case, int statusCode" + bodyParameters + ")");
        writer.WriteLine("_case = @case;");
        writer.WriteLine("_statusCode = statusCode;");
        for (var i = 0; i < endpoint.Cases.Count; i++)
        {
            if (CaseBodyType(endpoint.Cases[i], target) is not null)
            {
                writer.WriteLine("_body" + i + " = body" + i + ";");
            }
        }

        writer.CloseBlock();
        writer.WriteLine();
        writer.WriteLine("/// <summary>The status code written; 0 for the default value, which holds no response.</summary>");
        writer.WriteLine("public int StatusCode => _statusCode;");
        for (var i = 0; i < endpoint.Cases.Count; i++)
        {
            writer.WriteLine();
            WriteFactory(writer, target, endpoint, i);
        }

        if (endpoint.ImplicitCase >= 0)
        {
            var @case = endpoint.Cases[endpoint.ImplicitCase];
            writer.WriteLine();
            writer.WriteLine("/// <summary>The " + @case.Response.StatusPattern + " response with <paramref name=\"body\"/>, as <see cref=\"" + @case.FactoryName + "\"/> makes it.</summary>");
            writer.WriteLine("public static implicit operator " + name + "(" + CaseBodyType(@case, target) + " body) => " + @case.FactoryName + "(body);");
        }

        writer.WriteLine();
        writer.WriteLine("/// <summary>Writes the response; the default value (no response) as a 500 problem.</summary>");
        writer.OpenBlock("internal " + KnownTypes.Task + " WriteAsync(" + HttpContext + " context)");
        writer.OpenBlock("switch (_case)");
        for (var i = 0; i < endpoint.Cases.Count; i++)
        {
            var response = endpoint.Cases[i].Response;
            var media = response.MediaType is { } mediaType ? Literals.String(mediaType) : "null";
            writer.WriteLine("case " + (i + 1) + ":");
            writer.Indentation++;
            writer.WriteLine("return " + (endpoint.Cases[i].AwsError is { } awsError ? AwsErrorWrite(endpoint.Cases[i], awsError, i, context) : response.Kind switch
            {
                ResponseKind.Json => ResultWriter + ".WriteJsonAsync(context, _statusCode, _body" + i + (response.Type!.IsValueType ? string.Empty : "!") + ", " + context + "." + response.TypeInfoProperty + ")",
                ResponseKind.Text => ResultWriter + ".WriteTextAsync(context, _statusCode, _body" + i + "!, " + media + ")",
                ResponseKind.Stream => ResultWriter + ".WriteStreamAsync(context, _statusCode, _body" + i + "!, " + media + ")",
                ResponseKind.Envelope when endpoint.Cases[i].Envelope is { } envelope => ResultWriter + ".WriteEnvelopeAsync(context, _statusCode, " + Literals.String(envelope.SuccessProperty) + ", " + (endpoint.Cases[i].EnvelopeSuccess ? "true" : "false") + ", " + Literals.String(endpoint.Cases[i].EnvelopeSuccess ? envelope.DataProperty : envelope.ErrorProperty) + ", _body" + i + (response.Type!.IsValueType ? string.Empty : "!") + ", " + context + "." + response.TypeInfoProperty + ")",
                ResponseKind.EventStream => ResultWriter + ".WriteEventsAsync(context, _statusCode, _body" + i + "!, " + context + "." + response.TypeInfoProperty + ", global::Contracts.Runtime.Streaming.StreamFormat." + endpoint.Cases[i].Format + ")",
                _ => ResultWriter + ".WriteEmptyAsync(context, _statusCode)",
            }) + ";");
            writer.Indentation--;
        }

        writer.WriteLine("default:");
        writer.Indentation++;
        writer.WriteLine("return " + ResultWriter + ".WriteNoResultAsync(context, " + Literals.String(operation.OperationId) + ");");
        writer.Indentation--;
        writer.CloseBlock();
        writer.CloseBlock();
        writer.CloseBlock();
    }

    private static string Nullable(string type, ResultCaseModel @case) => @case.BodyIsValueType ? type : type + "?";

    private static void WriteFactory(SourceWriter writer, EmitTarget target, EndpointModel endpoint, int index)
    {
        var @case = endpoint.Cases[index];
        if (@case.AwsError is { } error)
        {
            WriteAwsErrorFactory(writer, target, endpoint, index, error);
            return;
        }

        var response = @case.Response;
        var (low, high) = @case.StatusRange;
        var isCode = low == high;
        var bodyType = CaseBodyType(@case, target);
        XmlDocs.Summary(writer, response.Description, "The " + response.StatusPattern + " response.");
        var parameters = new System.Collections.Generic.List<string>();
        if (!isCode)
        {
            writer.WriteLine("/// <param name=\"statusCode\">The status code, " + low + " to " + high + ".</param>");
            parameters.Add("int statusCode");
        }

        if (bodyType is not null)
        {
            writer.WriteLine("/// <param name=\"body\">The response body" + (response.MediaType is { } media ? " (" + XmlDocs.Text(media) + ")" : string.Empty) + (response.Kind switch
            {
                ResponseKind.Stream => "; disposed once written.",
                ResponseKind.EventStream => ": each item written and flushed as it comes, until the sequence ends or the client goes away.",
                _ => ".",
            }) + "</param>");
            parameters.Add(bodyType + " body");
        }

        if (!isCode)
        {
            writer.WriteLine("/// <exception cref=\"global::System.ArgumentOutOfRangeException\"><paramref name=\"statusCode\"/> is not " + low + " to " + high + ".</exception>");
        }

        var nullCheck = bodyType is not null && !@case.BodyIsValueType;
        var status = isCode ? low.ToString(System.Globalization.CultureInfo.InvariantCulture) : "statusCode";
        var create = "new " + endpoint.ResultName + "(" + (index + 1) + ", " + status + (bodyType is null ? string.Empty : ", body" + index + ": body") + ")";
        var signature = "public static " + endpoint.ResultName + " " + @case.FactoryName + "(" + string.Join(", ", parameters) + ")";
        if (isCode && !nullCheck)
        {
            writer.WriteLine(signature + " => " + create + ";");
            return;
        }

        writer.OpenBlock(signature);
        if (!isCode)
        {
            writer.WriteLine("if (statusCode < " + low + " || statusCode > " + high + ") throw new global::System.ArgumentOutOfRangeException(nameof(statusCode), statusCode, \"The status code must be " + low + " to " + high + ".\");");
        }

        if (nullCheck)
        {
            writer.WriteLine("if (body is null) throw new " + KnownTypes.ArgumentNullException + "(nameof(body));");
        }

        writer.WriteLine("return " + create + ";");
        writer.CloseBlock();
    }
}
