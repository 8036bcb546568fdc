using System;
using Contracts.Generator.Model;
using Contracts.Generator.Helpers;

namespace Contracts.Generator.Documentation;

/// <summary>
/// Puts the documentation <see cref="DocumentationSplitter"/> took out back into a model translated from the structure:
/// every text the model prints as documentation, with each placeholder replaced by its value. Run on every
/// description edit; its output compares equal where the documentation did not change, so only those files re-emit.
/// </summary>
internal static class DocumentationRestorer
{
    public static SpecModel Restore(SpecModel model, DocumentationTable table)
    {
        if (table.IsEmpty)
        {
            return model;
        }

        return model with
        {
            Records = Map(model.Records, record => Record(record, table)),
            Enums = Map(model.Enums, item => item with { Description = table.Restore(item.Description) }),
            Unions = Map(model.Unions, union => union with { Description = table.Restore(union.Description) }),
            Client = Client(model.Client, table),
        };
    }

    private static RecordModel Record(RecordModel record, DocumentationTable table) => record with
    {
        Description = table.Restore(record.Description),
        Properties = Map(record.Properties, property => Property(property, table)),
        Hierarchy = record.Hierarchy is { } hierarchy ? hierarchy with { Inherited = Map(hierarchy.Inherited, property => Property(property, table)) } : null,
    };

    private static PropertyModel Property(PropertyModel property, DocumentationTable table) =>
        property with { Description = table.Restore(property.Description) };

    private static ClientModel Client(ClientModel client, DocumentationTable table) => client with
    {
        Title = table.Restore(client.Title),
        Description = table.Restore(client.Description),
        Server = client.Server with
        {
            Description = table.Restore(client.Server.Description),
            Variables = Map(client.Server.Variables, variable => variable with { Description = table.Restore(variable.Description) }),
        },
        Operations = Map(client.Operations, operation => Operation(operation, table)),
        Security = client.Security is { } security
            ? security with { Schemes = Map(security.Schemes, scheme => scheme with { Description = table.Restore(scheme.Description) }) }
            : null,
    };

    private static OperationModel Operation(OperationModel operation, DocumentationTable table) => operation with
    {
        Summary = table.Restore(operation.Summary),
        Description = table.Restore(operation.Description),
        Parameters = Map(operation.Parameters, parameter => parameter with { Description = table.Restore(parameter.Description) }),
        Body = operation.Body is { } body
            ? body with
            {
                Description = table.Restore(body.Description),
                Fields = Map(body.Fields, field => field with { Description = table.Restore(field.Description) }),
            }
            : null,
        Response = operation.Response with { Description = table.Restore(operation.Response.Description) },
        WithResponse = operation.WithResponse is { } withResponse
            ? withResponse with { Headers = Map(withResponse.Headers, header => header with { Description = table.Restore(header.Description) }) }
            : null,
        Stream = operation.Stream is { } stream ? stream with { Description = table.Restore(stream.Description) } : null,
        Responses = Map(operation.Responses, response => response with { Description = table.Restore(response.Description) }),
    };

    /// <summary>The array with each item rewritten (default stays default: it equals empty).</summary>
    private static EquatableArray<T> Map<T>(EquatableArray<T> items, Func<T, T> rewrite)
        where T : IEquatable<T>
    {
        if (items.IsEmpty)
        {
            return items;
        }

        var rewritten = new T[items.Count];
        for (var i = 0; i < rewritten.Length; i++)
        {
            rewritten[i] = rewrite(items[i]);
        }

        return new EquatableArray<T>(rewritten);
    }
}
