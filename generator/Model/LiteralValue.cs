namespace Contracts.Generator.Model;

/// <summary>
/// A value the document fixes for a member, checked against the member's type: its <c>default</c> or its only
/// allowed value (a one-value <c>enum</c> or <c>const</c>). The emitter prints it as a C# constant expression.
/// </summary>
/// <param name="Kind">How <paramref name="Text"/> is printed.</param>
/// <param name="Text">
/// The string itself (<see cref="LiteralKind.String"/>, escaped when printed), <c>true</c>/<c>false</c>, a number's
/// invariant digits that fit the member's type, or the C# name of an enum member.
/// </param>
/// <param name="Json">The value as compact JSON text, for the docs.</param>
internal sealed record LiteralValue(LiteralKind Kind, string Text, string Json);
