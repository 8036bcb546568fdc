using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Contracts.Testing;

/// <summary>
/// Compares two JSON values as the wire means them: a missing member is a null one, numbers compare by value
/// (<c>1</c> and <c>1.0</c>), and date-times by the instant they name (<c>…Z</c> and <c>…+00:00</c>).
/// </summary>
internal static class JsonAgreement
{
    /// <summary>The first difference, as (member path, expected, actual), or null when they agree.</summary>
    public static (string Path, string Expected, string Actual)? FirstDifference(JsonNode? expected, JsonNode? actual, string path)
    {
        if (IsNull(expected) && IsNull(actual))
        {
            return null;
        }

        if (IsNull(expected) || IsNull(actual))
        {
            return (path, Show(expected), Show(actual));
        }

        switch (expected)
        {
            case JsonObject expectedObject when actual is JsonObject actualObject:
                foreach (var name in expectedObject.Select(p => p.Key).Concat(actualObject.Select(p => p.Key)).Distinct(StringComparer.Ordinal))
                {
                    expectedObject.TryGetPropertyValue(name, out var e);
                    actualObject.TryGetPropertyValue(name, out var a);
                    if (FirstDifference(e, a, path + "." + name) is { } difference)
                    {
                        return difference;
                    }
                }

                return null;
            case JsonArray expectedArray when actual is JsonArray actualArray:
                if (expectedArray.Count != actualArray.Count)
                {
                    return (path + ".length", expectedArray.Count.ToString(CultureInfo.InvariantCulture), actualArray.Count.ToString(CultureInfo.InvariantCulture));
                }

                for (var i = 0; i < expectedArray.Count; i++)
                {
                    if (FirstDifference(expectedArray[i], actualArray[i], path + "[" + i.ToString(CultureInfo.InvariantCulture) + "]") is { } difference)
                    {
                        return difference;
                    }
                }

                return null;
            case JsonValue expectedValue when actual is JsonValue actualValue:
                return ValuesAgree(expectedValue, actualValue) ? null : (path, Show(expected), Show(actual));
            default:
                return (path, Show(expected), Show(actual));
        }
    }

    private static bool IsNull(JsonNode? node) => node is null || node.GetValueKind() == JsonValueKind.Null;

    private static bool ValuesAgree(JsonValue expected, JsonValue actual)
    {
        var expectedKind = expected.GetValueKind();
        var actualKind = actual.GetValueKind();
        if (expectedKind == JsonValueKind.Number && actualKind == JsonValueKind.Number)
        {
            var e = expected.ToJsonString();
            var a = actual.ToJsonString();
            if (decimal.TryParse(e, NumberStyles.Float, CultureInfo.InvariantCulture, out var de)
                && decimal.TryParse(a, NumberStyles.Float, CultureInfo.InvariantCulture, out var da))
            {
                return de == da;
            }

            return double.Parse(e, CultureInfo.InvariantCulture).Equals(double.Parse(a, CultureInfo.InvariantCulture));
        }

        if (expectedKind == JsonValueKind.String && actualKind == JsonValueKind.String)
        {
            var e = expected.GetValue<string>();
            var a = actual.GetValue<string>();
            return string.Equals(e, a, StringComparison.Ordinal) || SameInstant(e, a);
        }

        return expected.ToJsonString() == actual.ToJsonString();
    }

    private static bool SameInstant(string expected, string actual) =>
        expected.Length >= 19 && actual.Length >= 19 && expected[10] is 'T' or 't' && actual[10] is 'T' or 't'
        && DateTimeOffset.TryParse(expected, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var e)
        && DateTimeOffset.TryParse(actual, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var a)
        && e.UtcDateTime == a.UtcDateTime;

    private static string Show(JsonNode? node)
    {
        if (IsNull(node))
        {
            return "null (or missing)";
        }

        var text = node!.ToJsonString();
        return text.Length > 200 ? text.Substring(0, 200) + "…" : text;
    }
}
