using Contracts.Generator.Helpers;

namespace Contracts.Generator.Model;

/// <summary>One scheme of a security requirement and the scopes it asks for.</summary>
internal sealed record SchemeUseModel(string Scheme, EquatableArray<string> Scopes);
