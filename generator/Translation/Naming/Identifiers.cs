using System.Globalization;
using System.Text;
using Contracts.Generator.Helpers;
using Microsoft.CodeAnalysis.CSharp;

namespace Contracts.Generator.Translation.Naming;

/// <summary>
/// Turns names from a spec (any Unicode text) into valid C# identifiers. The result only ever contains letters,
/// digits and underscores, so it can never close a string, comment or member declaration, and no letter that shows nothing.
/// </summary>
internal static class Identifiers
{
    /// <summary><c>created_at</c> → <c>CreatedAt</c>, <c>X-Amz-Target</c> → <c>XAmzTarget</c>, <c>1st</c> → <c>_1st</c>.</summary>
    public static string ToPascalCase(string? raw, string fallback)
    {
        var builder = new StringBuilder(raw?.Length ?? 0);
        var upperNext = true;
        foreach (var c in raw ?? string.Empty)
        {
            if (!IsIdentifierPart(c))
            {
                upperNext = true;
                continue;
            }

            builder.Append(upperNext ? char.ToUpperInvariant(c) : c);
            upperNext = false;
        }

        return Finish(builder, fallback);
    }

    /// <summary>PascalCase with a lower-case first letter, escaped with <c>@</c> when it is a keyword.</summary>
    public static string ToCamelCase(string? raw, string fallback)
    {
        var pascal = ToPascalCase(raw, fallback);
        var camel = pascal[0] == '_' ? pascal : char.ToLowerInvariant(pascal[0]) + pascal.Substring(1);

        // "@nameof" is a valid name everywhere except inside nameof(…), where generated argument checks use it.
        return camel == "nameof" ? "nameofValue" : IsKeyword(camel) ? "@" + camel : camel;
    }

    /// <summary>A dotted namespace with every part made a valid identifier.</summary>
    public static string ToNamespace(string raw, string fallback)
    {
        var parts = raw.Split('.');
        var builder = new StringBuilder();
        foreach (var part in parts)
        {
            if (part.Trim().Length == 0)
            {
                continue;
            }

            if (builder.Length > 0)
            {
                builder.Append('.');
            }

            // A part that already is an identifier is kept as written (RootNamespace "app" stays "app").
            var trimmed = part.Trim();
            // C# accepts format characters (zero-width, bidirectional) in identifiers; they would be invisible in the code.
            var identifier = SyntaxFacts.IsValidIdentifier(trimmed) && !InvisibleCharacters.ContainsHidden(trimmed) ? trimmed : ToPascalCase(trimmed, "Generated");
            builder.Append(IsKeyword(identifier) ? "@" + identifier : identifier);
        }

        return builder.Length == 0 ? fallback : builder.ToString();
    }

    /// <summary>The longest identifier handed out; C# allows 512 characters and file systems 255 per file name.</summary>
    public const int MaxLength = 128;

    /// <summary>
    /// Cuts an over-long identifier (names built from deeply nested inline schemas, or hostile ones) to
    /// <see cref="MaxLength"/>: a prefix plus a hash of the whole name, so distinct names stay distinct and stable.
    /// </summary>
    public static string Shorten(string identifier)
    {
        if (identifier.Length <= MaxLength)
        {
            return identifier;
        }

        // FNV-1a: stable across processes and platforms, unlike string.GetHashCode.
        var hash = 2166136261u;
        foreach (var c in identifier)
        {
            hash = unchecked((hash ^ c) * 16777619u);
        }

        return identifier.Substring(0, MaxLength - 9) + "_" + hash.ToString("x8", CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// Why <paramref name="name"/>, a name a spec gives explicitly (<c>x-contracts-name</c>), cannot be used as written, or
    /// null when it can: letters, digits and underscores only (what <see cref="ToPascalCase"/> itself produces, so no
    /// character can show nothing or end a declaration), not starting with a digit, at most <see cref="MaxLength"/>
    /// characters, and not a keyword (generated code also puts names in <c>nameof</c> and field names, where <c>@</c> does not go).
    /// </summary>
    public static string? ProblemWith(string name)
    {
        if (name.Length == 0)
        {
            return "it is empty";
        }

        if (name.Length > MaxLength)
        {
            return "it is longer than " + MaxLength.ToString(CultureInfo.InvariantCulture) + " characters";
        }

        foreach (var c in name)
        {
            if (c != '_' && !IsIdentifierPart(c))
            {
                return "'" + name + "' is not a C# identifier (letters, digits and underscores only)";
            }
        }

        if (!IsIdentifierStart(name[0]))
        {
            return "'" + name + "' is not a C# identifier (it starts with a digit)";
        }

        return IsKeyword(name) || name == "nameof" ? "'" + name + "' is a C# keyword" : null;
    }

    public static bool IsKeyword(string identifier) =>
        SyntaxFacts.GetKeywordKind(identifier) != SyntaxKind.None || SyntaxFacts.GetContextualKeywordKind(identifier) != SyntaxKind.None;

    private static string Finish(StringBuilder builder, string fallback)
    {
        if (builder.Length == 0)
        {
            return fallback;
        }

        if (!IsIdentifierStart(builder[0]))
        {
            builder.Insert(0, '_');
        }

        var identifier = builder.ToString();
        return SyntaxFacts.IsValidIdentifier(identifier) ? identifier : fallback;
    }

    private static bool IsIdentifierStart(char c) => c == '_' || char.IsLetter(c);

    private static bool IsIdentifierPart(char c)
    {
        // Hangul fillers are letters that show nothing: two names differing by one would look the same.
        if (InvisibleCharacters.IsHidden(c))
        {
            return false;
        }

        switch (CharUnicodeInfo.GetUnicodeCategory(c))
        {
            case UnicodeCategory.UppercaseLetter:
            case UnicodeCategory.LowercaseLetter:
            case UnicodeCategory.TitlecaseLetter:
            case UnicodeCategory.ModifierLetter:
            case UnicodeCategory.OtherLetter:
            case UnicodeCategory.DecimalDigitNumber:
                return true;
            default:
                return false;
        }
    }
}
