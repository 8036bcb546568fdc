using System.Collections.Generic;
using System.Linq;
using Contracts.Generator.Model;

namespace Contracts.Generator.Emitting;

/// <summary>
/// Prints the client interface, its options and the client class. Each method builds the request and hands it to
/// <c>Contracts.Runtime</c>, which sends it and maps the response; the generated code stays thin.
/// </summary>
internal static class ClientEmitter
{
    public static string Emit(ClientModel client)
    {
        var target = client.Target;
        var writer = FileHeader.Open(target);
        WriteInterface(writer, client);
        writer.WriteLine();
        WriteOptions(writer, client);
        writer.WriteLine();
        WriteClient(writer, client);
        return FileHeader.Close(writer);
    }

    private static void WriteInterface(SourceWriter writer, ClientModel client)
    {
        var target = client.Target;
        XmlDocs.Summary(writer, client.Description ?? client.Title, "The operations of the OpenAPI document.");
        writer.WriteLine(FileHeader.GeneratedCodeAttribute(target));
        writer.OpenBlock(target.Accessibility + " partial interface " + target.InterfaceName);
        var first = true;
        foreach (var operation in client.Operations)
        {
            if (!first)
            {
                writer.WriteLine();
            }

            first = false;
            WriteMethodDocs(writer, operation);
            WriteObsolete(writer, operation);
            writer.WriteLine(Signature(operation, target) + ";");
        }

        writer.CloseBlock();
    }

    private static void WriteOptions(SourceWriter writer, ClientModel client)
    {
        var target = client.Target;
        var server = client.Server;
        writer.WriteLine("/// <summary>Options of <see cref=\"" + target.ClientName + "\"/>.</summary>");
        writer.WriteLine(FileHeader.GeneratedCodeAttribute(target));
        writer.OpenBlock(target.Accessibility + " sealed partial class " + target.OptionsName);
        writer.WriteLine("""
            /// <summary>
            /// The address requests are sent to. When null, the <c>HttpClient</c>'s own <c>BaseAddress</c> is used, else the
            /// server URL of the OpenAPI document.
            /// </summary>
            public global::System.Uri? BaseAddress { get; set; }
            """);
        foreach (var variable in server.Variables)
        {
            writer.WriteLine();
            writer.WriteLine("/// <summary>");
            foreach (var line in XmlDocs.Convert(variable.Description ?? "The '" + variable.Name + "' variable of the server URL."))
            {
                writer.WriteLine("/// " + line);
            }

            writer.WriteLine("/// <para>Default: <c>" + XmlDocs.Text(variable.DefaultValue) + "</c>." + (variable.AllowedValues.IsEmpty ? string.Empty
                : " Known values: " + string.Join(", ", variable.AllowedValues.Select(v => "<c>" + XmlDocs.Text(v) + "</c>")) + ".") + "</para>");
            writer.WriteLine("/// </summary>");
            writer.WriteLine("public string " + variable.PropertyName + " { get; set; } = " + Literals.String(variable.DefaultValue) + ";");
        }

        if (client.Aws is not null)
        {
            writer.WriteLine($$"""

                /// <summary>
                /// Supplies the credentials that sign each request (SigV4). When null, they come from the environment variables
                /// <c>AWS_ACCESS_KEY_ID</c>, <c>AWS_SECRET_ACCESS_KEY</c> and <c>AWS_SESSION_TOKEN</c>.
                /// </summary>
                public {{KnownTypes.AwsCredentialsProvider}}? Credentials { get; set; }

                /// <summary>How throttled and failed calls are retried. When null, <c>RetryPolicy.Default</c>: three attempts with jittered backoff.</summary>
                public {{KnownTypes.RetryPolicy}}? Retry { get; set; }
                """);
        }

        writer.WriteLine();
        writer.WriteLine("/// <summary>The document's server URL with this instance's variables filled in.</summary>");
        var arguments = string.Concat(server.Variables.Select(v => ", (" + Literals.String(v.Name) + ", " + v.PropertyName + ")"));
        writer.WriteLine("internal string ServerUrl => " + KnownTypes.ContractsHttp + ".ExpandServerUrl(" + Literals.String(server.UrlTemplate) + arguments + ");");
        writer.CloseBlock();
    }

