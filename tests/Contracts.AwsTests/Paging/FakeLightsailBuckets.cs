using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Security.Cryptography;
using System.Text.Json;
using System.Threading.Tasks;
using Contracts.AwsTests.Infrastructure;

namespace Contracts.AwsTests.Paging;

/// <summary>
/// Lightsail's <c>GetBuckets</c> over a fixed list of buckets, paged the way Lightsail pages: a page of at most
/// <see cref="PageSize"/> buckets and, while more remain, an opaque <c>nextPageToken</c> that the next request sends
/// back as <c>pageToken</c>. A token this endpoint never gave is <c>InvalidInputException</c>. Every request, first
/// page or not, passes the checks of <see cref="FakeAwsEndpoint"/> (a valid SigV4 signature, AWS JSON 1.1) before
/// it is answered.
/// </summary>
public sealed class FakeLightsailBuckets : FakeAwsEndpoint
{
    public const string Target = "Lightsail_20161128.";

    private static readonly DateTimeOffset FirstCreatedAt = new(2021, 4, 23, 20, 22, 49, TimeSpan.Zero);

    private readonly IReadOnlyList<string> _bucketNames;

    // Opaque to the client and different for every endpoint, so a client cannot make one up.
    private readonly string _tokenPrefix = Convert.ToHexString(RandomNumberGenerator.GetBytes(8));
    private readonly List<string> _issuedTokens = [];

    private FakeLightsailBuckets(IReadOnlyList<string> bucketNames)
        : base(Target, "application/x-amz-json-1.1", "lightsail", TestCredentials.Region, TestCredentials.Create())
    {
        _bucketNames = bucketNames;
    }

    /// <summary>The most buckets one page holds.</summary>
    public int PageSize { get; init; } = 2;

    /// <summary>The bucket names, in the order the pages list them.</summary>
    public IReadOnlyList<string> BucketNames => _bucketNames;

    /// <summary>The <c>nextPageToken</c> values given so far, in order.</summary>
    public IReadOnlyList<string> IssuedTokens
    {
        get
        {
            lock (Gate)
            {
                return _issuedTokens.ToArray();
            }
        }
    }

    /// <summary>When set, every page answers this token as its <c>nextPageToken</c>, even the last (a service that loops).</summary>
    public string? StuckToken { get; set; }

    /// <summary>Starts an endpoint holding <paramref name="bucketNames"/>, <paramref name="pageSize"/> to a page.</summary>
    public static async Task<FakeLightsailBuckets> StartAsync(IReadOnlyList<string> bucketNames, int pageSize = 2)
    {
        var fake = new FakeLightsailBuckets(bucketNames) { PageSize = pageSize };
        await fake.ListenAsync().ConfigureAwait(false);
        return fake;
    }

    /// <summary>Names such as <c>bucket-01</c> … for <paramref name="count"/> buckets.</summary>
    public static IReadOnlyList<string> Names(int count) =>
        Enumerable.Range(1, count).Select(i => "bucket-" + i.ToString("00", CultureInfo.InvariantCulture)).ToArray();

    protected override string ServerErrorType => "ServiceException";

    protected override FakeReply Handle(string operation, JsonElement input)
    {
        if (operation != "GetBuckets")
        {
            return FakeReply.Error(400, "UnknownOperationException", "The fake does not implement " + operation + ".");
        }

        var start = 0;
        if (input.TryGetProperty("pageToken", out var token) && token.ValueKind != JsonValueKind.Null)
        {
            var text = token.ValueKind == JsonValueKind.String ? token.GetString() : null;
            if (text is null || (text != StuckToken && !_issuedTokens.Contains(text)))
            {
                return FakeReply.Error(400, "InvalidInputException", "The page token is not valid.");
            }

            // A stuck service answers its one token with the first page again.
            start = text == StuckToken ? 0 : Offset(text);
        }

        var end = Math.Min(_bucketNames.Count, start + PageSize);
        string? next = StuckToken;
        if (next is null && end < _bucketNames.Count)
        {
            next = _tokenPrefix + ":" + end.ToString(CultureInfo.InvariantCulture);
        }

        if (next is not null)
        {
            _issuedTokens.Add(next);
        }

        return FakeReply.Ok(AwsJson.Write(writer =>
        {
            writer.WriteStartObject();
            writer.WriteStartArray("buckets");
            for (var i = start; i < end; i++)
            {
                WriteBucket(writer, _bucketNames[i], FirstCreatedAt.AddDays(i));
            }

            writer.WriteEndArray();
            if (next is not null)
            {
                writer.WriteString("nextPageToken", next);
            }

            writer.WriteEndObject();
        }));
    }

    private int Offset(string token) =>
        token.StartsWith(_tokenPrefix + ":", StringComparison.Ordinal)
            ? int.Parse(token.AsSpan(_tokenPrefix.Length + 1), NumberStyles.None, CultureInfo.InvariantCulture)
            : 0;

    // The members Lightsail's GetBuckets answers for a bucket without connected resources.
    private void WriteBucket(Utf8JsonWriter writer, string name, DateTimeOffset createdAt)
    {
        writer.WriteStartObject();
        writer.WriteString("resourceType", "Bucket");
        writer.WriteStartObject("accessRules");
        writer.WriteString("getObject", "private");
        writer.WriteBoolean("allowPublicOverrides", false);
        writer.WriteEndObject();
        writer.WriteString("arn", "arn:aws:lightsail:" + Region + ":111122223333:Bucket/" + name);
        writer.WriteString("bundleId", "small_1_0");
        AwsJson.WriteEpoch(writer, "createdAt", createdAt);
        writer.WriteString("url", "https://" + name + ".s3." + Region + ".amazonaws.com/");
        writer.WriteStartObject("location");
        writer.WriteString("availabilityZone", "all");
        writer.WriteString("regionName", Region);
        writer.WriteEndObject();
        writer.WriteString("name", name);
        writer.WriteString("supportCode", "111122223333/" + name);
        writer.WriteString("objectVersioning", "NeverEnabled");
        writer.WriteBoolean("ableToUpdateBundle", true);
        writer.WriteStartObject("state");
        writer.WriteString("code", "OK");
        writer.WriteEndObject();
        writer.WriteEndObject();
    }
}
