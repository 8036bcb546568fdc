using System;
using System.Linq;
using System.Collections.Generic;
using System.Net.Http;
using System.Threading.Tasks;
using Contracts.AwsTests.DynamoDb;
using Contracts.AwsTests.Infrastructure;
using Xunit;

namespace Contracts.AwsTests;

/// <summary>A second AWS description in the same project: AWS JSON 1.0, signing name dynamodb, its own exceptions.</summary>
public sealed class DynamoDbTests
{
    private static readonly DateTimeOffset Created = new(2020, 1, 2, 3, 4, 5, TimeSpan.Zero);

    private static readonly Dictionary<string, DateTimeOffset> Tables = new() { ["orders"] = Created, ["customers"] = Created };

    [Fact]
    public async Task ListTables_is_an_aws_json_1_0_call_signed_for_dynamodb()
    {
        await using var fake = await FakeDynamoDb.StartAsync(Tables);
        using var http = new HttpClient();

        var result = await Clients.DynamoDb(http, fake).ListTablesAsync(new ListTablesInput());

        Assert.Equal(["customers", "orders"], result.TableNames!);
        var request = Assert.Single(fake.Exchanges).Request;
        Assert.Equal("DynamoDB_20120810.ListTables", request.Target);
        Assert.Equal("application/x-amz-json-1.0", request.Header("Content-Type"));
        Assert.Contains("/us-east-1/dynamodb/aws4_request,", request.Header("Authorization"));
        Assert.Equal(string.Empty, request.RawQuery);
        Assert.Equal("{}", request.BodyText);
        Assert.Equal(0, fake.SignatureFailures);
    }

    [Fact]
    public async Task Paging_hints_are_not_parameters_and_the_body_carries_them()
    {
        // The converted description repeats Limit and ExclusiveStartTableName as query parameters; AWS JSON reads
        // only the body, so the generator drops them (CTR104, info) and the request line has no query.
        await using var fake = await FakeDynamoDb.StartAsync(Tables);
        using var http = new HttpClient();

        await Clients.DynamoDb(http, fake).ListTablesAsync(new ListTablesInput { Limit = 5 });

        var exchange = Assert.Single(fake.Exchanges);
        Assert.Null(exchange.SignatureFailure);
        Assert.Equal(string.Empty, exchange.Request.RawQuery);
        Assert.Equal("{\"Limit\":5}", exchange.Request.BodyText);
        var listTables = typeof(IDynamoDbClient).GetMethod(nameof(IDynamoDbClient.ListTablesAsync))!;
        Assert.Equal(["request", "cancellationToken", "requestOptions"], listTables.GetParameters().Select(p => p.Name));
    }

    [Fact]
    public async Task DescribeTable_reads_an_epoch_creation_time()
    {
        await using var fake = await FakeDynamoDb.StartAsync(Tables);
        using var http = new HttpClient();

        var result = await Clients.DynamoDb(http, fake).DescribeTableAsync(new DescribeTableInput { TableName = "orders" });

        Assert.Equal("orders", result.Table!.TableName);
        Assert.Equal(TableStatus.ACTIVE, result.Table.TableStatus);
        Assert.Equal(Created, result.Table.CreationDateTime);
    }

    [Fact]
    public async Task A_missing_table_is_DynamoDB_s_ResourceNotFoundException()
    {
        await using var fake = await FakeDynamoDb.StartAsync(Tables);
        using var http = new HttpClient();

        var error = await Assert.ThrowsAsync<ResourceNotFoundException>(() =>
            Clients.DynamoDb(http, fake).DescribeTableAsync(new DescribeTableInput { TableName = "invoices" }));

        Assert.Equal("ResourceNotFoundException", error.ErrorType);
        Assert.Equal("Requested resource not found: Table: invoices not found", error.ErrorMessage);
    }

    [Fact]
    public async Task A_lightsail_signature_is_not_accepted_by_dynamodb()
    {
        // Same keys, same region: only the service in the credential scope differs, and that alone must fail.
        await using var fake = await FakeDynamoDb.StartAsync(Tables);
        using var http = new HttpClient();

        var error = await Assert.ThrowsAsync<Contracts.AwsTests.Lightsail.LightsailException>(() =>
            Clients.Lightsail(http, fake).GetBucketAccessKeysAsync(new Contracts.AwsTests.Lightsail.GetBucketAccessKeysRequest { BucketName = "photos" }));

        Assert.Equal("InvalidSignatureException", error.ErrorType);
        Assert.Contains("/dynamodb/aws4_request", error.ErrorMessage);
    }
}
