using System.Linq;
using Contracts.Generator.Model;

namespace Contracts.Generator.Emitting;

/// <summary>
/// Prints the client interface, its options and the client class. Each method builds the request and hands it to
/// <c>Contracts.Runtime</c>, which sends it and maps the response; the generated code stays thin.
/// </summary>
internal static partial class ClientEmitter
{
    public static void Write(ClientModel client, SourceWriter writer)
    {
        var target = client.Target;
        FileHeader.Write(writer);
        FileHeader.OpenNamespace(writer, target);
        WriteInterface(writer, client);
        writer.WriteLine();
        WriteOptions(writer, client);
        writer.WriteLine();
        WriteClient(writer, client);
        WriteResponseClasses(writer, client);
        FileHeader.CloseNamespace(writer);
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
            if (operation.Response.Kind == ResponseKind.EventStream)
            {
                WriteStreamDeclaration(writer, operation, target);
                continue;
            }

            WriteMethodDocs(writer, operation);
            WriteObsolete(writer, operation);
            writer.WriteLine(Signature(operation, target) + ";");
            WriteTwinDeclaration(writer, operation, target);
            if (operation.Stream is not null)
            {
                writer.WriteLine();
                WriteStreamDeclaration(writer, operation, target);
            }

            WritePagingDeclaration(writer, operation, target);
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

            /// <summary>
            /// The most bytes of a response body a call reads into memory, counted after decompression; a longer body fails
            /// the call with an <c>ApiException</c>. When null, the <c>HttpClient</c>'s <c>MaxResponseContentBufferSize</c>
            /// applies if it was lowered, else 64 MiB. A call's <c>RequestOptions</c> can set its own. <c>Stream</c> results
            /// are read by the caller and are not capped.
            /// </summary>
            public long? MaxResponseContentBufferSize { get; set; }
            """);
        ValidationEmitter.WriteOption(writer, client);
        if (client.Aws is null)
        {
            writer.WriteLine($$"""

                /// <summary>
                /// How failed calls are retried by the generated <c>services.Add{{target.ClientName}}(…)</c> registration: 408, 429 and 5xx
                /// responses and transport errors, for idempotent calls and calls with an <c>Idempotency-Key</c>, honouring
                /// <c>Retry-After</c>. When null, <c>RetryPolicy.Default</c> (three attempts with jittered backoff);
                /// <c>RetryPolicy.None</c> turns retries off. A client given its own <c>HttpClient</c> retries only if that
                /// client has a <c>RetryHandler</c>.
                /// </summary>
                public {{KnownTypes.RetryPolicy}}? Retry { get; set; }
                """);
        }

        var awsRegion = client.Aws?.RegionVariable;
        foreach (var variable in server.Variables)
        {
            writer.WriteLine();
            writer.WriteLine("/// <summary>");
            foreach (var line in XmlDocs.Convert(variable.Description ?? "The '" + variable.Name + "' variable of the server URL."))
            {
                writer.WriteLine("/// " + line);
            }

            var knownValues = variable.AllowedValues.IsEmpty ? string.Empty
                : " Known values: " + string.Join(", ", variable.AllowedValues.Select(v => "<c>" + XmlDocs.Text(v) + "</c>")) + ".";
            if (variable.PropertyName == awsRegion)
            {
                // The AWS region is found as the AWS SDKs find it; the document's default stays the last resort, so a
                // machine with no AWS configuration still gets the region it got before.
                writer.WriteLine("/// <para>When null: <c>AWS_REGION</c>, else <c>AWS_DEFAULT_REGION</c>, else the <c>region</c> of the AWS profile, else <c>"
                    + XmlDocs.Text(variable.DefaultValue) + "</c> (<c>AwsRegion.Resolve()</c>, read once per process)." + knownValues + "</para>");
                writer.WriteLine("/// </summary>");
                writer.WriteLine("public string? " + variable.PropertyName + " { get; set; }");
                continue;
            }

            writer.WriteLine("/// <para>Default: <c>" + XmlDocs.Text(variable.DefaultValue) + "</c>." + knownValues + "</para>");
            writer.WriteLine("/// </summary>");
            writer.WriteLine("public string " + variable.PropertyName + " { get; set; } = " + Literals.String(variable.DefaultValue) + ";");
        }

        if (client.Aws is not null)
        {
            writer.WriteLine($$"""

                /// <summary>
                /// Supplies the credentials that sign each request (SigV4). When null, <c>AwsCredentialChain.Default</c> finds them
                /// as the AWS SDKs do: the environment variables (<c>AWS_ACCESS_KEY_ID</c>…), the AWS profile, web identity, the
                /// container endpoint (ECS, EKS) or the EC2 instance metadata service.
                /// </summary>
                public {{KnownTypes.AwsCredentialsProvider}}? Credentials { get; set; }

                /// <summary>How throttled and failed calls are retried. When null, <c>RetryPolicy.Default</c>: three attempts with jittered backoff.</summary>
                public {{KnownTypes.RetryPolicy}}? Retry { get; set; }
                """);
        }

        WriteSecurityOptions(writer, client);
        writer.WriteLine();
        writer.WriteLine("/// <summary>The document's server URL with this instance's variables filled in; a value the document does not allow throws.</summary>");
        if (server.Variables.IsEmpty)
        {
            writer.WriteLine("internal string ExpandServerUrl() => " + Literals.String(server.UrlTemplate) + ";");
        }
        else
        {
            writer.OpenBlock("internal string ExpandServerUrl() => " + KnownTypes.ContractsHttp + ".ExpandServerUrl(" + Literals.String(server.UrlTemplate) + ", new (string, string?, string[])[]");
            foreach (var variable in server.Variables)
            {
                var allowed = variable.AllowedValues.IsEmpty
                    ? "global::System.Array.Empty<string>()"
                    : "new[] { " + string.Join(", ", variable.AllowedValues.Select(Literals.String)) + " }";
                var value = variable.PropertyName == awsRegion ? "ResolveRegion()" : variable.PropertyName;
                writer.WriteLine("(" + Literals.String(variable.Name) + ", " + value + ", " + allowed + "),");
            }

            writer.CloseBlock(");");
        }

        if (awsRegion is not null)
        {
            var fallback = server.Variables.First(v => v.PropertyName == awsRegion).DefaultValue;
            writer.WriteLine();
            writer.WriteLine("/// <summary>The region to call and sign for: the option, else the one the environment or the AWS profile names, else the document's default.</summary>");
            writer.WriteLine("internal string ResolveRegion() => " + awsRegion + " ?? " + KnownTypes.AwsRegion + ".Resolve() ?? " + Literals.String(fallback) + ";");
        }

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

        WriteErrorResponses(writer, client, context);
        WriteEventTypeMaps(writer, client, context);
        WriteSecurityRequirements(writer, client);

        writer.WriteLine($$"""
            private readonly {{KnownTypes.HttpClient}} _httpClient;
            private readonly {{KnownTypes.Uri}} _baseAddress;
            private readonly {{KnownTypes.RequestOptions}} _requestDefaults;

            /// <summary>
            /// Creates a client that sends its requests through <paramref name="httpClient"/>. Give it an <c>HttpClient</c>
            /// whose handler is a <c>SafeRedirectHandler</c> (the generated service registration does): .NET's own redirects
            /// would carry API keys and cookies to other hosts.
            /// </summary>
            /// <param name="httpClient">The HTTP client; its handlers (signing, retries, logging) apply to every call.</param>
            /// <param name="options">The base address, server variables and response size cap; defaults when null.</param>
            /// <exception cref="global::System.ArgumentException">A server variable holds a value the document does not allow.</exception>
            public {{target.ClientName}}({{KnownTypes.HttpClient}} httpClient, {{target.OptionsName}}? options = null)
            {
                _httpClient = httpClient ?? throw new {{KnownTypes.ArgumentNullException}}(nameof(httpClient));
                options ??= new {{target.OptionsName}}();
                _baseAddress = {{KnownTypes.ContractsHttp}}.ResolveBaseAddress(options.BaseAddress, httpClient, options.ExpandServerUrl);
                _requestDefaults = new {{KnownTypes.RequestOptions}} { MaxResponseContentBufferSize = options.MaxResponseContentBufferSize{{ValidationEmitter.OptionInitializer(client)}} }{{AuthenticationSuffix(client)}};{{AwsSettingsInitializer(client)}}
            }
            """);
        foreach (var operation in client.Operations)
        {
            writer.WriteLine();
            if (operation.Response.Kind == ResponseKind.EventStream)
            {
                WriteStreamMethod(writer, operation, target, context);
                continue;
            }

            WriteMethod(writer, operation, target, context, client.Aws is not null);
            WriteTwinMethod(writer, operation, target);
            if (operation.Stream is not null)
            {
                writer.WriteLine();
                WriteStreamMethod(writer, operation, target, context);
            }

            WritePagingMethod(writer, operation, target);
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

        var region = aws.RegionVariable is not null
            ? "options.ResolveRegion()"
            : KnownTypes.AwsEndpoint + ".RegionFromHost(_baseAddress) ?? \"us-east-1\"";
        return "\n    _aws = new " + KnownTypes.AwsClientSettings + "(options.Credentials ?? " + KnownTypes.AwsCredentialChain + ".Default, " + region + ", "
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
