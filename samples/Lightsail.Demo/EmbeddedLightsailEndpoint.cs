using System;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using Lightsail.Demo.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Lightsail.Demo;

/// <summary>
/// A tiny in-process stand-in for the Lightsail endpoint, generated from the same spec as the client
/// (<c>ContractsGenerate="Client;Server"</c>): <see cref="LightsailEndpoints.MapLightsail"/> maps <c>GetBucketAccessKeys</c>,
/// which reads and checks the request and writes the envelope the spec declares; <see cref="BucketAccessKeysHandler"/>
/// only decides the answer.
/// </summary>
internal sealed class EmbeddedLightsailEndpoint : IAsyncDisposable
{
    /// <summary>The bucket name the endpoint reports as not existing.</summary>
    public const string MissingBucketName = "missing-bucket";

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
        builder.Services.AddSingleton<ILightsailHandler, BucketAccessKeysHandler>();

        var application = builder.Build();
        application.MapLightsail();
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
}

/// <summary>
/// Answers <c>GetBucketAccessKeys</c>: the spec's success example (same id and created_at) with two access keys, one
/// never used; for <see cref="EmbeddedLightsailEndpoint.MissingBucketName"/> the failure envelope, as Lightsail answers an
/// unknown bucket (HTTP 400) with a code and message that say what is wrong. A name that breaks the spec's pattern never
/// gets here: the generated endpoint refuses it with a 400 first.
/// </summary>
internal sealed class BucketAccessKeysHandler : ILightsailHandler
{
    private static readonly DateTimeOffset Created = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public Task<GetBucketAccessKeysResult> GetBucketAccessKeysAsync(GetBucketAccessKeysRequest request, CancellationToken cancellationToken) =>
        Task.FromResult(request.BucketName == EmbeddedLightsailEndpoint.MissingBucketName
            ? GetBucketAccessKeysResult.ClientError(400, new EnvelopeError { Code = "NOT_FOUND", Message = "Bucket " + request.BucketName + " does not exist" })
            : GetBucketAccessKeysResult.Ok(new BucketAccessKeys
            {
                Id = "abc123",
                CreatedAt = Created,
                AccessKeys =
                [
                    Key("AKIAIOSFODNN7EXAMPLE", StatusType.Active, At(2025, 1, 2, 9, 30, 0), At(2025, 3, 14, 15, 9, 26), "us-east-1", "s3"),

                    // Lightsail reports a key that was never used with a null date and "N/A" for region and service.
                    Key("AKIAI44QH8DHBEXAMPLE", StatusType.Inactive, At(2025, 2, 10, 12, 0, 0), null, "N/A", "N/A"),
                ],
            }));

    private static AccessKey Key(string id, StatusType status, DateTimeOffset createdAt, DateTimeOffset? lastUsedDate, string region, string serviceName) => new()
    {
        AccessKeyId = id,
        Status = status,
        CreatedAt = createdAt,
        LastUsed = new AccessKeyLastUsed { LastUsedDate = lastUsedDate, Region = region, ServiceName = serviceName },
    };

    private static DateTimeOffset At(int year, int month, int day, int hour, int minute, int second) => new(year, month, day, hour, minute, second, TimeSpan.Zero);
}
