using System;
using System.Collections.Generic;
using System.Linq;
using Contracts.Generator.Model;

namespace Contracts.Generator.Emitting;

/// <summary>The client's methods: URI, headers, cookies and body built in order, then one call into the runtime.</summary>
internal static partial class ClientEmitter
{
    /// <summary>One static <c>ErrorResponses</c> table per operation that declares typed errors.</summary>
    private static void WriteErrorResponses(SourceWriter writer, ClientModel client, string context)
    {
        foreach (var operation in client.Operations.Where(o => o.ErrorsFieldName is not null))
        {
            writer.WriteLine("private static readonly " + KnownTypes.ErrorResponses + " " + operation.ErrorsFieldName + " = new " + KnownTypes.ErrorResponses + "()");
            writer.Indentation++;
            for (var i = 0; i < operation.Errors.Count; i++)
            {
                var error = operation.Errors[i];
                writer.WriteLine(".Add(" + Literals.String(error.StatusPattern) + ", " + context + "." + error.TypeInfoProperty + ")" + (i == operation.Errors.Count - 1 ? ";" : string.Empty));
            }

            writer.Indentation--;
            writer.WriteLine();
        }
    }

    private static void WriteMethod(SourceWriter writer, OperationModel operation, EmitTarget target, string context, bool aws)
    {
        writer.WriteLine("/// <inheritdoc/>");
        WriteObsolete(writer, operation);
        if (aws)
        {
            writer.OpenBlock("public async " + Signature(operation, target));
            WriteNullChecks(writer, operation);
            ValidationEmitter.WriteRequestCheck(writer, operation);
            WriteRequest(writer, operation, target, context, factory: true, operation.Body, accept: null);
            writer.WriteLine("return __request;");
            writer.CloseBlock();
            writer.WriteLine();
            var call = "_httpClient, __CreateRequest, _aws, " + Literals.String(operation.OperationId) + ", " + (operation.IsIdempotent ? "true" : "false");
            var settings = ", _requestDefaults, " + operation.RequestOptionsName + ", " + operation.CancellationTokenName;
            writer.WriteLine(operation.Response.Kind == ResponseKind.None
                ? "await " + KnownTypes.AwsProtocol + ".SendAsync(" + call + settings + ").ConfigureAwait(false);"
                : "return await " + KnownTypes.AwsProtocol + ".SendAsync(" + call + ", " + context + "." + operation.Response.TypeInfoProperty + settings + ").ConfigureAwait(false);");
            writer.CloseBlock();
            return;
        }

        // Not async: the method builds the request and returns the runtime's task, which owns the request from then on,
        // so the compiler builds no state machine for it (most of what a method cost to compile). What building the
        // request throws still reaches the caller through the returned task, as it did from an async method.
        writer.OpenBlock("public " + Signature(operation, target));
        writer.WriteLine(KnownTypes.HttpRequestMessage + "? __request = null;");
        writer.OpenBlock("try");
        WriteNullChecks(writer, operation);
        ValidationEmitter.WriteRequestCheck(writer, operation);
        WriteRequest(writer, operation, target, context, factory: false, operation.Body, accept: null);
        writer.CloseBlock();
        writer.OpenBlock("catch (global::System.Exception __exception)");
        var result = ResultType(operation.Response, target);
        writer.WriteLine("return " + KnownTypes.ContractsHttp + ".Fail" + (result is null ? string.Empty : "<" + result + ">") + "(__request, __exception);");
        writer.CloseBlock();
        writer.WriteLine();
        writer.WriteLine(SendStatement(operation, context));
        writer.CloseBlock();
    }

    private static void WriteNullChecks(SourceWriter writer, OperationModel operation)
    {
        foreach (var parameter in operation.MethodParameters.Where(p => p.IsRequired && IsNullChecked(operation, p)))
        {
            WriteNullCheck(writer, parameter.Name);
        }
    }

