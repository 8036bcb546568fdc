using System.Collections.Generic;
using Contracts.Generator.Helpers;
using Contracts.Generator.Model;

namespace Contracts.Generator.Passes;

/// <summary>
/// The types the client's operations start from: what they send (parameters, bodies, multipart fields) and what they
/// receive (success and error bodies, every declared response of a generated server, stream items and events, paging
/// items, envelope errors, AWS error details). One
/// list for the passes that follow types from the operations, so that a new place a type can appear is added once.
/// </summary>
internal static class ClientTypeRoots
{
    /// <summary>
    /// The types the operations send. <paramref name="asJson"/>: only those written through the JSON context (JSON and form
    /// bodies, JSON parts of multipart bodies, parameters spelled through JSON); otherwise every one.
    /// </summary>
    public static IEnumerable<TypeRef> Sent(ClientModel client, bool asJson)
    {
        foreach (var operation in client.Operations)
        {
            foreach (var parameter in operation.Parameters)
            {
                if (!asJson || parameter.NeedsTypeInfo)
                {
                    yield return parameter.Type;
                }
            }

            if (operation.Body is { } body)
            {
                if (!asJson || body.NeedsTypeInfo)
                {
                    yield return body.Type;
                }

                foreach (var field in body.Fields)
                {
                    if (!asJson || field.Kind == MultipartFieldKind.Json)
                    {
                        yield return field.Type;
                    }
                }
            }
        }
    }

    /// <summary>
    /// The types the operations receive. <paramref name="asJson"/>: a success body only when it is read through the JSON
    /// context (the others always are); otherwise every one.
    /// </summary>
    public static IEnumerable<TypeRef> Received(ClientModel client, bool asJson)
    {
        foreach (var operation in client.Operations)
        {
            if (operation.Response is { Type: { } type } response && (!asJson || response.NeedsTypeInfo))
            {
                yield return type;
            }

            foreach (var error in operation.Errors)
            {
                yield return error.Type;
            }

            // Only a generated server declares them: it writes each declared response.
            foreach (var declared in operation.Responses)
            {
                if (declared is { Kind: ResponseKind.Json, Type: { } declaredType })
                {
                    yield return declaredType;
                }
            }

            if (operation.Stream is { } stream)
            {
                yield return stream.ItemType;
                foreach (var streamEvent in stream.EventTypes)
                {
                    yield return streamEvent.MemberType;
                }
            }

            if (operation.Paging is { } paging)
            {
                yield return paging.ItemType;
            }
        }

        foreach (var envelope in client.Envelopes)
        {
            yield return envelope.ErrorType;
        }

        foreach (var error in client.Aws?.Errors ?? EquatableArray<AwsErrorModel>.Empty)
        {
            if (error.Details is { } details)
            {
                yield return details;
            }
        }
    }
}
