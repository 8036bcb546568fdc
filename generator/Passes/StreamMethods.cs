using System;
using System.Collections.Generic;
using System.Linq;
using Contracts.Generator.Helpers;
using Contracts.Generator.Model;

namespace Contracts.Generator.Passes;

/// <summary>
/// Completes each streaming method from the finished types: the JSON body's boolean <c>stream</c> member the method
/// sets (OpenAI's <c>stream: true</c>), and, for server-sent events whose item is a discriminated union, the event
/// names that choose its case. A pure step: model in, model out.
/// </summary>
internal static class StreamMethods
{
    public static SpecModel Apply(SpecModel model)
    {
        if (!model.Client.Operations.Any(o => o.Stream is not null))
        {
            return model;
        }

        var records = model.Records.ToDictionary(r => r.Name, StringComparer.Ordinal);
        var unions = model.Unions.ToDictionary(u => u.Name, StringComparer.Ordinal);
        var operations = model.Client.Operations.Select(operation => operation.Stream is not { } stream ? operation : operation with
        {
            Stream = stream with
            {
                FlagProperty = FlagProperty(operation.Body, records),
                EventTypes = EventTypes(stream, unions),
            },
        }).Select(operation => operation.Stream is { EventTypes.IsEmpty: false } stream
            ? operation with { Stream = stream with { EventTypesFieldName = "s_" + operation.MethodName + "StreamEvents" } }
            : operation);
        return model with { Client = model.Client with { Operations = operations.ToEquatableArray() } };
    }

    /// <summary>The C# name of the JSON body's boolean member <c>stream</c>, or null.</summary>
    private static string? FlagProperty(RequestBodyModel? body, IReadOnlyDictionary<string, RecordModel> records) =>
        body is { Kind: BodyKind.Json, Type: { Kind: TypeKind.Object, Name: { } name } } && records.TryGetValue(name, out var record)
            ? record.Members.FirstOrDefault(p => p.JsonName == "stream" && p.Type.Kind == TypeKind.Boolean && p.Access != MemberAccess.ReadOnly)?.Name
            : null;

    /// <summary>
    /// The event names of a server-sent event stream whose item is a union with a discriminator: each object case's
    /// constant discriminator value (OpenAI's <c>type: response.created</c>), else its <c>mapping</c> names (or
    /// implicit component name). A name two cases claim chooses neither; no name, no map.
    /// </summary>
    private static EquatableArray<StreamEventModel> EventTypes(StreamMethodModel stream, IReadOnlyDictionary<string, UnionModel> unions)
    {
        if (stream.Format != StreamFormat.ServerSentEvents || stream.ItemType is not { Kind: TypeKind.Union, Name: { } name }
            || !unions.TryGetValue(name, out var union) || union.Discriminator is not { } discriminator)
        {
            return EquatableArray<StreamEventModel>.Empty;
        }

        var events = new List<StreamEventModel>();
        foreach (var @case in union.Cases.Where(c => c.Type.Kind == TypeKind.Object))
        {
            var constant = @case.Members.FirstOrDefault(m => m.Name == discriminator)?.Values ?? EquatableArray<string>.Empty;
            foreach (var eventName in constant.IsEmpty ? @case.DiscriminatorValues : constant)
            {
                events.Add(new StreamEventModel(eventName, @case.Type, @case.Name));
            }
        }

        var claimed = events.GroupBy(e => e.EventName, StringComparer.Ordinal).Where(g => g.Count() == 1).Select(g => g.Key);
        var unique = new HashSet<string>(claimed, StringComparer.Ordinal);
        return events.Where(e => unique.Contains(e.EventName)).ToEquatableArray();
    }
}