    /// <summary>
    /// The request: URI, headers, cookies and body in order. With <paramref name="factory"/>, inside a local function
    /// <c>__CreateRequest()</c> left open for the caller to return from (each attempt or enumeration sends a new one).
    /// </summary>
    private static void WriteRequest(SourceWriter writer, OperationModel operation, EmitTarget target, string context, bool factory, RequestBodyModel? requestBody, string? accept)
    {
        var hasQuery = operation.Parameters.Any(p => p.Location == ParameterLocation.Query);
        writer.WriteLine(hasQuery
            ? "var __uri = new " + KnownTypes.StringBuilder + "(" + PathExpression(operation, target, context) + ");"
            : "var __uri = " + PathExpression(operation, target, context) + ";");
        foreach (var parameter in operation.Parameters.Where(p => p.Location == ParameterLocation.Query))
        {
            WriteGuarded(writer, parameter.ParameterName, parameter.IsRequired, value => QueryStatement(parameter, value, target, context));
        }

        var create = KnownTypes.ContractsHttp + ".CreateRequest(" + HttpMethod(operation.HttpMethod) + ", _baseAddress, __uri" + (hasQuery ? ".ToString()" : string.Empty) + SecurityArgument(operation) + ");";
        if (factory)
        {
            // Every attempt (retries included) sends a fresh, freshly signed request.
            writer.OpenBlock(KnownTypes.HttpRequestMessage + " __CreateRequest()");
            writer.WriteLine("var __request = " + create);
        }
        else
        {
            // Assigned to the method's local, so that a failure while the rest is built disposes it.
            writer.WriteLine("__request = " + create);
        }

        foreach (var credential in operation.Parameters.Select(p => ParameterCode.MarkCredential(p, target)).OfType<string>())
        {
            writer.WriteLine(credential);
        }

        foreach (var header in operation.ConstantHeaders)
        {
            writer.WriteLine(KnownTypes.ContractsHttp + ".AddHeader(__request, " + Literals.String(header.Name) + ", " + Literals.String(header.Value) + ");");
        }

        foreach (var parameter in operation.Parameters.Where(p => p.Location == ParameterLocation.Header))
        {
            WriteGuarded(writer, parameter.ParameterName, parameter.IsRequired, value => IsScalar(parameter.Type)
                ? KnownTypes.ContractsHttp + ".AddHeader(__request, " + Literals.String(parameter.WireName) + ", " + ParameterCode.Format(parameter.Type, target, value) + ");"
                : KnownTypes.ParameterStyles + ".AddHeader(__request, " + Literals.String(parameter.WireName) + ", " + Value(parameter, value, target, context) + ", " + Bool(parameter.Explode) + ");");
        }

        foreach (var parameter in operation.Parameters.Where(p => p.Location == ParameterLocation.Cookie))
        {
            WriteGuarded(writer, parameter.ParameterName, parameter.IsRequired, value =>
                KnownTypes.ParameterStyles + ".AddCookie(__request, " + Literals.String(parameter.WireName) + ", " + Value(parameter, value, target, context) + ", " + Bool(parameter.Explode) + ");");
        }

        if (accept is not null)
        {
            writer.WriteLine(KnownTypes.ContractsHttp + ".AddHeader(__request, \"Accept\", " + Literals.String(accept) + ");");
        }

        if (requestBody is { } body)
        {
            WriteBody(writer, body, target, context);
        }
    }

    /// <summary>The call into the runtime, whose task the method returns as its own.</summary>
    private static string SendStatement(OperationModel operation, string context)
    {
        var common = "_httpClient, __request, " + Literals.String(operation.OperationId);
        var settings = ", _requestDefaults, " + operation.RequestOptionsName + ", " + operation.CancellationTokenName;
        var errors = operation.ErrorsFieldName ?? "null";
        var response = operation.Response;
        string Call(string method, string arguments) => "return " + KnownTypes.ContractsHttp + "." + method + "(" + common + arguments + settings + ")";

        // The JSON senders' task holds T?: a result that cannot be empty is never null.
        var notNull = response.AllowsEmpty ? ";" : "!;";
        return response.Kind switch
        {
            ResponseKind.None => Call("SendAsync", ", " + errors) + ";",
            ResponseKind.Json when operation.Stream is { IsOnlyResult: false } stream =>
                Call("SendBesideStreamAsync", ", " + context + "." + response.TypeInfoProperty + ", " + errors + ", " + Bool(response.AllowsEmpty) + ", " + Literals.String(stream.MethodName)) + notNull,
            ResponseKind.Json => Call("SendAsync", ", " + context + "." + response.TypeInfoProperty + ", " + errors + ", " + Bool(response.AllowsEmpty)) + notNull,
            ResponseKind.Text => Call("SendTextAsync", ", " + errors) + ";",
            ResponseKind.Stream => Call("SendStreamAsync", ", " + errors) + ";",
            _ => Call("SendEnvelopeAsync", ", " + response.EnvelopeField + ", " + context + "." + response.TypeInfoProperty) + ";",
        };
    }

