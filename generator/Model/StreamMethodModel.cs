using Contracts.Generator.Helpers;

namespace Contracts.Generator.Model;

/// <summary>
/// The method that reads an operation's streamed success response (server-sent events, JSON Lines, JSON text
/// sequences) item by item, returning a <c>StreamingResponse&lt;TItem&gt;</c>.
/// </summary>
/// <param name="MethodName">
/// The method's name. When the stream is the operation's only success body, the operation's own name; otherwise
/// <c>…StreamingAsync</c> beside the method of the other media type, set by <see cref="Passes.MethodSignatures"/>
/// (empty before it runs).
/// </param>
/// <param name="MediaType">The stream's media type, as the document spells it; sent as <c>Accept</c>.</param>
/// <param name="ItemType">The type of one item: the media type's schema (an array schema: its items), else <c>JsonElement</c>.</param>
/// <param name="ItemTypeInfoProperty">The JSON context property of <see cref="ItemType"/>, set by <see cref="Passes.JsonContextNaming"/>.</param>
/// <param name="IsOnlyResult">The stream is the only success body: the operation's own method streams.</param>
/// <param name="Description">The success response's description.</param>
/// <param name="FlagProperty">
/// The C# name of the JSON body's boolean <c>stream</c> member, which the streaming method sends as <c>true</c>; null
/// when the body has none. Set by <see cref="Passes.StreamMethods"/>.
/// </param>
/// <param name="EventTypes">The event names that choose the union case of an item; empty when the names choose nothing. Set by <see cref="Passes.StreamMethods"/>.</param>
/// <param name="EventTypesFieldName">The client's static field holding the <c>EventTypeMap</c>; null when <see cref="EventTypes"/> is empty.</param>
internal sealed record StreamMethodModel(
    string MethodName,
    string MediaType,
    StreamFormat Format,
    TypeRef ItemType,
    string ItemTypeInfoProperty,
    bool IsOnlyResult,
    string? Description,
    string? FlagProperty = null,
    EquatableArray<StreamEventModel> EventTypes = default,
    string? EventTypesFieldName = null);