    private static void WriteClient(SourceWriter writer, ClientModel client)
    {
        var target = client.Target;
        var context = "global::" + target.Namespace + "." + target.ContextName + ".Default";
        XmlDocs.Summary(writer, client.Description ?? client.Title, "The operations of the OpenAPI document.");
        writer.WriteLine(FileHeader.GeneratedCodeAttribute(target));
        writer.OpenBlock(target.Accessibility + " sealed partial class " + target.ClientName + " : " + target.InterfaceName);
        foreach (var envelope in client.Envelopes)
        {
            var errorType = TypeNames.Of(envelope.ErrorType, target);
            string Getter(string? member) => member is null ? "static error => null" : "static error => error." + member;
            writer.WriteLine("private static readonly " + KnownTypes.EnvelopeShape + "<" + errorType + "> " + envelope.FieldName + " = new(");
            writer.Indentation++;
            writer.WriteLine(Literals.String(envelope.SuccessProperty) + ", " + Literals.String(envelope.DataProperty) + ", " + Literals.String(envelope.ErrorProperty) + ",");
            writer.WriteLine(context + "." + envelope.ErrorTypeInfoProperty + ",");
            writer.WriteLine(Getter(envelope.ErrorCodeMember) + ",");
            writer.WriteLine(Getter(envelope.ErrorMessageMember) + ");");
            writer.Indentation--;
            writer.WriteLine();
        }

        if (client.Aws is { } aws)
        {
            WriteAwsErrorMapper(writer, client, aws, context);
        }

        writer.WriteLine($$"""
            private readonly {{KnownTypes.HttpClient}} _httpClient;
            private readonly {{KnownTypes.Uri}} _baseAddress;

            /// <summary>Creates a client that sends its requests through <paramref name="httpClient"/>.</summary>
            /// <param name="httpClient">The HTTP client; its handlers (signing, retries, logging) apply to every call.</param>
            /// <param name="options">The base address and server variables; defaults when null.</param>
            public {{target.ClientName}}({{KnownTypes.HttpClient}} httpClient, {{target.OptionsName}}? options = null)
            {
                _httpClient = httpClient ?? throw new {{KnownTypes.ArgumentNullException}}(nameof(httpClient));
                options ??= new {{target.OptionsName}}();
                _baseAddress = {{KnownTypes.ContractsHttp}}.ResolveBaseAddress(options.BaseAddress, httpClient, options.ServerUrl);{{AwsSettingsInitializer(client)}}
            }
            """);
        foreach (var operation in client.Operations)
        {
            writer.WriteLine();
            WriteMethod(writer, operation, target, context, client.Aws is not null);
        }

        writer.CloseBlock();
    }

    /// <summary>For AWS clients: the field holding signing, retry and error-mapping settings, and its initialisation.</summary>
    private static string AwsSettingsInitializer(ClientModel client)
    {
        if (client.Aws is not { } aws)
        {
            return string.Empty;
        }

        var region = aws.RegionVariable is { } variable
            ? "options." + variable
            : KnownTypes.AwsEndpoint + ".RegionFromHost(_baseAddress) ?? \"us-east-1\"";
        return "\n    _aws = new " + KnownTypes.AwsClientSettings + "(options.Credentials ?? new " + KnownTypes.AwsEnvironmentCredentials + "(), " + region + ", "
            + Literals.String(aws.SigningName) + ", s_errors, options.Retry);";
    }

    private static void WriteAwsErrorMapper(SourceWriter writer, ClientModel client, AwsModel aws, string context)
    {
        var target = client.Target;
        writer.WriteLine("private static readonly ErrorMapper s_errors = new();");
        writer.WriteLine("private readonly " + KnownTypes.AwsClientSettings + " _aws;");
        writer.WriteLine();
        writer.WriteLine("/// <summary>Maps the error types the description declares to their exceptions.</summary>");
        writer.OpenBlock("private sealed class ErrorMapper : " + KnownTypes.AwsErrorMapper);
        writer.OpenBlock("public override " + KnownTypes.AwsServiceException + " Map(" + KnownTypes.AwsErrorInfo + " error) => error.ErrorType switch");
        foreach (var error in aws.Errors)
        {
            var details = error.Details is null ? string.Empty : ", ReadDetails(error, " + context + "." + error.DetailsTypeInfoProperty + ")";
            writer.WriteLine(Literals.String(error.ErrorType) + " => new global::" + target.Namespace + "." + error.ExceptionName + "(error" + details + "),");
        }

        writer.WriteLine("_ => new global::" + target.Namespace + "." + aws.ServiceExceptionName + "(error),");
        writer.CloseBlock(";");
        writer.CloseBlock();
        writer.WriteLine();
    }