    private static void WriteBody(SourceWriter writer, RequestBodyModel body, EmitTarget target, string context)
    {
        if (body.Kind == BodyKind.Multipart)
        {
            writer.WriteLine("var __content = new " + KnownTypes.MultipartFormDataContent + "();");
            foreach (var field in body.Fields)
            {
                WriteGuarded(writer, field.ParameterName, field.IsRequired, value => PartStatement(field, value, target, context));
            }

            writer.WriteLine("__request.Content = __content;");
            return;
        }

        var mediaType = Literals.String(body.MediaType);
        string Content(string value) => "__request.Content = " + body.Kind switch
        {
            BodyKind.Form => KnownTypes.FormBody + ".Create(" + value + ", " + context + "." + body.TypeInfoProperty + string.Concat(body.DeepObjectMembers.Select(m => ", " + Literals.String(m))) + ");",
            BodyKind.Text => KnownTypes.ContractsHttp + ".CreateTextContent(" + value + ", " + mediaType + ");",
            BodyKind.Binary => KnownTypes.ContractsHttp + ".CreateStreamContent(" + value + ", " + mediaType + ");",
            _ => KnownTypes.ContractsHttp + ".CreateJsonContent(" + value + ", " + context + "." + body.TypeInfoProperty + ", " + mediaType + ");",
        };

        // An optional body is left out when null (a nullable struct body is unwrapped the same way).
        writer.WriteLine(body.IsRequired ? Content(body.ParameterName) : "if (" + body.ParameterName + " is { } __bodyValue) " + Content("__bodyValue"));
    }

    private static string PartStatement(MultipartFieldModel field, string value, EmitTarget target, string context)
    {
        var name = Literals.String(field.WireName);
        return field.Kind switch
        {
            MultipartFieldKind.File => KnownTypes.MultipartBody + ".AddFile(__content, " + name + ", " + value + ");",
            MultipartFieldKind.Files => "foreach (var __file in " + value + ") " + KnownTypes.MultipartBody + ".AddFile(__content, " + name + ", __file);",
            MultipartFieldKind.Json => KnownTypes.MultipartBody + ".AddJson(__content, " + name + ", " + value + ", " + context + "." + field.TypeInfoProperty + ");",
            _ when field.Type.Kind == TypeKind.Array => "foreach (var __item in " + value + ") " + KnownTypes.MultipartBody + ".AddField(__content, " + name + ", " + ParameterCode.Format(field.Type.Element!, target, "__item") + ");",
            _ => KnownTypes.MultipartBody + ".AddField(__content, " + name + ", " + ParameterCode.Format(field.Type, target, value) + ");",
        };
    }

    /// <summary>
    /// Scalars and exploded form lists keep the plain <c>AppendQuery</c> calls; deepObject lists of objects are
    /// flattened from their JSON; other lists, objects and styles go through <c>ParameterStyles</c>.
    /// </summary>
    private static string QueryStatement(ParameterModel parameter, string value, EmitTarget target, string context)
    {
        var name = Literals.String(parameter.WireName);
        if (IsScalar(parameter.Type))
        {
            return KnownTypes.ContractsHttp + ".AppendQuery(__uri, " + name + ", " + ParameterCode.Format(parameter.Type, target, value) + ");";
        }

        if (parameter.Type.Kind == TypeKind.Array && parameter.Style == ParameterStyle.Form && parameter.Explode)
        {
            return "foreach (var __item in " + value + ") " + KnownTypes.ContractsHttp + ".AppendQuery(__uri, " + name + ", " + ParameterCode.Format(parameter.Type.Element!, target, "__item") + ");";
        }

        if (parameter.IsDeepObjectList)
        {
            return KnownTypes.ParameterStyles + ".AppendDeepObject(__uri, " + name + ", " + value + ", " + context + "." + parameter.TypeInfoProperty + ");";
        }

        return KnownTypes.ParameterStyles + ".AppendQuery(__uri, " + name + ", " + Value(parameter, value, target, context) + ", " + Style(parameter.Style) + ", " + Bool(parameter.Explode) + ");";
    }

    /// <summary>The <c>ParameterValue</c> of a parameter: a formatted scalar, a list of formatted items, or an object's members.</summary>
    private static string Value(ParameterModel parameter, string value, EmitTarget target, string context) => parameter.Type.Kind switch
    {
        TypeKind.Object or TypeKind.Map or TypeKind.Union or TypeKind.External => KnownTypes.ParameterValue + ".Object(" + value + ", " + context + "." + parameter.TypeInfoProperty + ")",
        TypeKind.Any => KnownTypes.ParameterValue + ".FromJson(" + value + ")",
        TypeKind.Array => KnownTypes.ParameterValue + ".List(global::System.Linq.Enumerable.Select(" + value + ", static item => " + ParameterCode.Format(parameter.Type.Element!, target, "item") + "))",
        _ => KnownTypes.ParameterValue + ".Of(" + ParameterCode.Format(parameter.Type, target, value) + ")",
    };

