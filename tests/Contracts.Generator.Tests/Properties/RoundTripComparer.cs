using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Contracts.Generator.Tests.Properties;

/// <summary>
/// What "written back unchanged" means, precisely, for JSON read and written through a generated context (the
/// expected JSON is the instance that was read; the actual is what was written):
/// <list type="bullet">
/// <item>Objects: the same members, in any order (additional ones too, where the schema keeps them). An optional member that was null is absent (the generated records
/// do not write unset optional members); a required member that was null is null.</item>
/// <item>Numbers: the same value in the schema's type (a 32- or 64-bit integer, a float, a double), however spelled
/// (<c>1E+2</c> and <c>100</c> are equal); in free-form JSON, the same decimal value.</item>
/// <item><c>date-time</c>: the same instant and the same offset (<c>Z</c> and <c>+00:00</c> are equal; fraction digits free).
/// <c>duration</c>: the same length (<c>P2W</c> and <c>P14D</c> are equal). <c>uuid</c>: the same UUID (case free).
/// <c>byte</c>: the same bytes. Every other string (<c>date</c>, <c>uri</c>, enums, plain strings, map keys and member
/// names): exactly the same characters.</item>
/// <item>Unions: the value equals the instance under one of the cases; a discriminated union writes the same
/// discriminator value.</item>
/// <item>Hierarchies: a value typed as a base with a discriminator equals the instance under the derived schema its
/// discriminator names (the base for an unknown value), undeclared members kept.</item>
/// </list>
/// </summary>
internal sealed class RoundTripComparer(SchemaGraph graph)
{
    /// <summary>Null when <paramref name="actual"/> is <paramref name="expected"/> unchanged, else where and how it differs.</summary>
    public string? CompareSchema(int index, JsonNode? expected, JsonNode? actual) => Named(index, expected, actual, "$");

    private string? Value(Shape shape, bool nullable, JsonNode? expected, JsonNode? actual, string path)
    {
        if (expected is null)
        {
            return actual is null ? null : $"{path}: expected null, got {actual.ToJsonString()}";
        }

        if (actual is null)
        {
            return $"{path}: expected {expected.ToJsonString()}, got null";
        }

        return shape switch
        {
            ScalarShape scalar => Scalar(scalar.Kind, expected, actual, path),
            StringEnumShape => SameString(expected, actual, path),
            IntegerEnumShape => SameNumber(expected, actual, path, text => long.Parse(text, CultureInfo.InvariantCulture)),
            ArrayShape array => Array(array, expected, actual, path),
            MapShape map => Map(map, expected, actual, path),
            RefShape reference => Named(reference.Target, expected, actual, path),
            _ => throw new ArgumentOutOfRangeException(nameof(shape)),
        };
    }

    private string? Named(int index, JsonNode? expected, JsonNode? actual, string path) => graph.Schemas[index] switch
    {
        ObjectDef obj => Object(obj, expected, actual, path, ignored: null),
        EnumDef e => Value(e.Enum, false, expected, actual, path),
        UnionDef union => expected is null ? Kinds(expected, actual, path) : Union(union, expected, actual, path),
        _ => throw new ArgumentOutOfRangeException(nameof(index)),
    };

    private string? Object(ObjectDef obj, JsonNode? expected, JsonNode? actual, string path, string? ignored)
    {
        if (expected is not JsonObject e || actual is not JsonObject a)
        {
            return Kinds(expected, actual, path);
        }

        // A value typed as a base with a discriminator is the derived schema its discriminator names.
        var index = graph.ConcreteOf(graph.IndexOf(obj), expected);
        obj = (ObjectDef)graph.Schemas[index];
        var properties = graph.Flatten(obj);
        foreach (var property in properties)
        {
            var where = path + "." + property.JsonName;
            var hasExpected = e.TryGetPropertyValue(property.JsonName, out var expectedValue);
            var hasActual = a.TryGetPropertyValue(property.JsonName, out var actualValue);
            if (!hasExpected || (expectedValue is null && !property.Required))
            {
                if (hasActual)
                {
                    return $"{where}: expected no member, got {actualValue?.ToJsonString() ?? "null"}";
                }

                continue;
            }

            if (!hasActual)
            {
                return $"{where}: expected {expectedValue?.ToJsonString() ?? "null"}, the member is missing";
            }

            if (Value(property.Shape, property.Nullable, expectedValue, actualValue, where) is { } difference)
            {
                return difference;
            }
        }

        var declared = properties.Select(p => p.JsonName).Append(ignored).ToHashSet(StringComparer.Ordinal);
        if ((obj.Extra ?? (graph.KeepsUnknownMembers(index) ? new ScalarShape(ScalarKind.Any) : null)) is { } kept)
        {
            // Additional members: the same names (in any order) with the same values of the additionalProperties schema.
            var expectedExtra = e.Where(m => !declared.Contains(m.Key)).Select(m => m.Key).Order(StringComparer.Ordinal).ToList();
            var actualExtra = a.Where(m => !declared.Contains(m.Key)).Select(m => m.Key).Order(StringComparer.Ordinal).ToList();
            if (!expectedExtra.SequenceEqual(actualExtra))
            {
                return $"{path}: expected the additional members [{string.Join(", ", expectedExtra)}], got [{string.Join(", ", actualExtra)}]";
            }

            return expectedExtra.Select(key => Value(kept, false, e[key], a[key], path + "." + key)).FirstOrDefault(d => d is not null);
        }

        var extra = a.Select(m => m.Key).FirstOrDefault(key => !declared.Contains(key));
        return extra is null ? null : $"{path}: unexpected member '{extra}'";
    }

