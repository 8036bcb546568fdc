using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Threading.Tasks;
using Contracts.Benchmarks.Server.Generated;
using Contracts.Benchmarks.Server.HandWritten;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Contracts.Benchmarks.Server;

/// <summary>
/// The servers compared, each a WebApplication on TestServer: requests go through the whole ASP.NET Core pipeline
/// (hosting, routing, endpoint, the response body) in memory. No socket means no kernel, loopback or Kestrel parsing in
/// the numbers: on a loaded machine those are the noisiest part and the same for every server.
/// </summary>
public static class ServerHosts
{
    public const string Generated = "generated";
    public const string HandWritten = "hand-written";
    public const string NSwag = "nswag";

    /// <summary>
    /// The hand-written server with AddProblemDetails and UseStatusCodePages, the usual way to give its empty 400 a
    /// problem-details body: timed on the bad request only, where the generated server writes one.
    /// </summary>
    public const string HandWrittenProblem = "hand-written-problem";

    /// <summary>A RequestDelegate answering 204: what TestServer, HttpClient and routing cost on their own.</summary>
    public const string Floor = "floor";

    public static IEnumerable<string> Compared
    {
        get
        {
            yield return Generated;
            yield return HandWritten;
#if NSWAG_CONTROLLER
            yield return NSwag;
#endif
        }
    }

    public static async Task<(WebApplication App, HttpClient Client)> StartAsync(string name)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = Environments.Production });
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        switch (name)
        {
            case Generated:
                builder.Services.AddSingleton<IPetStoreHandler, GeneratedPetStore>();
                break;
            case HandWritten:
                builder.Services.ConfigureHttpJsonOptions(options => options.SerializerOptions.TypeInfoResolverChain.Insert(0, HandWrittenJsonContext.Default));
                break;
            case HandWrittenProblem:
                builder.Services.ConfigureHttpJsonOptions(options => options.SerializerOptions.TypeInfoResolverChain.Insert(0, HandWrittenJsonContext.Default));
                builder.Services.AddProblemDetails();
                break;
#if NSWAG_CONTROLLER
            case NSwag:
                // The benchmark's entry assembly is BenchmarkDotNet's, so the controller's assembly is named.
                builder.Services.AddControllers().AddApplicationPart(typeof(NSwag.NSwagPetStoreController).Assembly);
                break;
#endif
            case Floor:
                break;
            default:
                throw new ArgumentException("unknown server '" + name + "'", nameof(name));
        }

        var app = builder.Build();
        switch (name)
        {
            case Generated:
                app.MapPetStore();
                break;
            case HandWritten:
                app.MapHandWrittenPetStore();
                break;
            case HandWrittenProblem:
                app.UseStatusCodePages();
                app.MapHandWrittenPetStore();
                break;
#if NSWAG_CONTROLLER
            case NSwag:
                app.MapControllers();
                break;
#endif
            case Floor:
                app.MapMethods("/pets/{petId}", ["GET"], static context =>
                {
                    context.Response.StatusCode = StatusCodes.Status204NoContent;
                    return Task.CompletedTask;
                });
                break;
        }

        await app.StartAsync();
        return (app, app.GetTestClient());
    }
}