    // A union is spelled from its JSON (a string, a number or an object's members), whichever case it holds.
    private static bool IsScalar(TypeRef type) => type.Kind is not (TypeKind.Array or TypeKind.Object or TypeKind.Map or TypeKind.Any or TypeKind.Union or TypeKind.External);

    private static string Style(ParameterStyle style) => KnownTypes.ParameterStyle + "." + style;

    private static string Bool(bool value) => value ? "true" : "false";

    private static void WriteNullCheck(SourceWriter writer, string name) =>
        writer.WriteLine("if (" + name + " is null) throw new " + KnownTypes.ArgumentNullException + "(nameof(" + name + "));");

    /// <summary>Writes a statement for a value, guarded by a null check when it is optional.</summary>
    private static void WriteGuarded(SourceWriter writer, string parameterName, bool isRequired, Func<string, string> statement)
    {
        if (isRequired)
        {
            writer.WriteLine(statement(parameterName));
            return;
        }

        var local = "__" + parameterName.TrimStart('@') + "Value";
        writer.OpenBlock("if (" + parameterName + " is { } " + local + ")");
        writer.WriteLine(statement(local));
        writer.CloseBlock();
    }

    /// <summary>The path as a string expression: literal text with each <c>{name}</c> replaced by its escaped parameter.</summary>
    private static string PathExpression(OperationModel operation, EmitTarget target, string context)
    {
        var parts = new List<string>();
        var path = operation.PathTemplate;
        var index = 0;
        while (index < path.Length)
        {
            var open = path.IndexOf('{', index);
            var close = open < 0 ? -1 : path.IndexOf('}', open);
            var parameter = close < 0 ? null : operation.Parameters.FirstOrDefault(p => p.Location == ParameterLocation.Path && p.WireName == path.Substring(open + 1, close - open - 1));
            if (parameter is null)
            {
                var next = close < 0 ? path.Length : close + 1;
                parts.Add(Literals.String(path.Substring(index, next - index)));
                index = next;
                continue;
            }

            if (open > index)
            {
                parts.Add(Literals.String(path.Substring(index, open - index)));
            }

            parts.Add(IsScalar(parameter.Type) && parameter.Style == ParameterStyle.Simple
                ? KnownTypes.ContractsHttp + ".EscapePathSegment(" + ParameterCode.Format(parameter.Type, target, parameter.ParameterName) + ", " + Literals.String(parameter.WireName) + ")"
                : KnownTypes.ParameterStyles + ".Path(" + Literals.String(parameter.WireName) + ", " + Value(parameter, parameter.ParameterName, target, context) + ", " + Style(parameter.Style) + ", " + Bool(parameter.Explode) + ")");
            index = close + 1;
        }

        return parts.Count == 0 ? "\"/\"" : string.Join(" + ", parts);
    }

    private static string Signature(OperationModel operation, EmitTarget target)
    {
        var response = operation.Response;
        var result = response.Kind switch
        {
            ResponseKind.None => KnownTypes.Task,
            ResponseKind.Text => KnownTypes.Task + "<string>",
            ResponseKind.Stream => KnownTypes.Task + "<" + KnownTypes.Stream + ">",
            _ => KnownTypes.Task + "<" + TypeNames.Of(response.Type!, target, nullable: response.AllowsEmpty && !response.Type!.IsValueType) + ">",
        };
        if (operation.MethodParameters.IsEmpty)
        {
            throw new InvalidOperationException("The method's parameters are decided by the MethodSignatures pass, which has not run on this model.");
        }

        var parameters = operation.MethodParameters.Select(parameter => Declaration(operation, parameter, target));
        return result + " " + operation.MethodName + "(" + string.Join(", ", parameters) + ")";
    }

