using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;

namespace Contracts.Benchmarks.Client;

/// <summary>
/// Proves, before anything is timed, that every client sent the same request and returned every expected key: a
/// client that silently read nothing (or sent nothing) would otherwise win. Throws on the first difference.
/// </summary>
internal static class CallChecks
{
    public static async Task VerifyAsync<T>(string client, CannedHandler service, Func<Task<T>> call, Func<T, IReadOnlyList<ExpectedKey>?> keys, int expectedKeys, bool signed, string? bearer = null)
    {
        var requests = 0;
        service.Inspect = (request, body) =>
        {
            requests++;
            CheckRequest(client, request, body, signed, bearer);
        };
        T result;
        try
        {
            result = await call().ConfigureAwait(false);
        }
        finally
        {
            service.Inspect = null;
        }

        Require(requests == 1, client, "sent " + requests.ToString(CultureInfo.InvariantCulture) + " requests instead of one");
        var actual = keys(result) ?? throw new InvalidOperationException(client + " returned no access keys.");
        var expected = CannedResponses.Expected(expectedKeys);
        Require(actual.Count == expected.Length, client, "returned " + actual.Count.ToString(CultureInfo.InvariantCulture) + " keys instead of " + expected.Length.ToString(CultureInfo.InvariantCulture));
        for (var i = 0; i < expected.Length; i++)
        {
            Require(actual[i] == expected[i], client, "returned key " + i.ToString(CultureInfo.InvariantCulture) + " as " + actual[i] + " instead of " + expected[i]);
        }
    }

    public static IReadOnlyList<ExpectedKey>? Keys(Seed.BucketAccessKeys result) =>
        result.Id == CannedResponses.BucketId && result.CreatedAt == CannedResponses.BucketCreatedAt
            ? result.AccessKeys?.Select(k => new ExpectedKey(k.AccessKeyId!, k.Status!.Value.Value, k.CreatedAt!.Value, k.LastUsed!.LastUsedDate)).ToList()
            : null;

    public static IReadOnlyList<ExpectedKey>? Keys(SeedBearer.BucketAccessKeys result) =>
        result.Id == CannedResponses.BucketId && result.CreatedAt == CannedResponses.BucketCreatedAt
            ? result.AccessKeys?.Select(k => new ExpectedKey(k.AccessKeyId!, k.Status!.Value.Value, k.CreatedAt!.Value, k.LastUsed!.LastUsedDate)).ToList()
            : null;

    public static IReadOnlyList<ExpectedKey>? Keys(Peers.NSwag.BucketAccessKeys result) =>
        result.Id == CannedResponses.BucketId && result.Created_at == CannedResponses.BucketCreatedAt
            ? result.AccessKeys?.Select(k => new ExpectedKey(k.AccessKeyId, k.Status.ToString(), k.CreatedAt, k.LastUsed.LastUsedDate)).ToList()
            : null;

    public static IReadOnlyList<ExpectedKey>? Keys(Peers.Kiota.Models.BucketAccessKeys? result) =>
        result is not null && result.Id == CannedResponses.BucketId && result.CreatedAt == CannedResponses.BucketCreatedAt
            ? result.AccessKeys?.Select(k => new ExpectedKey(k.AccessKeyId!, k.Status!.Value.ToString(), k.CreatedAt!.Value, k.LastUsed!.LastUsedDate)).ToList()
            : null;

    public static IReadOnlyList<ExpectedKey>? Keys(Aws.GetBucketAccessKeysResult result) =>
        result.AccessKeys?.Select(k => new ExpectedKey(k.AccessKeyId!, k.Status!.Value.Value, k.CreatedAt!.Value, k.LastUsed!.LastUsedDate)).ToList();

    private static void CheckRequest(string client, HttpRequestMessage request, byte[] body, bool signed, string? bearer)
    {
        Require(request.Method == HttpMethod.Post, client, "sent " + request.Method + " instead of POST");
        Require(request.RequestUri?.Host == Clients.Endpoint.Host, client, "sent the request to " + request.RequestUri);
        Require(
            request.Headers.TryGetValues("X-Amz-Target", out var targets) && targets.SingleOrDefault() == CannedResponses.Target,
            client,
            "did not send X-Amz-Target: " + CannedResponses.Target);
        using (var json = JsonDocument.Parse(body))
        {
            Require(
                json.RootElement.TryGetProperty("bucketName", out var name) && name.GetString() == CannedResponses.BucketName,
                client,
                "sent the body " + Encoding.UTF8.GetString(body));
        }

        var authorization = request.Headers.TryGetValues("Authorization", out var values) ? values.SingleOrDefault() : null;
        if (bearer is not null)
        {
            Require(authorization == "Bearer " + bearer, client, "did not send its bearer token");
            return;
        }

        Require(signed == (authorization?.StartsWith("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/", StringComparison.Ordinal) == true), client, signed ? "did not sign the request" : "signed the request");
    }

    private static void Require(bool condition, string client, string problem)
    {
        if (!condition)
        {
            throw new InvalidOperationException(client + " " + problem + ".");
        }
    }
}
