using System;
using Contracts.Generator.Model;

namespace Contracts.Generator.Emitting;

/// <summary>Prints a <see cref="LiteralValue"/> as a C# constant expression of its member's type.</summary>
internal static class LiteralCode
{
    public static string Of(LiteralValue value, TypeRef type, EmitTarget target) => value.Kind switch
    {
        LiteralKind.String => Literals.String(value.Text),
        LiteralKind.Boolean => value.Text,
        LiteralKind.Number => value.Text + type.Kind switch
        {
            TypeKind.Int64 => "L",
            TypeKind.Single => "f",
            TypeKind.Double => "d",
            TypeKind.Decimal => "m",
            _ => string.Empty,
        },
        LiteralKind.EnumMember => TypeNames.Of(type, target) + "." + value.Text,
        _ => throw new ArgumentOutOfRangeException(nameof(value), value.Kind, null),
    };
}