    private string? Union(UnionDef union, JsonNode expected, JsonNode? actual, string path)
    {
        if (union.Discriminator is { } discriminator)
        {
            var value = expected[discriminator.PropertyName]!.GetValue<string>();
            var index = Enumerable.Range(0, union.Cases.Count).Single(i => graph.DiscriminatorValue(union, i) == value);
            if (actual is not JsonObject a || !a.TryGetPropertyValue(discriminator.PropertyName, out var written) || written?.GetValueKind() != JsonValueKind.String
                || written.GetValue<string>() != value)
            {
                return $"{path}: expected the discriminator {discriminator.PropertyName}={value}, got {actual?.ToJsonString()}";
            }

            var target = (ObjectDef)graph.Schemas[((RefShape)union.Cases[index]).Target];
            return Object(target, expected, actual, path, discriminator.PropertyName);
        }

        var differences = union.Cases.Select(c => Value(c, false, expected, actual, path)).ToList();
        return differences.Any(d => d is null) ? null : $"{path}: fits no case of {union.Name}: " + string.Join(" | ", differences);
    }

    private string? Array(ArrayShape array, JsonNode expected, JsonNode actual, string path)
    {
        if (expected is not JsonArray e || actual is not JsonArray a)
        {
            return Kinds(expected, actual, path);
        }

        if (e.Count != a.Count)
        {
            return $"{path}: expected {e.Count} items, got {a.Count}";
        }

        return Enumerable.Range(0, e.Count).Select(i => Value(array.Items, array.NullableItems, e[i], a[i], $"{path}[{i}]")).FirstOrDefault(d => d is not null);
    }

    private string? Map(MapShape map, JsonNode expected, JsonNode actual, string path)
    {
        if (expected is not JsonObject e || actual is not JsonObject a)
        {
            return Kinds(expected, actual, path);
        }

        if (!e.Select(m => m.Key).Order(StringComparer.Ordinal).SequenceEqual(a.Select(m => m.Key).Order(StringComparer.Ordinal)))
        {
            return $"{path}: expected the keys [{string.Join(", ", e.Select(m => m.Key))}], got [{string.Join(", ", a.Select(m => m.Key))}]";
        }

        return e.Select(m => Value(map.Values, map.NullableValues, m.Value, a[m.Key], $"{path}[{m.Key}]")).FirstOrDefault(d => d is not null);
    }

    private static string? Scalar(ScalarKind kind, JsonNode expected, JsonNode actual, string path) => kind switch
    {
        ScalarKind.DateTime => SameBy(expected, actual, path, text =>
        {
            var value = DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
            return (value.UtcTicks, value.Offset);
        }),
        ScalarKind.Duration => SameBy(expected, actual, path, IsoDurationText.Parse),
        ScalarKind.Uuid => SameBy(expected, actual, path, text => System.Guid.Parse(text)),
        ScalarKind.Byte => SameBy(expected, actual, path, text => Convert.ToHexString(Convert.FromBase64String(text))),
        ScalarKind.Int32 or ScalarKind.Int64 or ScalarKind.Integer => SameNumber(expected, actual, path, text => long.Parse(text, CultureInfo.InvariantCulture)),
        ScalarKind.Float => SameNumber(expected, actual, path, text => float.Parse(text, CultureInfo.InvariantCulture)),
        ScalarKind.Double or ScalarKind.Number => SameNumber(expected, actual, path, text => double.Parse(text, CultureInfo.InvariantCulture)),
        ScalarKind.Boolean => expected.GetValueKind() == actual.GetValueKind() ? null : Kinds(expected, actual, path),
        ScalarKind.Any => FreeForm(expected, actual, path),
        _ => SameString(expected, actual, path),
    };

