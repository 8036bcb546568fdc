using Contracts.Generator.Helpers;

namespace Contracts.Generator.Model;

/// <summary>The document's security schemes (one option each, in document order) and the requirement lists its operations use.</summary>
internal sealed record SecurityModel(EquatableArray<SecuritySchemeModel> Schemes, EquatableArray<SecurityArrayModel> Requirements);
