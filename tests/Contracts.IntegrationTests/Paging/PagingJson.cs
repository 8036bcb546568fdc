using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace Contracts.IntegrationTests.Paging;

/// <summary>An item of the pages these tests read.</summary>
public sealed record Thing(string Id, int Number);

/// <summary>A page with its items and the next page's address (<c>next</c>), or a next token (<c>next_page_token</c>).</summary>
public sealed record ThingsPage(IReadOnlyList<Thing>? Items, string? Next, string? NextPageToken);

/// <summary>A Stripe list: <c>data</c> and <c>has_more</c>; the next page starts after the last item's id.</summary>
public sealed record StripeList(IReadOnlyList<Thing> Data, bool? HasMore);

/// <summary>An AWS JSON request whose next page's token goes in the body.</summary>
public sealed record AwsListRequest(
    [property: JsonPropertyName("MaxResults")] int MaxResults,
    [property: JsonPropertyName("NextToken")] string? NextToken);

/// <summary>An AWS JSON page: <c>Things</c> and <c>NextToken</c>.</summary>
public sealed record AwsListResponse(
    [property: JsonPropertyName("Things")] IReadOnlyList<Thing>? Things,
    [property: JsonPropertyName("NextToken")] string? NextToken);

/// <summary>The pages the hand-built requests of these tests read (the project disables reflection).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ThingsPage))]
[JsonSerializable(typeof(StripeList))]
[JsonSerializable(typeof(AwsListRequest))]
[JsonSerializable(typeof(AwsListResponse))]
internal sealed partial class PagingJson : JsonSerializerContext;