    /// <summary>Free-form JSON: the same tree, member order free, numbers by decimal value, strings exactly.</summary>
    private static string? FreeForm(JsonNode? expected, JsonNode? actual, string path)
    {
        if (expected is null || actual is null)
        {
            return expected is null && actual is null ? null : Kinds(expected, actual, path);
        }

        return (expected, actual) switch
        {
            (JsonObject e, JsonObject a) when e.Count == a.Count =>
                e.Select(m => a.ContainsKey(m.Key) ? FreeForm(m.Value, a[m.Key], path + "." + m.Key) : $"{path}.{m.Key}: missing").FirstOrDefault(d => d is not null),
            (JsonArray e, JsonArray a) when e.Count == a.Count =>
                Enumerable.Range(0, e.Count).Select(i => FreeForm(e[i], a[i], $"{path}[{i}]")).FirstOrDefault(d => d is not null),
            (JsonValue, JsonValue) when expected.GetValueKind() == JsonValueKind.Number =>
                SameNumber(expected, actual, path, text => double.Parse(text, CultureInfo.InvariantCulture)),
            (JsonValue, JsonValue) when expected.GetValueKind() == JsonValueKind.String => SameString(expected, actual, path),
            (JsonValue, JsonValue) when expected.GetValueKind() == actual.GetValueKind() => null,
            _ => $"{path}: expected {expected.ToJsonString()}, got {actual.ToJsonString()}",
        };
    }

    private static string? SameString(JsonNode expected, JsonNode actual, string path) =>
        actual.GetValueKind() == JsonValueKind.String && actual.GetValue<string>() == expected.GetValue<string>()
            ? null
            : $"{path}: expected {expected.ToJsonString()}, got {actual.ToJsonString()}";

    private static string? SameBy<T>(JsonNode expected, JsonNode actual, string path, Func<string, T> parse)
    {
        if (actual.GetValueKind() != JsonValueKind.String)
        {
            return Kinds(expected, actual, path);
        }

        var (e, a) = (expected.GetValue<string>(), actual.GetValue<string>());
        try
        {
            return EqualityComparer<T>.Default.Equals(parse(e), parse(a)) ? null : $"{path}: expected {expected.ToJsonString()}, got {actual.ToJsonString()}";
        }
        catch (Exception error) when (error is FormatException or OverflowException)
        {
            return $"{path}: expected {expected.ToJsonString()}, got {actual.ToJsonString()} ({error.Message})";
        }
    }

    private static string? SameNumber<T>(JsonNode expected, JsonNode actual, string path, Func<string, T> parse)
    {
        if (actual.GetValueKind() != JsonValueKind.Number)
        {
            return Kinds(expected, actual, path);
        }

        var (e, a) = (expected.ToJsonString(), actual.ToJsonString());
        try
        {
            return EqualityComparer<T>.Default.Equals(parse(e), parse(a)) ? null : $"{path}: expected the number {e}, got {a}";
        }
        catch (Exception error) when (error is FormatException or OverflowException)
        {
            // Under another case of a union (an integer case for a fraction): not this case's value.
            return $"{path}: expected the number {e}, got {a} ({error.Message})";
        }
    }

    private static string Kinds(JsonNode? expected, JsonNode? actual, string path) =>
        $"{path}: expected {expected?.ToJsonString() ?? "null"}, got {actual?.ToJsonString() ?? "null"}";
}

/// <summary>The length of an ISO-8601 duration of weeks, days, hours, minutes and seconds (the test's own reading, not the runtime's).</summary>
internal static partial class IsoDurationText
{
    public static TimeSpan Parse(string text)
    {
        var match = Pattern().Match(text);
        if (!match.Success)
        {
            throw new FormatException($"'{text}' is not an ISO-8601 duration of weeks, days, hours, minutes and seconds.");
        }

        decimal Part(string name) => match.Groups[name].Success ? decimal.Parse(match.Groups[name].Value.Replace(',', '.'), CultureInfo.InvariantCulture) : 0m;
        var ticks = ((((Part("w") * 7) + Part("d")) * 24 + Part("h")) * 60 + Part("m")) * 60 * TimeSpan.TicksPerSecond + Part("s") * TimeSpan.TicksPerSecond;
        return TimeSpan.FromTicks((long)(match.Groups["neg"].Success ? -ticks : ticks));
    }

    [GeneratedRegex(@"^(?<neg>-)?P(?:(?<w>\d+)W)?(?:(?<d>\d+)D)?(?:T(?:(?<h>\d+)H)?(?:(?<m>\d+)M)?(?:(?<s>\d+(?:[.,]\d+)?)S)?)?$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
