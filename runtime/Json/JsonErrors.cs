using System.ComponentModel;
using System.Text.Json;

namespace Contracts.Runtime.Json;

/// <summary>The exceptions generated JSON converters throw, with messages that name the type and member.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class JsonErrors
{
    /// <summary>A member held a token of the wrong kind.</summary>
    public static JsonException UnexpectedToken(JsonTokenType actual, string expected, string typeName, string? memberName) =>
        new(memberName is null
            ? "Expected " + expected + " for '" + typeName + "' but found " + Describe(actual) + "."
            : "Expected " + expected + " for member '" + memberName + "' of '" + typeName + "' but found " + Describe(actual) + ".");

    /// <summary>A member held a number its type cannot hold (out of range, or a fraction for an integer).</summary>
    internal static JsonException NumberDoesNotFit(string expected, string typeName, string? memberName) =>
        new(memberName is null
            ? "Expected " + expected + " for '" + typeName + "' but found a number out of its range."
            : "Expected " + expected + " for member '" + memberName + "' of '" + typeName + "' but found a number out of its range.");

    /// <summary>A required member was absent.</summary>
    public static JsonException MissingRequired(string typeName, string memberName) =>
        new("The JSON object for '" + typeName + "' is missing the required member '" + memberName + "'.");

    /// <summary>
    /// A required member was absent, found from the bits a generated reader set: bit <c>i</c> of <paramref name="found"/>
    /// stands for <paramref name="requiredNames"/>[i], and the first one unset is named. One mask checked once compiles
    /// to less than a flag, an assignment and a check per required member.
    /// </summary>
    public static JsonException MissingRequired(string typeName, ulong found, string[] requiredNames)
    {
        for (var i = 0; i < requiredNames.Length; i++)
        {
            if ((found & (1UL << i)) == 0)
            {
                return MissingRequired(typeName, requiredNames[i]);
            }
        }

        return MissingRequired(typeName, requiredNames.Length > 0 ? requiredNames[0] : string.Empty);
    }

    /// <summary>
    /// Reading <paramref name="typeName"/> was left out of its generated converter, because the client never reads it
    /// (a type only sent): the exception names the opt-out.
    /// </summary>
    public static System.NotSupportedException ReadingNotGenerated(string typeName) => NotGenerated("Reading", typeName, "reads");

    /// <summary>
    /// Writing <paramref name="typeName"/> was left out of its generated converter, because the client never writes it
    /// (a type only received): the exception names the opt-out.
    /// </summary>
    public static System.NotSupportedException WritingNotGenerated(string typeName) => NotGenerated("Writing", typeName, "writes");

    private static System.NotSupportedException NotGenerated(string what, string typeName, string verb) =>
        new(what + " '" + typeName + "' as JSON was not generated: the client generated from the OpenAPI document never " + verb
            + " it. To read and write every type of the contract, set JsonDirections=\"Both\" on its <OpenApiContract> item"
            + " (contracts generate: --json-directions Both); see docs/generated-code.md.");

    /// <summary>
    /// The message of a failed read, with where it failed, printable: the body's text in it (member names in the path)
    /// is escaped and the path shortened (<see cref="ResponseText"/>). System.Text.Json records the position of an
    /// exception a converter throws but adds it to the message only for its own errors; the path is given when it says
    /// more than the root (generated converters read whole objects, so the position is what locates the member).
    /// </summary>
    internal static string Describe(JsonException exception)
    {
        var message = exception.Message;
        var path = exception.Path is { } p ? ResponseText.Printable(p, ResponseText.MaxQuotedLength) : null;
        if (message.IndexOf("LineNumber:", System.StringComparison.Ordinal) >= 0 || exception.LineNumber is null)
        {
            return ResponseText.Printable(path is null ? message : message.Replace(exception.Path!, path), ResponseText.MaxMessageLength);
        }

        var where = path is { Length: > 2 } ? "Path: " + path + " | " : string.Empty;
        return ResponseText.Printable(message.TrimEnd(), ResponseText.MaxMessageLength) + " " + where
            + "LineNumber: " + exception.LineNumber.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)
            + " | BytePositionInLine: " + (exception.BytePositionInLine ?? 0).ToString(System.Globalization.CultureInfo.InvariantCulture) + ".";
    }

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
