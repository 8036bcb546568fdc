using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;

namespace Contracts.AwsTests.Infrastructure;

/// <summary>
/// DynamoDB's ListTables (paged as DynamoDB pages it) and DescribeTable over a fixed set of tables: AWS JSON 1.0 (its content type differs
/// from Lightsail's 1.1), signing name <c>dynamodb</c>, PascalCase members.
/// </summary>
public sealed class FakeDynamoDb : FakeAwsEndpoint
{
    public const string Target = "DynamoDB_20120810.";

    private readonly Dictionary<string, DateTimeOffset> _tables;

    private FakeDynamoDb(IReadOnlyDictionary<string, DateTimeOffset> tables)
        : base(Target, "application/x-amz-json-1.0", "dynamodb", TestCredentials.Region, TestCredentials.Create())
    {
        _tables = new Dictionary<string, DateTimeOffset>(tables, StringComparer.Ordinal);
    }

    /// <summary>Starts an endpoint holding <paramref name="tables"/> (name → creation time).</summary>
    public static async Task<FakeDynamoDb> StartAsync(IReadOnlyDictionary<string, DateTimeOffset> tables)
    {
        var fake = new FakeDynamoDb(tables);
        await fake.ListenAsync().ConfigureAwait(false);
        return fake;
    }

    protected override FakeReply Handle(string operation, JsonElement input)
    {
        switch (operation)
        {
            case "ListTables":
                // As DynamoDB pages: names in order, after ExclusiveStartTableName, at most Limit (100 by default), and
                // LastEvaluatedTableName while more remain.
                var after = input.TryGetProperty("ExclusiveStartTableName", out var start) ? start.GetString() : null;
                var limit = input.TryGetProperty("Limit", out var limitValue) ? limitValue.GetInt32() : 100;
                var remaining = _tables.Keys.Order(StringComparer.Ordinal).Where(name => after is null || string.CompareOrdinal(name, after) > 0).ToList();
                var page = remaining.Take(limit).ToList();
                return FakeReply.Ok(AwsJson.Write(writer =>
                {
                    writer.WriteStartObject();
                    writer.WriteStartArray("TableNames");
                    foreach (var name in page)
                    {
                        writer.WriteStringValue(name);
                    }

                    writer.WriteEndArray();
                    if (remaining.Count > page.Count)
                    {
                        writer.WriteString("LastEvaluatedTableName", page[^1]);
                    }

                    writer.WriteEndObject();
                }));

            case "DescribeTable":
                var tableName = input.TryGetProperty("TableName", out var value) ? value.GetString() : null;
                if (tableName is null || !_tables.TryGetValue(tableName, out var created))
                {
                    return FakeReply.Error(400, "com.amazonaws.dynamodb.v20120810#ResourceNotFoundException", "Requested resource not found: Table: " + tableName + " not found");
                }

                return FakeReply.Ok(AwsJson.Write(writer =>
                {
                    writer.WriteStartObject();
                    writer.WriteStartObject("Table");
                    writer.WriteString("TableName", tableName);
                    writer.WriteString("TableStatus", "ACTIVE");
                    AwsJson.WriteEpoch(writer, "CreationDateTime", created);
                    writer.WriteNumber("ItemCount", 0);
                    writer.WriteEndObject();
                    writer.WriteEndObject();
                }));

            default:
                return FakeReply.Error(400, "UnknownOperationException", "The fake does not implement " + operation + ".");
        }
    }
}
