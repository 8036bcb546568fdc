using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.Json.Nodes;
using CsCheck;

namespace Contracts.Generator.Tests.Properties;

/// <summary>
/// Random JSON instances valid for a schema of a <see cref="SchemaGraph"/>, drawn from a CsCheck <see cref="PCG"/>
/// (so that the sample's seed replays them). Values are spelled in more than one valid way where JSON or the format
/// allows it (exponents, <c>Z</c> or <c>+00:00</c>, fraction digits, upper-case UUIDs, weeks in durations), and open
/// enums also get values the schema does not list (the generated enums keep them). Nesting stops at
/// <see cref="MaxDepth"/>: optional members are left out, arrays and maps are empty and nullable members are null.
/// </summary>
internal sealed class InstanceGen(SchemaGraph graph, PCG random)
{
    public const int MaxDepth = 4;

    /// <summary>The start of additional members' names (no drawn property name starts so).</summary>
    public const string ExtraPrefix = "~extra";

    /// <summary>An instance of the named schema <paramref name="index"/>.</summary>
    public JsonNode? OfSchema(int index) => Named(index, 0);

    private JsonNode? Value(Shape shape, bool nullable, int depth)
    {
        if (nullable && (depth >= MaxDepth || Next(4) == 0))
        {
            return null;
        }

        return shape switch
        {
            ScalarShape scalar => Scalar(scalar.Kind, depth),
            StringEnumShape e => Next(8) == 0 ? JsonValue.Create("unlisted " + Text()) : JsonValue.Create(e.Values[Next(e.Values.Count)]),
            IntegerEnumShape e => Next(8) == 0 ? Raw(Int64()) : Raw(e.Values[Next(e.Values.Count)].ToString(CultureInfo.InvariantCulture)),
            ArrayShape array => new JsonArray([.. Enumerable.Range(0, depth >= MaxDepth ? 0 : Next(4)).Select(_ => Value(array.Items, array.NullableItems, depth + 1))]),
            MapShape map => Map(map, depth),
            RefShape reference => Named(reference.Target, depth + 1),
            _ => throw new ArgumentOutOfRangeException(nameof(shape)),
        };
    }

    private JsonNode? Named(int index, int depth) => graph.Schemas[index] switch
    {
        ObjectDef obj => Object(obj, depth),
        EnumDef e => Value(e.Enum, false, depth),
        UnionDef union => Union(union, depth),
        _ => throw new ArgumentOutOfRangeException(nameof(index)),
    };

    /// <param name="exact">
    /// An instance of the schema itself, not of one derived from it: a case of an undiscriminated union is chosen by
    /// its members, and a derived schema's members (drawn from the same pool of names) could fit another case better.
    /// </param>
    private JsonObject Object(ObjectDef obj, int depth, bool exact = false)
    {
        // In a hierarchy with a discriminator: the schema itself or one the discriminator names (a value typed as the
        // base may be any of them); the base itself gets a value no schema is named by (an unknown derived type).
        var index = graph.IndexOf(obj);
        string? discriminator = null, discriminatorValue = null;
        if (graph.OwnerOf(index) is { } owner)
        {
            List<int> choices = exact ? [index] : [.. graph.DiscriminatedDescendantsOf(index).Prepend(index)];
            index = choices[Next(choices.Count)];
            obj = (ObjectDef)graph.Schemas[index];
            discriminator = ((ObjectDef)graph.Schemas[owner]).Discriminator!.PropertyName;
            discriminatorValue = index == owner ? "unknown " + Text() : graph.HierarchyValue(index);
        }

        var members = new List<KeyValuePair<string, JsonNode?>>();
        foreach (var property in graph.Flatten(obj))
        {
            if (property.JsonName == discriminator)
            {
                members.Add(new(property.JsonName, JsonValue.Create(discriminatorValue)));
            }
            else if (property.Required || (depth < MaxDepth && Next(3) != 0))
            {
                members.Add(new(property.JsonName, Value(property.Shape, property.Nullable, depth)));
            }
        }

        // Undeclared members under names no schema declares, kept by additionalProperties (or by a hierarchy's base).
        if ((obj.Extra ?? (graph.KeepsUnknownMembers(index) ? new ScalarShape(ScalarKind.Any) : null)) is { } extra && depth < MaxDepth)
        {
            for (var k = Next(3); k > 0; k--)
            {
                members.Add(new(ExtraPrefix + k.ToString(CultureInfo.InvariantCulture), Value(extra, false, depth + 1)));
            }
        }

        // Member order is free in JSON: shuffle, so readers cannot rely on declaration order.
        return new JsonObject(members.OrderBy(_ => Next(1000)).ToList());
    }

