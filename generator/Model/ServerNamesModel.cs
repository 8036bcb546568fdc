using Contracts.Generator.Helpers;

namespace Contracts.Generator.Model;

/// <summary>
/// The names of the generated ASP.NET Core server of one document, decided with the other type names
/// (<see cref="Translation.ServerNaming"/>): the handler interface the user implements, the static class with the
/// <c>Map…</c> extension method, and one result struct per operation the server serves. An operation the server cannot serve
/// in this version has no entry (and was reported as CTR149).
/// </summary>
/// <param name="HandlerName"><c>I{Base}Handler</c>.</param>
/// <param name="EndpointsName"><c>{Base}Endpoints</c>.</param>
/// <param name="MapMethodName"><c>Map{Base}</c>.</param>
/// <param name="Operations">The served operations, by client method name, in the client's order.</param>
internal sealed record ServerNamesModel(string HandlerName, string EndpointsName, string MapMethodName, EquatableArray<ServedOperationName> Operations);

/// <summary>A served operation: the client method it mirrors, and its result struct.</summary>
internal sealed record ServedOperationName(string MethodName, string ResultName);