    /// <summary>A parameter as the method declares it: its type, its name and, when optional, its default.</summary>
    private static string Declaration(OperationModel operation, MethodParameterModel parameter, EmitTarget target)
    {
        var name = parameter.Name;
        switch (parameter.Source)
        {
            case MethodParameterSource.Parameter:
                var type = operation.Parameters[parameter.Index].Type;
                return parameter.IsRequired ? TypeNames.Of(type, target) + " " + name : TypeNames.Of(type, target, nullable: true) + " " + name + " = null";
            case MethodParameterSource.Body:
                return Declared(BodyType(operation.Body!, target), name, parameter.IsRequired);
            case MethodParameterSource.Field:
                return Declared(FieldType(operation.Body!.Fields[parameter.Index], target), name, parameter.IsRequired);
            case MethodParameterSource.CancellationToken:
                return KnownTypes.CancellationToken + " " + name + " = default";
            default:
                return KnownTypes.RequestOptions + "? " + name + " = null";
        }

        static string Declared(string type, string name, bool required) => required ? type + " " + name : type + "? " + name + " = null";
    }

    /// <summary>Whether the method throws <c>ArgumentNullException</c> for a null <paramref name="parameter"/>: every required reference.</summary>
    private static bool IsNullChecked(OperationModel operation, MethodParameterModel parameter) => parameter.Source switch
    {
        MethodParameterSource.Parameter => !operation.Parameters[parameter.Index].Type.IsValueType,
        MethodParameterSource.Body => !operation.Body!.Type.IsValueType || operation.Body.Kind != BodyKind.Json,
        MethodParameterSource.Field => operation.Body!.Fields[parameter.Index] is var field
            && (field.Kind is MultipartFieldKind.File or MultipartFieldKind.Files || !field.Type.IsValueType),
        _ => false,
    };

    private static string BodyType(RequestBodyModel body, EmitTarget target) => body.Kind switch
    {
        BodyKind.Text => "string",
        BodyKind.Binary => KnownTypes.Stream,
        _ => TypeNames.Of(body.Type, target),
    };

    private static string FieldType(MultipartFieldModel field, EmitTarget target) => field.Kind switch
    {
        MultipartFieldKind.File => KnownTypes.FilePart,
        MultipartFieldKind.Files => KnownTypes.IEnumerable + "<" + KnownTypes.FilePart + ">",
        _ => TypeNames.Of(field.Type, target),
    };

    private static void WriteMethodDocs(SourceWriter writer, OperationModel operation)
    {
        XmlDocs.Summary(writer, operation.Summary ?? operation.Description, "Calls " + operation.OperationId + ".");
        if (operation.Summary is not null)
        {
            XmlDocs.Block(writer, "remarks", operation.Description);
        }

        WriteParameterDocs(writer, operation);
        if (operation.Response.Kind == ResponseKind.EventStream)
        {
            XmlDocs.Block(writer, "returns", operation.Response.Description, StreamReturns);
        }
        else if (operation.Response.Kind != ResponseKind.None)
        {
            var fallback = operation.Response.Kind == ResponseKind.Stream ? "The response body, read from the connection as it arrives; dispose it to release the connection." : "The result.";
            XmlDocs.Block(writer, "returns", operation.Response.Description, fallback);
        }

        writer.WriteLine("/// <exception cref=\"global::Contracts.Runtime.ApiException\">The service answered with an error, or with a body that cannot be read.</exception>");
    }

    /// <summary>The <c>param</c> docs of the method's parameters, in the order of the signature.</summary>
    private static void WriteParameterDocs(SourceWriter writer, OperationModel operation)
    {
        foreach (var parameter in operation.Parameters)
        {
            XmlDocs.Param(writer, parameter.ParameterName, parameter.Description ?? "The " + parameter.Location.ToString().ToLowerInvariant() + " parameter '" + parameter.WireName + "'.");
        }

        // Then the rest of the signature, in its order.
        foreach (var parameter in operation.MethodParameters.Where(p => p.Source is MethodParameterSource.Body or MethodParameterSource.Field))
        {
            if (parameter.Source == MethodParameterSource.Body)
            {
                var body = operation.Body!;
                XmlDocs.Param(writer, parameter.Name, body.Description ?? (body.Kind == BodyKind.Binary ? "The request body (" + body.MediaType + "); read when the request is sent, not disposed." : "The request body."));
            }
            else
            {
                var field = operation.Body!.Fields[parameter.Index];
                XmlDocs.Param(writer, parameter.Name, field.Description ?? "The '" + field.WireName + "' part of the multipart body.");
            }
        }

        XmlDocs.Param(writer, operation.CancellationTokenName, "Cancels the call.");
        XmlDocs.Param(writer, operation.RequestOptionsName, "Settings for this call only (the response size cap); they take precedence over the client's options.");
    }
}
