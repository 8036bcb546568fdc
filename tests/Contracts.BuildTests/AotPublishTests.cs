using System;
using System.IO;
using System.Text.Json;
using System.Threading.Tasks;
using Xunit;
using Xunit.Abstractions;

namespace Contracts.BuildTests;

/// <summary>
/// The Native AOT sample, published with the real <c>dotnet publish</c> from a copy, then run against a loopback
/// server hosted by this test (the sample has no server of its own, to keep the binary small).
/// </summary>
public sealed class AotPublishTests(ITestOutputHelper output)
{
    private const string Secret = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";

    private const string SuccessBody = $$$"""
        {"success": true, "data": {"id": "abc123", "created_at": "2025-01-01T00:00:00Z", "accessKeys": [
          {"accessKeyId": "AKIAIOSFODNN7EXAMPLE", "secretAccessKey": "{{{Secret}}}", "status": "Active", "createdAt": "2025-01-02T09:30:00Z",
           "lastUsed": {"lastUsedDate": "2025-03-14T15:09:26Z", "region": "us-east-1", "serviceName": "s3"}}]}}
        """;

    private const string MissingBucketBody = """{"success": false, "error": {"code": "NOT_FOUND", "message": "Bucket missing-bucket does not exist"}}""";

    [NativeAotFact]
    public async Task The_AOT_sample_publishes_without_trim_or_AOT_warnings_and_calls_a_loopback_server()
    {
        using var project = ConsumerProject.Create("aot");
        var binary = await NativeSample.PublishAsync(project, "Lightsail.Aot", output);

        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            var body = await new StreamReader(context.Request.Body).ReadToEndAsync();
            await (BucketName(body) == "missing-bucket"
                ? LoopbackServer.Respond(context, 400, MissingBucketBody)
                : LoopbackServer.Respond(context, 200, SuccessBody));
        });

        var run = await DotNetCli.RunProcessAsync(binary, project.Directory, "--endpoint", server.BaseAddress.ToString());
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("abc123", run.Output);
        Assert.Contains("2025-01-01T00:00:00", run.Output);
        Assert.Contains("AKIAIOSFODNN7EXAMPLE Active", run.Output);
        Assert.Contains("""json {"id":"abc123","created_at":"2025-01-01T00:00:00+00:00","accessKeys":[{"accessKeyId":"AKIAIOSFODNN7EXAMPLE",""", run.Output);
        Assert.DoesNotContain(Secret, run.Output);

        var request = Assert.Single(server.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/", request.RawTarget);
        Assert.Equal("Lightsail_20161128.GetBucketAccessKeys", request.Headers["X-Amz-Target"]);
        Assert.Equal("demo-bucket", BucketName(request.BodyText));

        var failure = await DotNetCli.RunProcessAsync(binary, project.Directory, "--endpoint", server.BaseAddress.ToString(), "--bucket", "missing-bucket");
        Assert.True(failure.ExitCode == 2, failure.ToString());
        Assert.Contains("NOT_FOUND", failure.Output);
    }

    private static string? BucketName(string body)
    {
        using var document = JsonDocument.Parse(body);
        return document.RootElement.GetProperty("bucketName").GetString();
    }
}
