using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using System.Threading;
using System.Threading.Tasks;
using Contracts.Runtime.AspNetCore;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;
using Microsoft.OpenApi.YamlReader;

namespace Contracts.Testing;

/// <summary>
/// Contract tests of a generated server and client, both sides at once: serves the generated endpoints on Kestrel
/// (127.0.0.1, a port the OS chooses) with a recording handler, then calls every operation through the generated
/// client with values drawn from the document's schemas, and checks that the handler received what the client sent
/// and that the client read what the handler answered.
/// </summary>
public sealed class ContractTestKit : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Type _handlerType;
    private readonly OpenApiDocument _document;
    private readonly JsonSerializerOptions _json;
    private readonly IReadOnlyList<ContractOperation> _described;
    private readonly object _gate = new();
    private Func<MethodInfo, object?[], object?>? _answer;

    private ContractTestKit(WebApplication app, Type handlerType, OpenApiDocument document, JsonSerializerOptions json, Uri baseAddress, IReadOnlyList<ContractOperation> described)
    {
        _app = app;
        _handlerType = handlerType;
        _document = document;
        _json = json;
        BaseAddress = baseAddress;
        _described = described;
    }

    /// <summary>The address the endpoints are served at (<c>http://127.0.0.1:{port}/</c>).</summary>
    public Uri BaseAddress { get; }

    /// <summary>
    /// Serves the endpoints <paramref name="map"/> maps (the generated <c>Map…</c>), their handler
    /// <typeparamref name="THandler"/> (the generated <c>I…Handler</c>) recording each call, for the document at
    /// <paramref name="documentPath"/> whose types <paramref name="jsonContext"/> (the generated JSON context) reads and
    /// writes. Every authorization policy the endpoints name lets any caller in; <paramref name="configureServices"/>
    /// adds or replaces services.
    /// </summary>
    public static async Task<ContractTestKit> StartAsync<THandler>(
        Action<IEndpointRouteBuilder> map,
        string documentPath,
        JsonSerializerContext jsonContext,
        Action<IServiceCollection>? configureServices = null)
        where THandler : class
    {
        if (map is null) throw new ArgumentNullException(nameof(map));
        if (documentPath is null) throw new ArgumentNullException(nameof(documentPath));
        if (jsonContext is null) throw new ArgumentNullException(nameof(jsonContext));
        if (!typeof(THandler).IsInterface) throw new ArgumentException("The handler must be the generated handler interface.", nameof(THandler));

        var document = await ReadDocumentAsync(documentPath).ConfigureAwait(false);
        var json = new JsonSerializerOptions(jsonContext.Options)
        {
            TypeInfoResolver = JsonTypeInfoResolver.Combine(jsonContext, new DefaultJsonTypeInfoResolver()),
        };

        var handler = DispatchProxy.Create<THandler, RecordingHandler>();
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [], ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        builder.Services.AddAuthorization();
        builder.Services.AddSingleton<IAuthorizationPolicyProvider, AnyCallerPolicies>();
        builder.Services.AddSingleton(handler);
        configureServices?.Invoke(builder.Services);
        var app = builder.Build();
        app.UseAuthorization();
        map(app);
        await app.StartAsync().ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var described = ((IEndpointRouteBuilder)app).DataSources.SelectMany(d => d.Endpoints)
            .Select(e => e.Metadata.GetMetadata<ContractOperation>()).OfType<ContractOperation>().ToList();
        var kit = new ContractTestKit(app, typeof(THandler), document, json, new Uri(address.TrimEnd('/') + "/"), described);
        ((RecordingHandler)(object)handler).Attach(kit.Answer);
        return kit;
    }

    /// <summary>
    /// Calls every operation of the handler interface <paramref name="casesPerOperation"/> times through the client
    /// <paramref name="client"/> makes (given an <see cref="HttpClient"/> at <see cref="BaseAddress"/>), with values
    /// drawn from the document with <paramref name="seed"/>; each case answers with a declared response (a success,
    /// and, with <paramref name="declaredErrors"/>, every third case a declared error when there is one) and checks both
    /// directions. An operation the kit cannot drive, or that the document has and the endpoints do not serve, is in the
    /// report with the reason.
    /// </summary>
    public async Task<ContractTestReport> RunAsync<TClient>(Func<HttpClient, TClient> client, int seed = 0, int casesPerOperation = 5, bool declaredErrors = true, CancellationToken cancellationToken = default)
        where TClient : class
    {
        if (client is null) throw new ArgumentNullException(nameof(client));
        if (casesPerOperation < 1) throw new ArgumentOutOfRangeException(nameof(casesPerOperation), casesPerOperation, "At least one case per operation.");

        using var http = new HttpClient { BaseAddress = BaseAddress };
        var instance = client(http);
        var operations = DocumentOperations();
        var results = new List<ContractOperationResult>();
        var planned = new HashSet<string>(StringComparer.Ordinal);
        foreach (var method in _handlerType.GetMethods().OrderBy(m => m.MetadataToken))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var name = method.Name.EndsWith("Async", StringComparison.Ordinal) ? method.Name.Substring(0, method.Name.Length - 5) : method.Name;
            // Each operation draws from its own generator, so adding an operation does not change another's values.
            var operationRandom = new Random(unchecked(seed * 31 + StableHash(name)));
            var plan = OperationPlan.Build(method, name, typeof(TClient), operations, _described, declaredErrors);
            planned.Add(plan.OperationId);
            if (plan.SkipReason is not null)
            {
                results.Add(new ContractOperationResult(plan.OperationId, 0, plan.SkipReason, []));
                continue;
            }

            var mismatches = new List<ContractMismatch>();
            string? skip = null;
            var cases = 0;
            for (var number = 0; number < casesPerOperation; number++)
            {
                var outcome = await RunCaseAsync(plan, instance, number, seed, new SchemaSampler(operationRandom), cancellationToken).ConfigureAwait(false);
                if (outcome.Skip is not null)
                {
                    skip = outcome.Skip;
                    break;
                }

                cases++;
                mismatches.AddRange(outcome.Mismatches);
            }

            results.Add(new ContractOperationResult(plan.OperationId, skip is null ? cases : 0, skip, mismatches, plan.Unanswered));
        }

        foreach (var operation in operations.Values.Where(o => !planned.Contains(o.OperationId)).OrderBy(o => o.OperationId, StringComparer.Ordinal))
        {
            results.Add(new ContractOperationResult(operation.OperationId, 0, "not served: the handler interface has no method for it (the generator leaves out what it cannot serve, with CTR149)", []));
        }

        return new ContractTestReport(seed, results);
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync() => await _app.DisposeAsync().ConfigureAwait(false);

    private static int StableHash(string text)
    {
        unchecked
        {
            var hash = 17;
            foreach (var c in text)
            {
                hash = hash * 31 + c;
            }

            return hash;
        }
    }

    private static async Task<OpenApiDocument> ReadDocumentAsync(string path)
    {
        var settings = new OpenApiReaderSettings { BaseUrl = new Uri(Path.GetFullPath(path)) };
        settings.TryAddReader("yaml", new OpenApiYamlReader());
        settings.TryAddReader("yml", new OpenApiYamlReader());
        var format = path.EndsWith(".json", StringComparison.OrdinalIgnoreCase) ? "json" : "yaml";
        using var stream = File.OpenRead(path);
        var result = await OpenApiDocument.LoadAsync(stream, format, settings).ConfigureAwait(false);
        return result.Document ?? throw new InvalidDataException(
            "The OpenAPI document " + path + " could not be read: " + string.Join("; ", result.Diagnostic?.Errors.Select(e => e.Message) ?? []));
    }

    private Dictionary<string, DocumentOperation> DocumentOperations()
    {
        var operations = new Dictionary<string, DocumentOperation>(StringComparer.Ordinal);
        if (_document.Paths is null)
        {
            return operations;
        }

        foreach (var (path, item) in _document.Paths)
        {
            if (item.Operations is null)
            {
                continue;
            }

            foreach (var (_, operation) in item.Operations)
            {
                if (operation.OperationId is not { } id)
                {
                    continue;
                }

                var parameters = new List<IOpenApiParameter>();
                parameters.AddRange(operation.Parameters ?? []);
                foreach (var shared in item.Parameters ?? [])
                {
                    if (!parameters.Any(p => p.Name == shared.Name && p.In == shared.In))
                    {
                        parameters.Add(shared);
                    }
                }

                operations.TryAdd(OperationPlan.Normalize(id), new DocumentOperation(id, path, operation, parameters));
            }
        }

        return operations;
    }

    private object? Answer(MethodInfo method, object?[] arguments)
    {
        Func<MethodInfo, object?[], object?>? answer;
        lock (_gate)
        {
            answer = _answer;
        }

        if (answer is null)
        {
            throw new InvalidOperationException("The handler was called outside a contract-test case: " + method.Name);
        }

        return answer(method, arguments);
    }

    private async Task<CaseOutcome> RunCaseAsync(OperationPlan plan, object client, int number, int seed, SchemaSampler sampler, CancellationToken cancellationToken)
    {
        var mismatches = new List<ContractMismatch>();
        void Mismatch(string path, string expected, string actual) =>
            mismatches.Add(new ContractMismatch(plan.OperationId, number, seed, path, expected, actual));

        // What the client sends: each parameter drawn from its schema, read as its CLR type.
        var arguments = new object?[plan.Arguments.Count];
        for (var i = 0; i < plan.Arguments.Count; i++)
        {
            var argument = plan.Arguments[i];
            if (!argument.Required && sampler.LeaveOut())
            {
                arguments[i] = null;
                continue;
            }

            var drawn = sampler.Draw(argument.Schema, onTheWire: argument.OnTheWire);
            if (sampler.Problem is { } problem)
            {
                return new CaseOutcome(null, problem);
            }

            if (!TryRead(drawn, argument.Type, out var value, out var error))
            {
                Mismatch("received." + argument.Name, drawn?.ToJsonString() ?? "null", "not readable as " + argument.Type.Name + ": " + error);
                return new CaseOutcome(mismatches, null);
            }

            arguments[i] = value;
        }

        // What the handler answers: a declared response, its body drawn from the response's schema.
        var response = plan.ResponseFor(number);
        object? body = null;
        if (response.BodyType is not null)
        {
            var drawn = sampler.Draw(response.BodySchema);
            if (sampler.Problem is { } problem)
            {
                return new CaseOutcome(null, problem);
            }

            if (!TryRead(drawn, response.BodyType, out body, out var error))
            {
                Mismatch("read.body", drawn?.ToJsonString() ?? "null", "not readable as " + response.BodyType.Name + ": " + error);
                return new CaseOutcome(mismatches, null);
            }
        }

        // An AWS error without members carries only its message.
        var message = response.AwsErrorType is not null && response.BodyType is null ? "Drawn error " + number.ToString(System.Globalization.CultureInfo.InvariantCulture) + " of " + plan.OperationId + "." : null;
        var factoryArguments = response.Factory.GetParameters().Length switch
        {
            0 => [],
            1 when message is not null => [message],
            1 when response.BodyType is null => [response.StatusCode],
            1 => [body],
            _ => new object?[] { response.StatusCode, body },
        };
        var result = response.Factory.Invoke(null, factoryArguments);
        var answered = plan.Answer(result);

        RecordedCall? recorded = null;
        lock (_gate)
        {
            _answer = (method, received) =>
            {
                if (method != plan.HandlerMethod)
                {
                    throw new InvalidOperationException($"The endpoint of {plan.OperationId} called {method.Name}.");
                }

                recorded = new RecordedCall(method, received, default);
                return answered;
            };
        }

        object? read = null;
        Exception? failure = null;
        try
        {
            var call = plan.ClientArguments(arguments, cancellationToken);
            var task = (Task)plan.ClientMethod.Invoke(client, call)!;
            await task.ConfigureAwait(false);
            read = task.GetType().GetProperty("Result")?.GetValue(task);
        }
        catch (Exception exception)
        {
            failure = exception is TargetInvocationException { InnerException: { } inner } ? inner : exception;
        }
        finally
        {
            lock (_gate)
            {
                _answer = null;
            }
        }

        // The request: what the handler received equals what the client sent, parameter by parameter.
        if (recorded is null)
        {
            Mismatch("received", "the handler called", "not called" + (failure is null ? "" : " (" + Describe(failure) + ")"));
            return new CaseOutcome(mismatches, null);
        }

        for (var i = 0; i < plan.Arguments.Count; i++)
        {
            var argument = plan.Arguments[i];
            var sent = Write(arguments[i], argument.Type);
            var received = Write(recorded.Arguments[argument.HandlerIndex], argument.Type);
            if (JsonAgreement.FirstDifference(sent, received, "received." + argument.Name) is { } difference)
            {
                Mismatch(difference.Path, difference.Expected, difference.Actual);
            }
        }

        // The response: what the client read equals what the handler returned.
        var expectedBody = response.BodyType is null ? null : Write(body, response.BodyType);
        if (response.IsSuccess)
        {
            if (failure is not null)
            {
                Mismatch("read", $"status {response.StatusCode}" + (expectedBody is null ? "" : " " + expectedBody.ToJsonString()), Describe(failure));
                return new CaseOutcome(mismatches, null);
            }

            var status = (int?)(read?.GetType().GetProperty("StatusCode")?.GetValue(read) as HttpStatusCode?);
            if (status != response.StatusCode)
            {
                Mismatch("read.status", response.StatusCode.ToString(System.Globalization.CultureInfo.InvariantCulture), status?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none");
            }

            if (response.BodyType is not null)
            {
                var valueProperty = read?.GetType().GetProperty("Value");
                var value = valueProperty?.GetValue(read);
                var actual = valueProperty is null ? null : Write(value, valueProperty.PropertyType);
                if (JsonAgreement.FirstDifference(expectedBody, actual, "read.body") is { } difference)
                {
                    Mismatch(difference.Path, difference.Expected, difference.Actual);
                }
            }
        }
        else
        {
            if (failure is not Contracts.Runtime.ApiException apiException)
            {
                Mismatch("read", $"an error with status {response.StatusCode}", failure is null ? "a success: " + Describe(read) : Describe(failure));
                return new CaseOutcome(mismatches, null);
            }

            if ((int)apiException.StatusCode != response.StatusCode)
            {
                Mismatch("read.status", response.StatusCode.ToString(System.Globalization.CultureInfo.InvariantCulture), ((int)apiException.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture));
            }

            if (response.AwsErrorType is { } errorType)
            {
                // The client tells AWS errors apart by their type, and throws the exception named after it.
                if (failure is not Contracts.Runtime.Aws.AwsServiceException awsException || awsException.ErrorType != errorType)
                {
                    Mismatch("read.errorType", errorType, Describe(failure));
                }
                else if (message is not null && apiException.ErrorMessage != message)
                {
                    Mismatch("read.message", message, apiException.ErrorMessage ?? "null");
                }
                else if (response.BodyType is not null)
                {
                    var detailsProperty = failure.GetType().GetProperty("Details");
                    var actual = detailsProperty is null ? null : Write(detailsProperty.GetValue(failure), detailsProperty.PropertyType);
                    if (JsonAgreement.FirstDifference(expectedBody, actual, "read.body") is { } difference)
                    {
                        Mismatch(difference.Path, difference.Expected, difference.Actual);
                    }
                }
            }
            else if (response.BodyType is not null)
            {
                var errorProperty = apiException.GetType().GetProperty("Error");
                if (errorProperty is null)
                {
                    Mismatch("read.body", expectedBody?.ToJsonString() ?? "null", "an untyped error: " + apiException.Message);
                }
                else
                {
                    var actual = Write(errorProperty.GetValue(apiException), errorProperty.PropertyType);
                    if (JsonAgreement.FirstDifference(expectedBody, actual, "read.body") is { } difference)
                    {
                        Mismatch(difference.Path, difference.Expected, difference.Actual);
                    }
                }
            }
        }

        return new CaseOutcome(mismatches, null);
    }

    private bool TryRead(JsonNode? drawn, Type type, out object? value, out string? error)
    {
        try
        {
            value = drawn is null ? null : drawn.Deserialize(type, _json);
            error = null;
            return true;
        }
        catch (Exception exception) when (exception is JsonException or NotSupportedException or InvalidOperationException or ArgumentException or FormatException)
        {
            value = null;
            error = exception.Message;
            return false;
        }
    }

    private JsonNode? Write(object? value, Type type)
    {
        if (value is null)
        {
            return null;
        }

        try
        {
            return JsonSerializer.SerializeToNode(value, type, _json);
        }
        catch (Exception exception) when (exception is JsonException or NotSupportedException or InvalidOperationException)
        {
            return JsonValue.Create("(not writable as JSON: " + exception.Message + ")");
        }
    }

    private static string Describe(object? value) => value switch
    {
        null => "null",
        Exception exception => exception.GetType().Name + ": " + exception.Message,
        _ => value.ToString() ?? value.GetType().Name,
    };

    private sealed record CaseOutcome(IReadOnlyList<ContractMismatch>? Mismatches, string? Skip)
    {
        public IReadOnlyList<ContractMismatch> Mismatches { get; } = Mismatches ?? [];
    }
}
