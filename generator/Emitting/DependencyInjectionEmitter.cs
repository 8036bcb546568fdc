using System.Linq;
using Contracts.Generator.Model;

namespace Contracts.Generator.Emitting;

/// <summary>
/// Prints <c>services.Add&lt;Client&gt;(…)</c>: the client as a typed <c>HttpClient</c> from <c>IHttpClientFactory</c>,
/// its options from code or configuration. Emitted only when the project references Microsoft.Extensions.Http.
/// </summary>
internal static class DependencyInjectionEmitter
{
    private const string ServiceCollection = "global::Microsoft.Extensions.DependencyInjection.IServiceCollection";
    private const string HttpClientBuilder = "global::Microsoft.Extensions.DependencyInjection.IHttpClientBuilder";
    private const string Configuration = "global::Microsoft.Extensions.Configuration.IConfiguration";

    public static void Write(DependencyInjectionModel model, SourceWriter writer)
    {
        var client = model.Client;
        var target = client.Target;
        var options = target.OptionsName;
        FileHeader.Write(writer);
        FileHeader.OpenNamespace(writer, target);
        writer.WriteLine("/// <summary>Registers <see cref=\"" + target.InterfaceName + "\"/> with the service collection.</summary>");
        writer.WriteLine(FileHeader.GeneratedCodeAttribute(target));
        writer.OpenBlock(target.Accessibility + " static partial class " + target.ServiceExtensionsName);
        writer.WriteLine($$"""
            /// <summary>
            /// Adds <see cref="{{target.InterfaceName}}"/> as a typed client of <c>IHttpClientFactory</c>. The returned builder adds
            /// handlers (resilience, logging, signing) to the client's pipeline. The primary handler is a
            /// <c>SafeRedirectHandler</c>: redirects are followed without sending credentials to other hosts (replacing the
            /// primary handler gives up that policy unless the new one is a <c>SafeRedirectHandler</c> too).
            /// </summary>
            /// <param name="services">The service collection.</param>
            /// <param name="configure">Sets the client's options; they can also be configured with <c>services.Configure&lt;{{options}}&gt;</c>.</param>
            public static {{HttpClientBuilder}} Add{{target.ClientName}}(this {{ServiceCollection}} services, global::System.Action<{{options}}>? configure = null)
            {
                if (services is null) throw new {{KnownTypes.ArgumentNullException}}(nameof(services));
                var optionsBuilder = global::Microsoft.Extensions.DependencyInjection.OptionsServiceCollectionExtensions.AddOptions<{{options}}>(services);
                if (configure is not null) optionsBuilder.Configure(configure);
                var builder = global::Microsoft.Extensions.DependencyInjection.HttpClientFactoryServiceCollectionExtensions.AddHttpClient<{{target.InterfaceName}}, {{target.ClientName}}>(
                    services,
                    static (httpClient, provider) => new {{target.ClientName}}(
                        httpClient,
                        global::Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<global::Microsoft.Extensions.Options.IOptions<{{options}}>>(provider).Value));

                // The factory's default primary handler follows redirects itself, and .NET strips only Authorization on the
                // way; this one is the same HttpClientHandler with automatic redirects off, under the runtime's policy.
            """);
        writer.Indentation++;
        if (model.Client.Aws is not null)
        {
            // The AWS protocol retries itself, signing each attempt afresh: no retry handler.
            writer.WriteLine($$"""
                return global::Microsoft.Extensions.DependencyInjection.HttpClientBuilderExtensions.ConfigurePrimaryHttpMessageHandler(
                    builder, static () => new {{KnownTypes.SafeRedirectHandler}}());
                """);
        }
        else
        {
            writer.WriteLine($$"""
                global::Microsoft.Extensions.DependencyInjection.HttpClientBuilderExtensions.ConfigurePrimaryHttpMessageHandler(
                    builder, static () => new {{KnownTypes.SafeRedirectHandler}}());

                """);
            WriteRetry(model, writer);
            writer.WriteLine("return builder;");
        }

        writer.Indentation--;
        writer.WriteLine("}");
        if (model.HasConfiguration)
        {
            writer.WriteLine();
            writer.WriteLine($$"""
                /// <summary>
                /// Adds <see cref="{{target.InterfaceName}}"/> with options read from a configuration section (for example
                /// <c>builder.Configuration.GetSection("{{target.ClientName}}")</c>): <c>BaseAddress</c>, <c>MaxResponseContentBufferSize</c>, <c>Retry:MaxAttempts</c>, <c>Retry:BaseDelay</c>, <c>Retry:MaxDelay</c>, <c>Retry:MaxRetryAfter</c>{{(client.ValidatesRequests ? ", <c>ValidateRequests</c>" : string.Empty)}}{{VariableList(client)}}{{(client.Aws is null ? string.Empty : ", <c>Credentials:AccessKeyId</c>, <c>Credentials:SecretAccessKey</c>, <c>Credentials:SessionToken</c>")}}{{SecurityList(client)}}.
                /// </summary>
                /// <param name="services">The service collection.</param>
                /// <param name="configuration">The section holding the options.</param>
                /// <param name="configure">Applied after the section, to set what configuration cannot.</param>
                public static {{HttpClientBuilder}} Add{{target.ClientName}}(this {{ServiceCollection}} services, {{Configuration}} configuration, global::System.Action<{{options}}>? configure = null)
                {
                    if (configuration is null) throw new {{KnownTypes.ArgumentNullException}}(nameof(configuration));
                    return Add{{target.ClientName}}(services, options =>
                    {
                        Bind(configuration, options);
                        configure?.Invoke(options);
                    });
                }

                // Read member by member: the configuration binder would need reflection (or its own generator).
                private static void Bind({{Configuration}} configuration, {{options}} options)
                {
                    if (configuration["BaseAddress"] is { Length: > 0 } baseAddress)
                    {
                        options.BaseAddress = new {{KnownTypes.Uri}}(baseAddress, global::System.UriKind.Absolute);
                    }

                    if (configuration["MaxResponseContentBufferSize"] is { Length: > 0 } maxResponseContentBufferSize)
                    {
                        options.MaxResponseContentBufferSize = long.Parse(maxResponseContentBufferSize, global::System.Globalization.NumberStyles.None, global::System.Globalization.CultureInfo.InvariantCulture);
                    }

                    options.Retry = {{KnownTypes.RetryRules}}.Bind(
                        options.Retry, configuration["Retry:MaxAttempts"], configuration["Retry:BaseDelay"], configuration["Retry:MaxDelay"], configuration["Retry:MaxRetryAfter"]);
                """);
            writer.Indentation++;
            ValidationEmitter.WriteOptionBinding(writer, client);
            if (client.Aws is not null)
            {
                // For development setups (user secrets); production should prefer the environment or a role.
                writer.WriteLine($$"""

                    if (configuration["Credentials:AccessKeyId"] is { Length: > 0 } accessKeyId
                        && configuration["Credentials:SecretAccessKey"] is { Length: > 0 } secretAccessKey)
                    {
                        options.Credentials = new global::Contracts.Runtime.Aws.StaticCredentialsProvider(
                            new global::Contracts.Runtime.Aws.AwsCredentials(accessKeyId, secretAccessKey, configuration["Credentials:SessionToken"]));
                    }
                    """);
            }

            foreach (var variable in client.Server.Variables)
            {
                writer.WriteLine();
                writer.OpenBlock("if (configuration[" + Literals.String(variable.PropertyName) + "] is { Length: > 0 } " + Local(variable) + ")");
                writer.WriteLine("options." + variable.PropertyName + " = " + Local(variable) + ";");
                writer.CloseBlock();
            }

            WriteSecurityBinding(writer, client);

            writer.CloseBlock();
        }

        writer.CloseBlock();
        FileHeader.CloseNamespace(writer);
    }