    private static void WriteMethod(SourceWriter writer, OperationModel operation, EmitTarget target, string context, bool aws)
    {
        writer.WriteLine("/// <inheritdoc/>");
        WriteObsolete(writer, operation);
        writer.OpenBlock("public async " + Signature(operation, target));
        foreach (var parameter in Ordered(operation).Where(p => p.IsRequired && !p.Type.IsValueType))
        {
            writer.WriteLine("if (" + parameter.ParameterName + " is null) throw new " + KnownTypes.ArgumentNullException + "(nameof(" + parameter.ParameterName + "));");
        }

        if (operation.Body is { IsRequired: true } requiredBody && !requiredBody.Type.IsValueType)
        {
            writer.WriteLine("if (" + requiredBody.ParameterName + " is null) throw new " + KnownTypes.ArgumentNullException + "(nameof(" + requiredBody.ParameterName + "));");
        }

        var hasQuery = operation.Parameters.Any(p => p.Location == ParameterLocation.Query);
        writer.WriteLine(hasQuery
            ? "var __uri = new " + KnownTypes.StringBuilder + "(" + PathExpression(operation, target) + ");"
            : "var __uri = " + PathExpression(operation, target) + ";");
        foreach (var parameter in operation.Parameters.Where(p => p.Location == ParameterLocation.Query))
        {
            WriteGuarded(writer, parameter, target, value => parameter.Type.Kind == TypeKind.Array
                ? "foreach (var __item in " + value + ") " + KnownTypes.ContractsHttp + ".AppendQuery(__uri, " + Literals.String(parameter.WireName) + ", " + ParameterCode.Format(parameter.Type.Element!, target, "__item") + ");"
                : KnownTypes.ContractsHttp + ".AppendQuery(__uri, " + Literals.String(parameter.WireName) + ", " + ParameterCode.Format(parameter.Type, target, value) + ");");
        }

        var create = KnownTypes.ContractsHttp + ".CreateRequest(" + HttpMethod(operation.HttpMethod) + ", _baseAddress, __uri" + (hasQuery ? ".ToString()" : string.Empty) + ");";
        if (aws)
        {
            // Every attempt (retries included) sends a fresh, freshly signed request.
            writer.OpenBlock(KnownTypes.HttpRequestMessage + " __CreateRequest()");
            writer.WriteLine("var __request = " + create);
        }
        else
        {
            writer.WriteLine("using var __request = " + create);
        }

        foreach (var header in operation.ConstantHeaders)
        {
            writer.WriteLine(KnownTypes.ContractsHttp + ".AddHeader(__request, " + Literals.String(header.Name) + ", " + Literals.String(header.Value) + ");");
        }

        foreach (var parameter in operation.Parameters.Where(p => p.Location == ParameterLocation.Header))
        {
            WriteGuarded(writer, parameter, target, value =>
                KnownTypes.ContractsHttp + ".AddHeader(__request, " + Literals.String(parameter.WireName) + ", " + ParameterCode.Format(parameter.Type, target, value) + ");");
        }

        if (operation.Body is { } body)
        {
            // An optional body is left out when null (a nullable struct body is unwrapped the same way).
            string Content(string value) => "__request.Content = " + KnownTypes.ContractsHttp + ".CreateJsonContent(" + value + ", " + context + "." + body.TypeInfoProperty + ", " + Literals.String(body.MediaType) + ");";
            writer.WriteLine(body.IsRequired ? Content(body.ParameterName) : "if (" + body.ParameterName + " is { } __bodyValue) " + Content("__bodyValue"));
        }

        var response = operation.Response;
        if (aws)
        {
            writer.WriteLine("return __request;");
            writer.CloseBlock();
            writer.WriteLine();
            var call = "_httpClient, __CreateRequest, _aws, " + Literals.String(operation.OperationId) + ", " + (operation.IsIdempotent ? "true" : "false");
            writer.WriteLine(response.Kind == ResponseKind.None
                ? "await " + KnownTypes.AwsProtocol + ".SendAsync(" + call + ", " + operation.CancellationTokenName + ").ConfigureAwait(false);"
                : "return await " + KnownTypes.AwsProtocol + ".SendAsync(" + call + ", " + context + "." + response.TypeInfoProperty + ", " + operation.CancellationTokenName + ").ConfigureAwait(false);");
            writer.CloseBlock();
            return;
        }

        var common = "_httpClient, __request, " + Literals.String(operation.OperationId);
        writer.WriteLine(response.Kind switch
        {
            ResponseKind.None => "await " + KnownTypes.ContractsHttp + ".SendAsync(" + common + ", " + operation.CancellationTokenName + ").ConfigureAwait(false);",
            ResponseKind.Json => "return await " + KnownTypes.ContractsHttp + ".SendAsync(" + common + ", " + context + "." + response.TypeInfoProperty + ", " + operation.CancellationTokenName + ").ConfigureAwait(false);",
            _ => "return await " + KnownTypes.ContractsHttp + ".SendEnvelopeAsync(" + common + ", " + response.EnvelopeField + ", " + context + "." + response.TypeInfoProperty + ", " + operation.CancellationTokenName + ").ConfigureAwait(false);",
        });
        writer.CloseBlock();
    }

