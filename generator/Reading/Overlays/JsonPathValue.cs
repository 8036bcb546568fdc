using System;
using System.Collections.Generic;
using System.Globalization;
using SharpYaml;
using SharpYaml.Serialization;

namespace Contracts.Generator.Reading.Overlays;

/// <summary>
/// A JSON value as filters compare it: a node of the tree read as JSON, a literal of the query, or Nothing.
/// <para>
/// The one place that decides what JSON type a YAML node has. A mapping is an object (its keys are strings), a sequence
/// an array. A scalar written in quotes or as a block (<c>|</c>, <c>&gt;</c>) is a string; a plain one follows the YAML
/// 1.2 core schema: <c>null</c>, <c>Null</c>, <c>NULL</c>, <c>~</c> and nothing are null, <c>true</c>/<c>false</c> (three
/// casings) booleans, decimal, <c>0o</c> octal and <c>0x</c> hexadecimal integers and decimal floats (with <c>.inf</c>,
/// <c>-.inf</c> and <c>.nan</c>) numbers, anything else a string. An explicit tag (<c>!!str</c>, <c>!!int</c>, …) wins.
/// JSON read by SharpYaml gives quoted strings and plain numbers, booleans and nulls, so JSON and YAML agree.
/// </para>
/// </summary>
internal readonly struct JsonPathValue
{
    public static readonly JsonPathValue Nothing = default;

    public static readonly JsonPathValue Null = new(JsonPathValueKind.Null);

    public static readonly JsonPathValue True = new(JsonPathValueKind.Boolean, boolean: true);

    public static readonly JsonPathValue False = new(JsonPathValueKind.Boolean, boolean: false);

    private readonly bool _boolean;
    private readonly string? _string;
    private readonly double _double;
    private readonly decimal _decimal;
    private readonly bool _isDecimal;

    private JsonPathValue(JsonPathValueKind kind, bool boolean = false, string? text = null, YamlNode? node = null)
    {
        Kind = kind;
        _boolean = boolean;
        _string = text;
        Node = node;
        _double = 0;
        _decimal = 0;
        _isDecimal = false;
    }

    private JsonPathValue(decimal number)
        : this(JsonPathValueKind.Number)
    {
        _decimal = number;
        _double = (double)number;
        _isDecimal = true;
    }

    private JsonPathValue(double number)
        : this(JsonPathValueKind.Number)
    {
        _double = number;
    }

    public JsonPathValueKind Kind { get; }

    /// <summary>The mapping or sequence of an object or array value; null for scalars and literals.</summary>
    public YamlNode? Node { get; }

    public bool Boolean => _boolean;

    /// <summary>The text of a string value.</summary>
    public string String => _string ?? "";

    /// <summary>The number, as a double (exact comparisons use the decimal form where the value has one).</summary>
    public double Number => _double;

    public static JsonPathValue FromString(string value) => new(JsonPathValueKind.String, text: value);

    public static JsonPathValue FromBoolean(bool value) => value ? True : False;

    public static JsonPathValue FromInteger(long value) => new((decimal)value);

    /// <summary>A number written in JSON's or the core schema's decimal syntax; the text is known to be one.</summary>
    public static JsonPathValue FromNumberText(string text)
    {
        // decimal keeps 28 significant digits exactly (9007199254740993 is not 9007199254740992); beyond its range, double.
        return decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var exact)
            ? new JsonPathValue(exact)
            : new JsonPathValue(double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture));
    }

    /// <summary>The JSON value of <paramref name="node"/>.</summary>
    public static JsonPathValue Of(YamlNode node)
    {
        switch (node)
        {
            case YamlMappingNode:
                return new JsonPathValue(JsonPathValueKind.Object, node: node);
            case YamlSequenceNode:
                return new JsonPathValue(JsonPathValueKind.Array, node: node);
            case YamlScalarNode scalar:
                return OfScalar(scalar);
            default:
                return Null;
        }
    }

    /// <summary>The JSON type of <paramref name="node"/>, as <see cref="Of"/> reads it.</summary>
    public static JsonPathValueKind KindOf(YamlNode node) => Of(node).Kind;

    private static JsonPathValue OfScalar(YamlScalarNode scalar)
    {
        var text = scalar.Value ?? "";
        switch (TagName(scalar.Tag))
        {
            case null:
                break;
            case "str":
                return FromString(text);
            case "null":
                return Null;
            case "bool":
                return Core(text) is { Kind: JsonPathValueKind.Boolean } boolean ? boolean : FromString(text);
            case "int":
            case "float":
                return Core(text) is { Kind: JsonPathValueKind.Number } number ? number : FromString(text);
            default:
                // "!" and tags of the application's own: not a core-schema type, so the text as written.
                return FromString(text);
        }

        return scalar.Style is ScalarStyle.Plain or ScalarStyle.Any ? Core(text) : FromString(text);
    }

    /// <summary>The short name of a YAML core tag (<c>!!int</c>, <c>tag:yaml.org,2002:int</c>); "" for others; null when untagged.</summary>
    private static string? TagName(string? tag)
    {
        if (string.IsNullOrEmpty(tag) || tag == "?")
        {
            return null;
        }

        const string Long = "tag:yaml.org,2002:";
        return tag!.StartsWith("!!", StringComparison.Ordinal) ? tag.Substring(2)
            : tag.StartsWith(Long, StringComparison.Ordinal) ? tag.Substring(Long.Length)
            : "";
    }

    /// <summary>A plain scalar's value under the YAML 1.2 core schema (section 10.3.2 of the specification).</summary>
    private static JsonPathValue Core(string text)
    {
        switch (text)
        {
            case "" or "~" or "null" or "Null" or "NULL":
                return Null;
            case "true" or "True" or "TRUE":
                return True;
            case "false" or "False" or "FALSE":
                return False;
            case ".inf" or ".Inf" or ".INF" or "+.inf" or "+.Inf" or "+.INF":
                return new JsonPathValue(double.PositiveInfinity);
            case "-.inf" or "-.Inf" or "-.INF":
                return new JsonPathValue(double.NegativeInfinity);
            case ".nan" or ".NaN" or ".NAN":
                return new JsonPathValue(double.NaN);
        }

        if (text.Length > 2 && text[0] == '0' && (text[1] == 'x' || text[1] == 'o'))
        {
            return RadixInteger(text) is { } radix ? radix : FromString(text);
        }

        return IsCoreDecimal(text) ? FromNumberText(text) : FromString(text);
    }

    private static JsonPathValue? RadixInteger(string text)
    {
        var radix = text[1] == 'x' ? 16 : 8;
        double value = 0;
        for (var i = 2; i < text.Length; i++)
        {
            var digit = text[i] switch
            {
                >= '0' and <= '9' => text[i] - '0',
                >= 'a' and <= 'f' => text[i] - 'a' + 10,
                >= 'A' and <= 'F' => text[i] - 'A' + 10,
                _ => 99,
            };
            if (digit >= radix)
            {
                return null;
            }

            value = (value * radix) + digit;
        }

        return value <= 9_007_199_254_740_991 ? new JsonPathValue((decimal)value) : new JsonPathValue(value);
    }

    /// <summary><c>[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?</c>, the core schema's int and float.</summary>
    private static bool IsCoreDecimal(string text)
    {
        var i = 0;
        if (text[i] is '-' or '+')
        {
            i++;
        }

        var digits = CountDigits(text, ref i);
        if (i < text.Length && text[i] == '.')
        {
            i++;
            digits += CountDigits(text, ref i);
        }

        if (digits == 0)
        {
            return false;
        }

        if (i < text.Length && text[i] is 'e' or 'E')
        {
            i++;
            if (i < text.Length && text[i] is '-' or '+')
            {
                i++;
            }

            if (CountDigits(text, ref i) == 0)
            {
                return false;
            }
        }

        return i == text.Length;
    }

    private static int CountDigits(string text, ref int i)
    {
        var start = i;
        while (i < text.Length && text[i] is >= '0' and <= '9')
        {
            i++;
        }

        return i - start;
    }

    /// <summary>
    /// <c>==</c> of RFC 9535 (2.3.5.2.2): Nothing equals only Nothing; numbers by value; strings by their characters;
    /// arrays item by item; objects by the same names with equal values. The walk keeps its own stack.
    /// </summary>
    public static bool AreEqual(JsonPathValue left, JsonPathValue right, JsonPathEvaluation evaluation)
    {
        if (!ScalarsEqual(left, right, out var decided))
        {
            return false;
        }

        if (decided)
        {
            return true;
        }

        var pending = new Stack<KeyValuePair<YamlNode, YamlNode>>();
        pending.Push(new KeyValuePair<YamlNode, YamlNode>(left.Node!, right.Node!));
        while (pending.Count > 0)
        {
            var pair = pending.Pop();
            evaluation.Step(1);
            if (ReferenceEquals(pair.Key, pair.Value))
            {
                continue;
            }

            if (!ScalarsEqual(Of(pair.Key), Of(pair.Value), out decided))
            {
                return false;
            }

            if (decided)
            {
                continue;
            }

            if (pair.Key is YamlSequenceNode leftItems)
            {
                var rightItems = (YamlSequenceNode)pair.Value;
                for (var i = 0; i < leftItems.Children.Count; i++)
                {
                    pending.Push(new KeyValuePair<YamlNode, YamlNode>(leftItems.Children[i], rightItems.Children[i]));
                }

                continue;
            }

            var rightMembers = Members((YamlMappingNode)pair.Value);
            foreach (var entry in ((YamlMappingNode)pair.Key).Children)
            {
                if (entry.Key is not YamlScalarNode key || !rightMembers.TryGetValue(key.Value ?? "", out var other))
                {
                    return false;
                }

                pending.Push(new KeyValuePair<YamlNode, YamlNode>(entry.Value, other));
            }
        }

        return true;
    }

    /// <summary>
    /// Compares all but the insides of arrays and objects: false when unequal; true with <paramref name="decided"/>
    /// when equal; true without it when both are arrays of one length or objects of one size, whose members decide.
    /// </summary>
    private static bool ScalarsEqual(JsonPathValue left, JsonPathValue right, out bool decided)
    {
        decided = true;
        if (left.Kind != right.Kind)
        {
            return false;
        }

        switch (left.Kind)
        {
            case JsonPathValueKind.Nothing:
            case JsonPathValueKind.Null:
                return true;
            case JsonPathValueKind.Boolean:
                return left._boolean == right._boolean;
            case JsonPathValueKind.String:
                return string.Equals(left._string, right._string, StringComparison.Ordinal);
            case JsonPathValueKind.Number:
                return NumbersEqual(left, right);
            case JsonPathValueKind.Array:
                decided = false;
                return ((YamlSequenceNode)left.Node!).Children.Count == ((YamlSequenceNode)right.Node!).Children.Count;
            default:
                decided = false;
                return ((YamlMappingNode)left.Node!).Children.Count == ((YamlMappingNode)right.Node!).Children.Count;
        }
    }

    private static bool NumbersEqual(JsonPathValue left, JsonPathValue right)
    {
        if (left._isDecimal && right._isDecimal)
        {
            return left._decimal == right._decimal;
        }

        // NaN equals itself here, so that == stays reflexive for every node of a document.
        return left._double.Equals(right._double);
    }

    private static Dictionary<string, YamlNode> Members(YamlMappingNode mapping)
    {
        var members = new Dictionary<string, YamlNode>(mapping.Children.Count, StringComparer.Ordinal);
        foreach (var entry in mapping.Children)
        {
            if (entry.Key is YamlScalarNode key)
            {
                members[key.Value ?? ""] = entry.Value;
            }
        }

        return members;
    }

    /// <summary>
    /// <c>&lt;</c> of RFC 9535: numbers by value, strings by Unicode scalar values; anything else is not less.
    /// </summary>
    public static bool IsLess(JsonPathValue left, JsonPathValue right)
    {
        if (left.Kind == JsonPathValueKind.Number && right.Kind == JsonPathValueKind.Number)
        {
            return left._isDecimal && right._isDecimal ? left._decimal < right._decimal : left._double < right._double;
        }

        return left.Kind == JsonPathValueKind.String && right.Kind == JsonPathValueKind.String
            && CompareCodePoints(left.String, right.String) < 0;
    }

    /// <summary>
    /// Orders strings by code point. UTF-16 order differs only where a surrogate meets a unit from U+E000 up: moving those
    /// units below the surrogates gives code point order without decoding pairs.
    /// </summary>
    private static int CompareCodePoints(string left, string right)
    {
        var length = Math.Min(left.Length, right.Length);
        for (var i = 0; i < length; i++)
        {
            if (left[i] != right[i])
            {
                return Fix(left[i]) - Fix(right[i]);
            }
        }

        return left.Length - right.Length;

        static int Fix(char c) => c >= 0xE000 ? c - 0x800 : c >= 0xD800 ? c + 0x2000 : c;
    }
}
