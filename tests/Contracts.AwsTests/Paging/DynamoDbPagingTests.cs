using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using Contracts.AwsTests.DynamoDb;
using Contracts.AwsTests.Infrastructure;
using Xunit;

namespace Contracts.AwsTests.Paging;

/// <summary>
/// DynamoDB's <c>ListTables</c> pages by the last table it evaluated: the result's <c>LastEvaluatedTableName</c> goes
/// back as the request's <c>ExclusiveStartTableName</c>. Through the client generated from the full description,
/// against <see cref="FakeDynamoDb"/>, which checks the SigV4 signature of every page's request.
/// </summary>
public sealed class DynamoDbPagingTests
{
    private static readonly DateTimeOffset Created = new(2020, 1, 2, 3, 4, 5, TimeSpan.Zero);

    [Fact]
    public async Task ListTables_pages_from_each_last_evaluated_table_name()
    {
        var tables = new[] { "alpha", "bravo", "charlie", "delta", "echo" }.ToDictionary(name => name, _ => Created);
        await using var fake = await FakeDynamoDb.StartAsync(tables);
        using var http = new HttpClient();

        var names = new List<string>();
        await foreach (var name in Clients.DynamoDb(http, fake).ListTablesAllAsync(new ListTablesInput { Limit = 2 }))
        {
            names.Add(name);
        }

        Assert.Equal(["alpha", "bravo", "charlie", "delta", "echo"], names);
        Assert.Equal(
            ["{\"Limit\":2}", "{\"ExclusiveStartTableName\":\"bravo\",\"Limit\":2}", "{\"ExclusiveStartTableName\":\"delta\",\"Limit\":2}"],
            fake.Exchanges.Select(e => e.Request.BodyText));
        Assert.Equal(0, fake.SignatureFailures);
    }
}
