using System;
using System.Buffers;
using System.Linq;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Lightsail.Demo;

/// <summary>
/// A tiny in-process stand-in for the Lightsail endpoint: it answers <c>GetBucketAccessKeys</c> (AWS JSON 1.1 style,
/// <c>POST /</c> with an <c>X-Amz-Target</c> header) with the envelope the spec declares. Bodies are written as raw
/// JSON so that nothing here needs reflection-based serialization.
/// </summary>
internal sealed partial class EmbeddedLightsailEndpoint : IAsyncDisposable
{
    /// <summary>The bucket name the endpoint reports as not existing.</summary>
    public const string MissingBucketName = "missing-bucket";

    private const string GetBucketAccessKeysTarget = "Lightsail_20161128.GetBucketAccessKeys";

    /// <summary>The spec's failure example, verbatim.</summary>
    private const string ValidationErrorBody =
        """{"success": false, "error": {"code": "VALIDATION_ERROR", "message": "Invalid request parameters"}}""";

    private readonly WebApplication application;

    private EmbeddedLightsailEndpoint(WebApplication application, Uri baseAddress)
    {
        this.application = application;
        BaseAddress = baseAddress;
    }

    /// <summary>Where the endpoint listens, such as <c>http://127.0.0.1:54321/</c>.</summary>
    public Uri BaseAddress { get; }

    /// <summary>Starts the endpoint on a free loopback port.</summary>
    public static async Task<EmbeddedLightsailEndpoint> StartAsync(CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            Args = Array.Empty<string>(),
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));

        var application = builder.Build();
        application.Run(HandleAsync);
        try
        {
            await application.StartAsync(cancellationToken).ConfigureAwait(false);
            var address = application.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
                ?? throw new InvalidOperationException("The embedded endpoint started without an address.");
            return new EmbeddedLightsailEndpoint(application, new Uri(address.EndsWith('/') ? address : address + "/", UriKind.Absolute));
        }
        catch
        {
            await application.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Stops the endpoint and releases its port.</summary>
    public async ValueTask DisposeAsync()
    {
        using (var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5)))
        {
            await application.StopAsync(timeout.Token).ConfigureAwait(false);
        }

        await application.DisposeAsync().ConfigureAwait(false);
    }

    private static async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        if (!HttpMethods.IsPost(request.Method) || request.Path != "/")
        {
            await WriteErrorAsync(context, StatusCodes.Status404NotFound, "NOT_FOUND", "No operation at " + request.Method + " " + request.Path).ConfigureAwait(false);
            return;
        }

        if (!string.Equals(request.Headers["X-Amz-Target"], GetBucketAccessKeysTarget, StringComparison.Ordinal))
        {
            await WriteErrorAsync(context, StatusCodes.Status400BadRequest, "UNKNOWN_OPERATION", "The X-Amz-Target header must be " + GetBucketAccessKeysTarget).ConfigureAwait(false);
            return;
        }

        var bucketName = await ReadBucketNameAsync(request, context.RequestAborted).ConfigureAwait(false);
        if (bucketName is null || !BucketNamePattern().IsMatch(bucketName))
        {
            await WriteAsync(context, StatusCodes.Status400BadRequest, Encoding.UTF8.GetBytes(ValidationErrorBody)).ConfigureAwait(false);
            return;
        }

        if (bucketName == MissingBucketName)
        {
            // The name is well formed, so instead of the spec's generic VALIDATION_ERROR example this answers the way
            // Lightsail does for an unknown bucket (HTTP 400), with a code and message that say what is wrong.
            await WriteErrorAsync(context, StatusCodes.Status400BadRequest, "NOT_FOUND", "Bucket " + bucketName + " does not exist").ConfigureAwait(false);
            return;
        }

        await WriteAsync(context, StatusCodes.Status200OK, CreateAccessKeysBody()).ConfigureAwait(false);
    }

    /// <summary>Returns the request's <c>bucketName</c>, or <see langword="null"/> when the body is not JSON or has no such string.</summary>
    private static async Task<string?> ReadBucketNameAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        try
        {
            using var document = await JsonDocument.ParseAsync(request.Body, cancellationToken: cancellationToken).ConfigureAwait(false);
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("bucketName", out var name)
                && name.ValueKind == JsonValueKind.String
                ? name.GetString()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The spec's success example (same id and created_at) plus two access keys, one never used.</summary>
    private static byte[] CreateAccessKeysBody()
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteBoolean("success", true);
            writer.WriteStartObject("data");
            writer.WriteString("id", "abc123");
            writer.WriteString("created_at", "2025-01-01T00:00:00Z");
            writer.WriteStartArray("accessKeys");
            WriteAccessKey(writer, "AKIAIOSFODNN7EXAMPLE", "Active", "2025-01-02T09:30:00Z", "2025-03-14T15:09:26Z", "us-east-1", "s3");

            // Lightsail reports a key that was never used with a null date and "N/A" for region and service.
            WriteAccessKey(writer, "AKIAI44QH8DHBEXAMPLE", "Inactive", "2025-02-10T12:00:00Z", null, "N/A", "N/A");
            writer.WriteEndArray();
            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static void WriteAccessKey(Utf8JsonWriter writer, string id, string status, string createdAt, string? lastUsedDate, string region, string serviceName)
    {
        writer.WriteStartObject();
        writer.WriteString("accessKeyId", id);
        writer.WriteString("status", status);
        writer.WriteString("createdAt", createdAt);
        writer.WriteStartObject("lastUsed");
        writer.WriteString("lastUsedDate", lastUsedDate);
        writer.WriteString("region", region);
        writer.WriteString("serviceName", serviceName);
        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    private static Task WriteErrorAsync(HttpContext context, int status, string code, string message)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteBoolean("success", false);
            writer.WriteStartObject("error");
            writer.WriteString("code", code);
            writer.WriteString("message", message);
            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        return WriteAsync(context, status, buffer.WrittenSpan.ToArray());
    }

    private static async Task WriteAsync(HttpContext context, int status, byte[] body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        context.Response.ContentLength = body.Length;
        await context.Response.Body.WriteAsync(body, context.RequestAborted).ConfigureAwait(false);
    }

    // The spec's pattern, with \z for $ so that a trailing line feed does not slip through.
    [GeneratedRegex(@"^[a-z0-9][a-z0-9-]{1,52}[a-z0-9]\z", RegexOptions.CultureInvariant)]
    private static partial Regex BucketNamePattern();
}