    private JsonNode? Union(UnionDef union, int depth)
    {
        var index = Next(union.Cases.Count);
        if (union.Discriminator is not { } discriminator)
        {
            return union.Cases[index] is RefShape { Target: var target } && graph.Schemas[target] is ObjectDef obj
                ? Object(obj, depth + 1, exact: true)
                : Value(union.Cases[index], false, depth);
        }

        var value = Value(union.Cases[index], false, depth);

        // The case's discriminator value, at a random place among the members.
        var members = ((JsonObject)value!).Where(m => m.Key != discriminator.PropertyName).Select(m => new KeyValuePair<string, JsonNode?>(m.Key, m.Value?.DeepClone())).ToList();
        members.Insert(Next(members.Count + 1), new(discriminator.PropertyName, JsonValue.Create(graph.DiscriminatorValue(union, index))));
        return new JsonObject(members);
    }

    private JsonObject Map(MapShape map, int depth)
    {
        var keys = Enumerable.Range(0, depth >= MaxDepth ? 0 : Next(4)).Select(_ => Next(2) == 0 ? Pick(NamePools.PropertyNames) : Text()).Distinct(StringComparer.Ordinal);
        return new JsonObject(keys.Select(key => new KeyValuePair<string, JsonNode?>(key, Value(map.Values, map.NullableValues, depth + 1))).ToList());
    }

