using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Contracts.Runtime.Tests.AspNetCore;

/// <summary>
/// Kestrel on 127.0.0.1 with routing, as generated endpoints run: every request to <c>/{*rest}</c> and
/// <c>/items/{id}</c>, <c>/files/{name}.json</c> goes to the test's current <see cref="Handler"/>.
/// </summary>
public sealed class BindingServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private BindingServer(long? maxBody)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [], ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(options =>
        {
            options.Listen(IPAddress.Loopback, 0);
            options.Limits.MaxRequestBodySize = maxBody;
        });
        _app = builder.Build();
        RequestDelegate run = context => Handler(context);
        _app.MapMethods("/items/{id}", ["GET", "POST"], run);
        _app.MapMethods("/files/{name}.json", ["GET"], run);
        _app.MapMethods("/{*rest}", ["GET", "POST", "PUT"], run);
    }

    /// <summary>What answers the next request.</summary>
    public Func<HttpContext, Task> Handler { get; set; } = static context => Task.CompletedTask;

    public HttpClient Client { get; private set; } = null!;

    public static async Task<BindingServer> StartAsync(long? maxBody = 30_000_000)
    {
        var server = new BindingServer(maxBody);
        await server._app.StartAsync();
        var address = server._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        server.Client = new HttpClient { BaseAddress = new Uri(address.TrimEnd('/') + "/") };
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
