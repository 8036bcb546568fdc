namespace Contracts.Generator.Tests.Properties;

/// <summary>
/// The JSON names the random graphs draw from. They are part of what must survive the round trip: C# keywords,
/// names of members every record or union already has, names that collide once made PascalCase, non-Latin text,
/// punctuation, surrogate pairs and the empty name.
/// </summary>
internal static class NamePools
{
    public static readonly string[] PropertyNames =
    [
        // Ordinary.
        "id", "name", "count", "items", "createdAt", "status", "value2", "x",
        // C# keywords and contextual keywords.
        "class", "namespace", "int", "event", "return", "var", "async", "record", "required", "global", "default", "this",
        // Members every generated record or union has (or the base types declare).
        "Value", "Equals", "GetHashCode", "ToString", "EqualityContract", "Match", "Switch", "AdditionalProperties", "GetType",
        // Collide once sanitised: user_id / userId / UserId / user-id / user id / USER_ID.
        "user_id", "userId", "UserId", "user-id", "user id", "USER_ID", "Name", "NAME",
        // Non-Latin and accented.
        "名前", "имя", "ñandú", "δέλτα", "Ärger", "ключ_2",
        // Punctuation, digits first, whitespace, surrogate pairs, the empty name.
        "@type", "$type", "a.b", "x:y", "1st", "42", "_", "__", "-", "with\"quote", "back\\slash", "tab\there", "😀", "a😀b", "",
    ];

    /// <summary>Odd string enum values (and discriminator mapping values).</summary>
    public static readonly string[] EnumValues =
    [
        "active", "Active", "ACTIVE", "in-progress", "in_progress", "in progress", "", " ", "null", "true", "0", "1.5", "-1",
        "class", "Value", "é", "名前", "😀", "a/b", "a\\b", "\"quoted\"", "line\nbreak", "$ref", "#/x", "<b>", "&amp;",
    ];

    /// <summary>Integer enum values, edges included.</summary>
    public static readonly long[] IntegerEnumValues = [0, 1, -1, 2, 7, 42, -42, 1000, int.MaxValue, int.MinValue, long.MaxValue, long.MinValue];

    /// <summary>Schema names: simple PascalCase words (with the schema index) so that the C# type name is the schema name.</summary>
    public static readonly string[] SchemaWords =
    [
        "Alpha", "Bravo", "Charlie", "Delta", "Echo", "Foxtrot", "Golf", "Hotel", "India", "Juliet", "Kilo", "Lima",
    ];

    /// <summary>Characters of random string values: ASCII, JSON escapes, control characters, non-Latin, surrogate pairs.</summary>
    public static readonly string[] StringPieces =
    [
        "a", "Z", "0", " ", "-", "_", "\"", "\\", "/", "\n", "\t", "\u0001", "\u007f", "é", "ß", "名", "ж", "😀", "<", ">", "&", "'", "+", "\u2028",
    ];
}