    /// <summary>
    /// The retry handler, outside the handlers a user adds to the returned builder (so signing or authentication runs
    /// again for each attempt): Microsoft.Extensions.Http.Resilience's where the project references it, else the
    /// runtime's <c>RetryHandler</c>. Both follow the runtime's <c>RetryRules</c> and the options' <c>Retry</c>.
    /// </summary>
    private static void WriteRetry(DependencyInjectionModel model, SourceWriter writer)
    {
        var options = model.Client.Target.OptionsName;
        var retryOf = "global::Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<global::Microsoft.Extensions.Options.IOptions<"
            + options + ">>({0}).Value.Retry";
        if (!model.HasResilience)
        {
            writer.WriteLine($$"""
                // Retries 408, 429, 5xx and transport errors of calls that can be sent twice, after Retry-After or a jittered backoff.
                global::Microsoft.Extensions.DependencyInjection.HttpClientBuilderExtensions.AddHttpMessageHandler(
                    builder, static provider => new {{KnownTypes.RetryHandler}}(
                        {{string.Format(retryOf, "provider")}}));
                """);
            return;
        }

        writer.WriteLine($$"""
            // Retries 408, 429, 5xx and transport errors of calls that can be sent twice, after Retry-After or a jittered
            // backoff, through Microsoft.Extensions.Http.Resilience, with the rules and the policy RetryHandler would use.
            // GetRequestMessage is marked experimental (EXTEXP0001); the rules need the request (its method, its
            // Idempotency-Key, its body) also when the attempt ended in an exception, which is the one way to reach it.
            #pragma warning disable EXTEXP0001
            global::Microsoft.Extensions.DependencyInjection.ResilienceHttpClientBuilderExtensions.AddResilienceHandler(
                builder, {{Literals.String(model.Client.Target.ClientName + "-retry")}}, static (pipeline, context) =>
                {
                    var retry = {{string.Format(retryOf, "context.ServiceProvider")}} ?? {{KnownTypes.RetryPolicy}}.Default;
                    pipeline.TimeProvider = retry.TimeProvider;
                    global::Polly.RetryResiliencePipelineBuilderExtensions.AddRetry(pipeline, new global::Polly.Retry.RetryStrategyOptions<{{KnownTypes.HttpResponseMessage}}>
                    {
                        // The policy (the client's, or a call's own) counts the attempts.
                        MaxRetryAttempts = int.MaxValue,
                        ShouldHandle = args => new global::System.Threading.Tasks.ValueTask<bool>({{KnownTypes.RetryRules}}.ShouldRetry(
                            retry, global::Polly.HttpResilienceContextExtensions.GetRequestMessage(args.Context), args.Outcome.Result, args.Outcome.Exception, args.AttemptNumber + 1, args.Context.CancellationToken)),
                        DelayGenerator = args => new global::System.Threading.Tasks.ValueTask<global::System.TimeSpan?>({{KnownTypes.RetryRules}}.DelayBefore(
                            retry, global::Polly.HttpResilienceContextExtensions.GetRequestMessage(args.Context), args.Outcome.Result, args.AttemptNumber + 1)),
                    });
                });
            #pragma warning restore EXTEXP0001
            """);
    }

