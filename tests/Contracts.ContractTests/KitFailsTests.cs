using System;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Contracts.ContractTests.Buckets;
using Contracts.Testing;
using Xunit;

namespace Contracts.ContractTests;

/// <summary>The kit fails when the two sides disagree: a request or a response changed on its way is a mismatch.</summary>
public sealed class KitFailsTests
{
    private static readonly string s_document = Path.Combine(AppContext.BaseDirectory, "Specs", "lightsail-bucket-access-keys.yaml");

    [Fact]
    public async Task A_request_changed_on_its_way_is_a_mismatch_of_what_the_handler_received()
    {
        await using var kit = await ContractTestKit.StartAsync<IBucketsHandler>(app => app.MapBuckets(), s_document, BucketsJsonContext.Default);

        var report = await kit.RunAsync(http => Client(kit, new ChangeFirstString(requests: true)), seed: 7, casesPerOperation: 3);

        Assert.False(report.Passed);
        var mismatch = report.Mismatches.First();
        Assert.Equal("GetBucketAccessKeys", mismatch.OperationId);
        Assert.Equal("received.request.bucketName", mismatch.Path);
        Assert.Equal(7, mismatch.Seed);
        Assert.Equal("\"zzz\"", mismatch.Actual);
        Assert.Contains("seed 7", report.ToString(), StringComparison.Ordinal);
        Assert.Equal(3, report.Mismatches.Count);
    }

    [Fact]
    public async Task A_response_changed_on_its_way_is_a_mismatch_of_what_the_client_read()
    {
        await using var kit = await ContractTestKit.StartAsync<IBucketsHandler>(app => app.MapBuckets(), s_document, BucketsJsonContext.Default);

        var report = await kit.RunAsync(http => Client(kit, new ChangeFirstString(requests: false)), seed: 7, casesPerOperation: 3);

        Assert.False(report.Passed);
        // Cases 0 and 1 answer the success (its data's id changed), case 2 a declared error (its code changed).
        Assert.Equal(["read.body.id", "read.body.id", "read.body.code"], report.Mismatches.Select(m => m.Path));
        Assert.All(report.Mismatches, m => Assert.Equal("\"zzz\"", m.Actual));
    }

    private static BucketsClient Client(ContractTestKit kit, DelegatingHandler change)
    {
        change.InnerHandler = new HttpClientHandler();
        var http = new HttpClient(change) { BaseAddress = kit.BaseAddress };
        return new BucketsClient(http, new BucketsClientOptions { BaseAddress = kit.BaseAddress });
    }

    /// <summary>Replaces the first string member of a JSON request or response with "zzz" (a valid bucket name).</summary>
    private sealed class ChangeFirstString(bool requests) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (requests && request.Content is { } content)
            {
                request.Content = await ChangedAsync(content, cancellationToken);
            }

            var response = await base.SendAsync(request, cancellationToken);
            if (!requests)
            {
                response.Content = await ChangedAsync(response.Content, cancellationToken);
            }

            return response;
        }

        private static async Task<HttpContent> ChangedAsync(HttpContent content, CancellationToken cancellationToken)
        {
            var json = JsonNode.Parse(await content.ReadAsStringAsync(cancellationToken))!;
            Change(json);
            var changed = new StringContent(json.ToJsonString(), Encoding.UTF8, content.Headers.ContentType?.MediaType ?? "application/json");
            foreach (var header in content.Headers.Where(h => h.Key != "Content-Type" && h.Key != "Content-Length"))
            {
                changed.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }

            return changed;
        }

        private static bool Change(JsonNode node)
        {
            if (node is JsonObject obj)
            {
                foreach (var (name, value) in obj.ToList())
                {
                    if (value is JsonValue v && v.GetValueKind() == System.Text.Json.JsonValueKind.String)
                    {
                        obj[name] = "zzz";
                        return true;
                    }

                    if (value is not null && Change(value))
                    {
                        return true;
                    }
                }
            }

            return false;
        }
    }
}
