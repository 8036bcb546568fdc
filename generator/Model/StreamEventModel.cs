namespace Contracts.Generator.Model;

/// <summary>
/// A server-sent event name that chooses the case of the stream's union: an event named <see cref="EventName"/> is read
/// as <see cref="MemberType"/> and wrapped in the case <see cref="CaseName"/>.
/// </summary>
/// <param name="TypeInfoProperty">The JSON context property of <see cref="MemberType"/>, set by <see cref="Passes.JsonContextNaming"/>.</param>
internal sealed record StreamEventModel(string EventName, TypeRef MemberType, string CaseName, string TypeInfoProperty = "");
