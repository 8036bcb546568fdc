using System.Text.Json;

namespace Contracts.Runtime.Json;

/// <summary>The exceptions generated JSON converters throw, with messages that name the type and member.</summary>
public static class JsonErrors
{
    /// <summary>A member held a token of the wrong kind.</summary>
    public static JsonException UnexpectedToken(JsonTokenType actual, string expected, string typeName, string? memberName) =>
        new(memberName is null
            ? "Expected " + expected + " for '" + typeName + "' but found " + Describe(actual) + "."
            : "Expected " + expected + " for member '" + memberName + "' of '" + typeName + "' but found " + Describe(actual) + ".");

    /// <summary>A required member was absent.</summary>
    public static JsonException MissingRequired(string typeName, string memberName) =>
        new("The JSON object for '" + typeName + "' is missing the required member '" + memberName + "'.");

    /// <summary>"an object", "a string"…: a token as error messages name it.</summary>
    internal static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.Null => "null",
        _ => token.ToString(),
    };
}