    /// <summary>Writes a statement for a parameter value, guarded by a null check when the parameter is optional.</summary>
    private static void WriteGuarded(SourceWriter writer, ParameterModel parameter, EmitTarget target, System.Func<string, string> statement)
    {
        if (parameter.IsRequired)
        {
            writer.WriteLine(statement(parameter.ParameterName));
            return;
        }

        var local = "__" + parameter.ParameterName.TrimStart('@') + "Value";
        writer.OpenBlock("if (" + parameter.ParameterName + " is { } " + local + ")");
        writer.WriteLine(statement(local));
        writer.CloseBlock();
    }

    /// <summary>The path as a string expression: literal text with each <c>{name}</c> replaced by its escaped parameter.</summary>
    private static string PathExpression(OperationModel operation, EmitTarget target)
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

            parts.Add(KnownTypes.ContractsHttp + ".EscapePathSegment(" + ParameterCode.Format(parameter.Type, target, parameter.ParameterName) + ")");
            index = close + 1;
        }

        return parts.Count == 0 ? "\"/\"" : string.Join(" + ", parts);
    }

    private static string Signature(OperationModel operation, EmitTarget target)
    {
        var result = operation.Response.Kind == ResponseKind.None
            ? KnownTypes.Task
            : KnownTypes.Task + "<" + TypeNames.Of(operation.Response.Type!, target) + ">";
        var parameters = new List<string>();
        foreach (var parameter in Ordered(operation).Where(p => p.IsRequired))
        {
            parameters.Add(TypeNames.Of(parameter.Type, target) + " " + parameter.ParameterName);
        }

        if (operation.Body is { } body)
        {
            parameters.Add(body.IsRequired
                ? TypeNames.Of(body.Type, target) + " " + body.ParameterName
                : TypeNames.Of(body.Type, target, nullable: true) + " " + body.ParameterName + " = null");
        }

        foreach (var parameter in Ordered(operation).Where(p => !p.IsRequired))
        {
            parameters.Add(TypeNames.Of(parameter.Type, target, nullable: true) + " " + parameter.ParameterName + " = null");
        }

        parameters.Add(KnownTypes.CancellationToken + " " + operation.CancellationTokenName + " = default");
        return result + " " + operation.MethodName + "(" + string.Join(", ", parameters) + ")";
    }

    /// <summary>Path parameters first, then query, then headers, each in document order.</summary>
    private static IEnumerable<ParameterModel> Ordered(OperationModel operation) =>
        operation.Parameters.OrderBy(p => p.Location);

    private static void WriteMethodDocs(SourceWriter writer, OperationModel operation)
    {
        XmlDocs.Summary(writer, operation.Summary ?? operation.Description, "Calls " + operation.OperationId + ".");
        if (operation.Summary is not null)
        {
            XmlDocs.Block(writer, "remarks", operation.Description);
        }

        foreach (var parameter in Ordered(operation))
        {
            XmlDocs.Param(writer, parameter.ParameterName, parameter.Description ?? "The " + parameter.Location.ToString().ToLowerInvariant() + " parameter '" + parameter.WireName + "'.");
        }

        if (operation.Body is { } body)
        {
            XmlDocs.Param(writer, body.ParameterName, body.Description ?? "The request body.");
        }

        XmlDocs.Param(writer, operation.CancellationTokenName, "Cancels the call.");
        if (operation.Response.Kind != ResponseKind.None)
        {
            XmlDocs.Block(writer, "returns", operation.Response.Description, "The result.");
        }

        writer.WriteLine("/// <exception cref=\"global::Contracts.Runtime.ApiException\">The service answered with an error, or with a body that cannot be read.</exception>");
    }

    private static void WriteObsolete(SourceWriter writer, OperationModel operation)
    {
        if (operation.IsDeprecated)
        {
            writer.WriteLine("[" + KnownTypes.Obsolete + "(\"Deprecated in the OpenAPI document.\")]");
        }
    }

    private static string HttpMethod(string method) => method switch
    {
        "GET" => KnownTypes.HttpMethod + ".Get",
        "POST" => KnownTypes.HttpMethod + ".Post",
        "PUT" => KnownTypes.HttpMethod + ".Put",
        "DELETE" => KnownTypes.HttpMethod + ".Delete",
        "HEAD" => KnownTypes.HttpMethod + ".Head",
        "OPTIONS" => KnownTypes.HttpMethod + ".Options",
        "TRACE" => KnownTypes.HttpMethod + ".Trace",
        _ => "new " + KnownTypes.HttpMethod + "(" + Literals.String(method) + ")",
    };
}