    private static string VariableList(ClientModel client)
    {
        var text = string.Empty;
        foreach (var variable in client.Server.Variables)
        {
            text += ", <c>" + variable.PropertyName + "</c>";
        }

        return text;
    }

    private static string Local(ServerVariableModel variable) => "value" + variable.PropertyName;

    /// <summary>The configuration keys of each scheme's credential, for the method's documentation.</summary>
    private static string SecurityList(ClientModel client)
    {
        var text = string.Empty;
        foreach (var scheme in client.Security?.Schemes ?? default)
        {
            if (scheme.PropertyName is { } property)
            {
                text += ", " + string.Join(", ", CredentialKeys(scheme.Kind).Select(key => "<c>" + property + ":" + key + "</c>"));
            }
        }

        return text;
    }

    /// <summary>The members of each credential type that configuration sets (the others, such as providers, are code).</summary>
    private static string[] CredentialKeys(SecuritySchemeKind kind) => kind switch
    {
        SecuritySchemeKind.ApiKey => new[] { "Key" },
        SecuritySchemeKind.Bearer => new[] { "Token" },
        SecuritySchemeKind.Basic => new[] { "UserName", "Password" },
        SecuritySchemeKind.Authorization => new[] { "Value" },
        _ => new[] { "ClientId", "ClientSecret", "Scopes", "TokenEndpoint" },
    };

    /// <summary>
    /// Each scheme's credential read member by member from its section (named after the option): the credential is
    /// created when the section sets one of its members, so an empty section leaves the scheme unconfigured.
    /// </summary>
    private static void WriteSecurityBinding(SourceWriter writer, ClientModel client)
    {
        foreach (var scheme in client.Security?.Schemes ?? default)
        {
            if (scheme.PropertyName is not { } property)
            {
                continue;
            }

            var section = "section" + property;
            var credential = "(options." + property + " ??= new())";
            writer.WriteLine();
            writer.WriteLine("var " + section + " = configuration.GetSection(" + Literals.String(property) + ");");
            foreach (var key in CredentialKeys(scheme.Kind))
            {
                var local = "credential" + property + key;
                if (key == "Scopes")
                {
                    writer.OpenBlock("foreach (var scope" + property + " in " + section + ".GetSection(\"Scopes\").GetChildren())");
                    writer.OpenBlock("if (scope" + property + ".Value is { Length: > 0 } " + local + ")");
                    writer.WriteLine(credential + ".Scopes.Add(" + local + ");");
                    writer.CloseBlock();
                    writer.CloseBlock();
                    continue;
                }

                writer.OpenBlock("if (" + section + "[" + Literals.String(key) + "] is { Length: > 0 } " + local + ")");
                writer.WriteLine(credential + "." + key + " = " + (key == "TokenEndpoint" ? "new " + KnownTypes.Uri + "(" + local + ", global::System.UriKind.Absolute)" : local) + ";");
                writer.CloseBlock();
            }
        }
    }
}
