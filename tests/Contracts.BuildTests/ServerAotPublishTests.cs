using System;
using System.Diagnostics;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using Xunit;
using Xunit.Abstractions;

namespace Contracts.BuildTests;

/// <summary>
/// The server sample (samples/PetStore.Server: endpoints generated from petstore.yaml), published with Native AOT by
/// the real <c>dotnet publish</c> from a copy, then run and called over HTTP: it publishes without trimming or AOT
/// warnings and serves each declared answer, and refuses bad input with a 400 problem.
/// </summary>
public sealed class ServerAotPublishTests(ITestOutputHelper output)
{
    [NativeAotFact]
    public async Task The_server_sample_publishes_without_trim_or_AOT_warnings_and_serves_requests()
    {
        using var project = ConsumerProject.Create("server-aot");
        var binary = await NativeSample.PublishAsync(project, "PetStore.Server", output, "petstore.yaml");

        using var server = await RunningServer.StartAsync(binary, project.Directory, output);
        using var http = new HttpClient { BaseAddress = server.Address, Timeout = TimeSpan.FromSeconds(30) };

        using var created = await http.PostAsync("pets", Json("""{"name":"Rex","tag":"dog"}"""));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("""{"id":1,"name":"Rex","tag":"dog"}""", await created.Content.ReadAsStringAsync());

        using var duplicate = await http.PostAsync("pets", Json("""{"name":"Rex"}"""));
        Assert.Equal(HttpStatusCode.Conflict, duplicate.StatusCode);
        Assert.Contains("NAME_TAKEN", await duplicate.Content.ReadAsStringAsync());

        using var found = await http.GetAsync("pets/1");
        Assert.Equal(HttpStatusCode.OK, found.StatusCode);
        Assert.Equal("application/json", found.Content.Headers.ContentType!.MediaType);

        using var listed = await http.GetAsync("pets?limit=5&tag=dog&tag=cat");
        Assert.Equal("""[{"id":1,"name":"Rex","tag":"dog"}]""", await listed.Content.ReadAsStringAsync());

        using var malformed = await http.GetAsync("pets/abc");
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.Equal("application/problem+json", malformed.Content.Headers.ContentType!.MediaType);
        using (var problem = JsonDocument.Parse(await malformed.Content.ReadAsStringAsync()))
        {
            Assert.Contains("'abc'", problem.RootElement.GetProperty("errors").GetProperty("petId")[0].GetString());
        }

        using var badBody = await http.PostAsync("pets", Json("""{"tag":"no name"}"""));
        Assert.Equal(HttpStatusCode.BadRequest, badBody.StatusCode);
        Assert.Contains("name", await badBody.Content.ReadAsStringAsync());

        using var deleted = await http.DeleteAsync("pets/1");
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        using var gone = await http.GetAsync("pets/1");
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
    }

    private static StringContent Json(string text) => new(text, Encoding.UTF8, "application/json");

    /// <summary>The published server, on a port the OS chose, read back from its "Now listening on" line.</summary>
    private sealed class RunningServer : IDisposable
    {
        private readonly Process _process;

        private RunningServer(Process process, Uri address)
        {
            _process = process;
            Address = address;
        }

        public Uri Address { get; }

        public static async Task<RunningServer> StartAsync(string binary, string directory, ITestOutputHelper output)
        {
            var start = new ProcessStartInfo(binary, ["--urls", "http://127.0.0.1:0"])
            {
                WorkingDirectory = directory,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            var process = Process.Start(start)!;
            var listening = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
            process.OutputDataReceived += (_, line) =>
            {
                if (line.Data is null)
                {
                    listening.TrySetException(new InvalidOperationException("the server exited before it listened"));
                    return;
                }

                output.WriteLine("server: " + line.Data);
                const string Marker = "Now listening on: ";
                var at = line.Data.IndexOf(Marker, StringComparison.Ordinal);
                if (at >= 0)
                {
                    listening.TrySetResult(new Uri(line.Data[(at + Marker.Length)..].Trim().TrimEnd('/') + "/"));
                }
            };
            process.ErrorDataReceived += (_, line) => output.WriteLine("server (stderr): " + line.Data);
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            try
            {
                var address = await listening.Task.WaitAsync(TimeSpan.FromSeconds(60));
                return new RunningServer(process, address);
            }
            catch
            {
                process.Kill(entireProcessTree: true);
                process.Dispose();
                throw;
            }
        }

        public void Dispose()
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
            _process.Dispose();
        }
    }
}
