using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using Contracts.AwsTests.Infrastructure;
using Contracts.AwsTests.Lightsail;
using Contracts.Runtime.Paging;
using Xunit;

namespace Contracts.AwsTests.Paging;

/// <summary>
/// Lightsail's <c>GetBuckets</c> (token paging: <c>pageToken</c> in the request body, <c>nextPageToken</c> in the
/// result) through the client generated from the full description, against <see cref="FakeLightsailBuckets"/>, which
/// verifies the SigV4 signature of every page's request.
/// </summary>
public sealed class LightsailPagingTests
{
    [Fact]
    public async Task The_generated_operation_pages_by_hand_with_every_request_signed()
    {
        // 5 buckets, 2 to a page: three pages, the last one short.
        await using var fake = await FakeLightsailBuckets.StartAsync(FakeLightsailBuckets.Names(5), pageSize: 2);
        using var http = new HttpClient();
        var client = Clients.Lightsail(http, fake);

        // What every user writes without a paginator: send the token back until there is none.
        var names = new List<string>();
        string? token = null;
        do
        {
            var page = await client.GetBucketsAsync(new GetBucketsRequest { PageToken = token });
            names.AddRange(page.Buckets!.Select(b => b.Name!));
            token = page.NextPageToken;
        }
        while (token is not null);

        Assert.Equal(fake.BucketNames, names);
        AssertEveryPageSigned(fake, pages: 3);
    }

    [Fact]
    public async Task The_paginator_reads_every_bucket_with_every_page_signed()
    {
        await using var fake = await FakeLightsailBuckets.StartAsync(FakeLightsailBuckets.Names(5), pageSize: 2);
        using var http = new HttpClient();
        var client = Clients.Lightsail(http, fake);

        var names = new List<string>();
        await foreach (var bucket in client.GetBucketsAllAsync(new GetBucketsRequest { IncludeConnectedResources = false }))
        {
            names.Add(bucket.Name!);
        }

        Assert.Equal(fake.BucketNames, names);
        AssertEveryPageSigned(fake, pages: 3);

        // The other members of the request go with every page.
        Assert.All(fake.Exchanges, e => Assert.Contains("\"includeConnectedResources\":false", e.Request.BodyText, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Each_page_carries_its_request_id_and_the_next_token()
    {
        await using var fake = await FakeLightsailBuckets.StartAsync(FakeLightsailBuckets.Names(5), pageSize: 2);
        using var http = new HttpClient();

        var pages = new List<Page<Bucket>>();
        await foreach (var page in Clients.Lightsail(http, fake).GetBucketsAllAsync(new GetBucketsRequest()).AsPages())
        {
            pages.Add(page);
        }

        Assert.Equal([2, 2, 1], pages.Select(p => p.Items.Count));
        Assert.All(pages, p => Assert.Equal(HttpStatusCode.OK, p.StatusCode));
        Assert.Equal([fake.IssuedTokens[0], fake.IssuedTokens[1], null], pages.Select(p => p.ContinuationToken));
        Assert.Equal(fake.Exchanges.Select(e => e.RequestId), pages.Select(p => p.Headers.GetString("x-amzn-RequestId")));
    }

    [Fact]
    public async Task Paging_resumes_from_a_token_and_stops_at_a_page_limit()
    {
        await using var fake = await FakeLightsailBuckets.StartAsync(FakeLightsailBuckets.Names(9), pageSize: 2);
        using var http = new HttpClient();
        var client = Clients.Lightsail(http, fake);

        var firstTwoPages = new List<string>();
        await foreach (var bucket in client.GetBucketsAllAsync(new GetBucketsRequest()).WithLimits(maxPages: 2))
        {
            firstTwoPages.Add(bucket.Name!);
        }

        Assert.Equal(fake.BucketNames.Take(4), firstTwoPages);
        Assert.Equal(2, fake.Exchanges.Count);

        // The caller's pageToken is the first page's: the paging goes on from there.
        var rest = new List<string>();
        await foreach (var bucket in client.GetBucketsAllAsync(new GetBucketsRequest { PageToken = fake.IssuedTokens[1] }))
        {
            rest.Add(bucket.Name!);
        }

        Assert.Equal(fake.BucketNames.Skip(4), rest);
        Assert.Equal(5, fake.Exchanges.Count);
        Assert.Equal(0, fake.SignatureFailures);
        Assert.Contains("\"pageToken\":\"" + fake.IssuedTokens[1] + "\"", fake.Exchanges[2].Request.BodyText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_service_that_repeats_its_token_is_not_paged_forever()
    {
        await using var fake = await FakeLightsailBuckets.StartAsync(FakeLightsailBuckets.Names(3), pageSize: 2);
        fake.StuckToken = "the-same-token";
        using var http = new HttpClient();

        // The page limit only keeps this test finite should the guard be missing: it fails on the count then.
        var names = new List<string>();
        await foreach (var bucket in Clients.Lightsail(http, fake).GetBucketsAllAsync(new GetBucketsRequest()).WithLimits(maxPages: 10))
        {
            names.Add(bucket.Name!);
        }

        // The first page gives the token, the second gives it again: seen before, so the paging stops there.
        Assert.Equal(2, fake.Exchanges.Count);
        Assert.Equal(["bucket-01", "bucket-02", "bucket-01", "bucket-02"], names);
    }

    // Every request a signed GetBuckets the fake accepted, the first without a token, each other with the token the
    // page before gave.
    private static void AssertEveryPageSigned(FakeLightsailBuckets fake, int pages)
    {
        Assert.Equal(pages, fake.Exchanges.Count);
        Assert.Equal(0, fake.SignatureFailures);
        Assert.All(fake.Exchanges, e =>
        {
            Assert.Equal("GetBuckets", e.Operation);
            Assert.Equal(200, e.Status);
            Assert.StartsWith("AWS4-HMAC-SHA256 Credential=" + TestCredentials.AccessKeyId + "/", e.Request.Header("Authorization"), StringComparison.Ordinal);
        });
        Assert.DoesNotContain("pageToken", fake.Exchanges[0].Request.BodyText, StringComparison.Ordinal);
        for (var i = 1; i < pages; i++)
        {
            Assert.Contains("\"pageToken\":\"" + fake.IssuedTokens[i - 1] + "\"", fake.Exchanges[i].Request.BodyText, StringComparison.Ordinal);
        }
    }
}
