namespace Contracts.Generator.Model;

/// <summary>The kinds of <see cref="LiteralValue"/>.</summary>
internal enum LiteralKind
{
    String,
    Boolean,
    Number,

    /// <summary>A member of the generated enum the member's type names.</summary>
    EnumMember,
}
