using System;
using System.IO;
using System.Net.Http;
using System.Threading.Tasks;
using Xunit;

namespace Contracts.PackageTests;

/// <summary>
/// An ASP.NET Core app that also uses Microsoft.AspNetCore.OpenApi, which brings its own Microsoft.OpenApi version
/// and its own source generators into the same compilation: both must build and work.
/// </summary>
[Collection(LocalFeedCollection.Name)]
public sealed class WebProjectTests(LocalFeed feed)
{
    // The version of the framework on this SDK; the package is served for it.
    private const string AspNetCoreOpenApiVersion = "10.0.12";

    [Fact]
    public async Task A_web_app_with_Microsoft_AspNetCore_OpenApi_builds_and_serves_both()
    {
        using var workspace = Workspace.Create("web");
        var app = await workspace.NewProjectWithPackagesAsync(feed, "web", "Web");
        await workspace.DotNetIn(app, "add", "package", "Microsoft.AspNetCore.OpenApi", "--version", AspNetCoreOpenApiVersion);
        File.Copy(RepositoryPaths.Combine("spec", "lightsail-bucket-access-keys.yaml"), Path.Combine(app, "lightsail.yaml"));
        Workspace.AddItems(Path.Combine(app, "Web.csproj"), """<OpenApiContract Include="lightsail.yaml" Namespace="Web.Lightsail" ClientName="LightsailClient" />""");
        File.WriteAllText(Path.Combine(app, "Program.cs"), """
            using Web.Lightsail;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddOpenApi();
            builder.Services.AddLightsailClient(builder.Configuration.GetSection("Lightsail"));
            var app = builder.Build();
            app.MapOpenApi();
            app.MapGet("/bucket", async (ILightsailClient lightsail) =>
                (await lightsail.GetBucketAccessKeysAsync(new GetBucketAccessKeysRequest { BucketName = "demo-bucket" })).Id);
            app.Run();
            """);

        var build = await workspace.DotNetIn(app, "build", "-nologo");
        Assert.DoesNotMatch(@": warning (CS8784|CS8785|AD0001)", build.Output);

        await using var lightsail = await LoopbackServer.StartAsync(200, NewUserTests.SeedSuccessBody);
        using var web = RunningApp.Start(
            app,
            Path.Combine("bin", "Debug", "net10.0", "Web.dll"),
            "--Lightsail:BaseAddress=" + lightsail.BaseAddress);
        using var http = new HttpClient { BaseAddress = await web.ListeningAddressAsync() };

        var document = await http.GetStringAsync("/openapi/v1.json");
        var bucket = await http.GetStringAsync("/bucket");

        Assert.Contains("\"openapi\"", document);
        Assert.Contains("/bucket", document);
        Assert.Equal("abc123", bucket);
    }
}