    private JsonNode? Scalar(ScalarKind kind, int depth) => kind switch
    {
        ScalarKind.String => JsonValue.Create(Text()),
        ScalarKind.DateTime => JsonValue.Create(DateTime()),
        ScalarKind.Date => JsonValue.Create(new DateOnly(1, 1, 1).AddDays(Next(3652058)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
        ScalarKind.Uuid => JsonValue.Create(Guid()),
        ScalarKind.Uri => JsonValue.Create("https://example.com/" + Uri.EscapeDataString(Text()) + (Next(2) == 0 ? "?q=" + Next(100) + "#f" : "")),
        ScalarKind.Byte => JsonValue.Create(Convert.ToBase64String(Enumerable.Range(0, Next(17)).Select(_ => (byte)Next(256)).ToArray())),
        ScalarKind.Duration => JsonValue.Create(Duration()),
        ScalarKind.Int32 => Raw(Int32()),
        ScalarKind.Int64 or ScalarKind.Integer => Raw(Int64()),
        ScalarKind.Float => Raw(Single()),
        ScalarKind.Double or ScalarKind.Number => Raw(Double()),
        ScalarKind.Boolean => JsonValue.Create(Next(2) == 0),
        ScalarKind.Any => Any(depth),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>Free-form JSON: any token, nested a little.</summary>
    private JsonNode? Any(int depth) => Next(depth >= MaxDepth ? 4 : 6) switch
    {
        0 => null,
        1 => JsonValue.Create(Text()),
        2 => Raw(Next(2) == 0 ? Int64() : Double()),
        3 => JsonValue.Create(Next(2) == 0),
        4 => new JsonArray([.. Enumerable.Range(0, Next(3)).Select(_ => Any(depth + 1))]),
        _ => new JsonObject(Enumerable.Range(0, Next(3)).Select(k => new KeyValuePair<string, JsonNode?>(Pick(NamePools.PropertyNames) + k, Any(depth + 1))).DistinctBy(m => m.Key).ToList()),
    };

    private string Text()
    {
        var text = new StringBuilder();
        for (var n = Next(9); n > 0; n--)
        {
            text.Append(Pick(NamePools.StringPieces));
        }

        return text.ToString();
    }

    /// <summary>An RFC 3339 date-time with 0–7 fraction digits and an offset (<c>Z</c> or <c>+00:00</c> for zero).</summary>
    private string DateTime()
    {
        var digits = Next(8);
        var ticks = (long)(random.Next64() % (ulong)TimeSpan.TicksPerDay);
        ticks -= ticks % (long)Math.Pow(10, 7 - digits);
        var date = new DateOnly(1900, 1, 1).AddDays(Next(300 * 365));
        var offset = TimeSpan.FromMinutes(Next(2) == 0 ? 0 : (int)Next(28 * 60 + 1) - (14 * 60));
        var time = new TimeSpan(ticks);
        var text = new StringBuilder(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))
            .Append('T').Append(time.ToString("hh\\:mm\\:ss", CultureInfo.InvariantCulture));
        if (digits > 0)
        {
            text.Append('.').Append((ticks % TimeSpan.TicksPerSecond).ToString("0000000", CultureInfo.InvariantCulture), 0, digits);
        }

        if (offset == TimeSpan.Zero && Next(2) == 0)
        {
            return text.Append('Z').ToString();
        }

        return text.Append(offset < TimeSpan.Zero ? '-' : '+').Append(offset.Duration().ToString("hh\\:mm", CultureInfo.InvariantCulture)).ToString();
    }

    private string Guid()
    {
        var bytes = new byte[16];
        for (var i = 0; i < bytes.Length; i++)
        {
            bytes[i] = (byte)Next(256);
        }

        var text = new Guid(bytes).ToString("D");
        return Next(2) == 0 ? text.ToUpperInvariant() : text;
    }

    /// <summary>An ISO-8601 duration of days, hours, minutes and seconds (weeks when whole), zero parts sometimes spelled out.</summary>
    private string Duration()
    {
        var days = Next(3) == 0 ? 0 : Next(1000);
        var hours = Next(24);
        var minutes = Next(60);
        var seconds = Next(60);
        var fraction = Next(2) == 0 ? 0 : Next(10_000_000);
        var negative = Next(4) == 0;
        var text = new StringBuilder(negative ? "-P" : "P");
        if (days % 7 == 0 && days > 0 && hours == 0 && minutes == 0 && seconds == 0 && fraction == 0 && Next(2) == 0)
        {
            return text.Append(days / 7).Append('W').ToString();
        }

        var spellZeros = Next(2) == 0;
        if (days > 0 || spellZeros)
        {
            text.Append(days).Append('D');
        }

        var time = new StringBuilder();
        if (hours > 0 || spellZeros)
        {
            time.Append(hours).Append('H');
        }

        if (minutes > 0 || spellZeros)
        {
            time.Append(minutes).Append('M');
        }

        if (seconds > 0 || fraction > 0 || spellZeros || (days == 0 && hours == 0 && minutes == 0))
        {
            time.Append(seconds);
            if (fraction > 0)
            {
                time.Append('.').Append(fraction.ToString("0000000", CultureInfo.InvariantCulture).TrimEnd('0'));
            }

            time.Append('S');
        }

        return time.Length > 0 ? text.Append('T').Append(time).ToString() : text.ToString();
    }

    private string Int32() => Next(4) == 0
        ? Pick(["0", "-1", "2147483647", "-2147483648"])
        : ((int)random.Next()).ToString(CultureInfo.InvariantCulture);

    private string Int64() => Next(4) == 0
        ? Pick(["0", "1", "-9223372036854775808", "9223372036854775807"])
        : ((long)random.Next64() >> Next(64)).ToString(CultureInfo.InvariantCulture);

    /// <summary>A finite float, in its shortest form or with an exponent and nine significant digits.</summary>
    private string Single()
    {
        float value;
        do
        {
            value = Next(2) == 0 ? BitConverter.Int32BitsToSingle((int)random.Next()) : (int)Next(2001) / 8f - 125f;
        }
        while (!float.IsFinite(value));
        return value.ToString(Next(2) == 0 ? "R" : "E8", CultureInfo.InvariantCulture);
    }

    /// <summary>A finite double, in its shortest form or with an exponent and seventeen significant digits.</summary>
    private string Double()
    {
        double value;
        do
        {
            value = Next(2) == 0 ? BitConverter.Int64BitsToDouble((long)random.Next64()) : (int)Next(20001) / 16d - 625d;
        }
        while (!double.IsFinite(value));
        return value.ToString(Next(2) == 0 ? "R" : "E16", CultureInfo.InvariantCulture);
    }

    /// <summary>A number spelled exactly as given (JsonNode keeps the text of a parsed number).</summary>
    private static JsonNode Raw(string number) => JsonNode.Parse(number)!;

    private uint Next(uint bound) => random.Next(bound);

    private int Next(int bound) => (int)random.Next((uint)bound);

    private T Pick<T>(IReadOnlyList<T> values) => values[Next(values.Count)];
}
