using Contracts.Generator.Helpers;

namespace Contracts.Generator.Model;

/// <summary>One alternative of a <c>security</c> list: every scheme in it applies (AND); none means anonymous (<c>{}</c>).</summary>
internal sealed record SecurityRequirementModel(EquatableArray<SchemeUseModel> Schemes);
