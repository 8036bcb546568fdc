using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Contracts.Runtime.Validation;

/// <summary>
/// Walks a value and collects the violations of the document's constraints, each with its path. Generated
/// <c>Validate()</c> methods and clients that validate requests call it; it is plumbing.
/// </summary>
/// <remarks>
/// The path is kept as a stack of segments and printed only when a violation is found, so a valid value costs no
/// string. Every check takes the member's JSON name (null for the value the walk stands on: a list's item, a map's
/// value) and skips a null value: <c>required</c> is C#'s to enforce.
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class ValidationCollector
{
    private readonly List<Segment> _path = new();
    private List<ValidationError>? _errors;

    /// <summary>The violations found so far.</summary>
    public IReadOnlyList<ValidationError> Errors => (IReadOnlyList<ValidationError>?)_errors ?? Array.Empty<ValidationError>();

    /// <summary>Every violation of <paramref name="value"/>: what a generated <c>Validate()</c> returns.</summary>
    public static IReadOnlyList<ValidationError> Run(IValidatable value)
    {
        if (value is null)
        {
            throw new ArgumentNullException(nameof(value));
        }

        var collector = new ValidationCollector();
        value.CollectViolations(collector);
        return collector.Errors;
    }

    /// <summary>A collector when the call validates its request (the call's <see cref="RequestOptions.ValidateRequest"/>, else the client's setting), else null.</summary>
    public static ValidationCollector? ForRequest(RequestOptions? clientDefaults, RequestOptions? requestOptions) =>
        (requestOptions?.ValidateRequest ?? clientDefaults?.ValidateRequest) == true ? new ValidationCollector() : null;

    /// <summary>Throws a <see cref="RequestValidationException"/> listing the violations, if any were found.</summary>
    public void ThrowIfAny(string operationName)
    {
        if (_errors is { Count: > 0 } errors)
        {
            throw new RequestValidationException(operationName, errors);
        }
    }

    /// <summary><c>minimum</c> (or <c>exclusiveMinimum</c>) on an integer.</summary>
    public void Minimum(string? member, long? value, decimal limit, bool exclusive)
    {
        if (value is { } number && (exclusive ? number <= limit : number < limit))
        {
            AddMinimum(member, limit, exclusive);
        }
    }

    /// <summary><c>minimum</c> (or <c>exclusiveMinimum</c>) on a floating-point number.</summary>
    public void Minimum(string? member, double? value, decimal limit, bool exclusive)
    {
        if (value is { } number && (exclusive ? number <= (double)limit : number < (double)limit))
        {
            AddMinimum(member, limit, exclusive);
        }
    }

    /// <summary><c>minimum</c> (or <c>exclusiveMinimum</c>) on a <c>float</c>, compared as a float: 0.1f is not above 0.1.</summary>
    public void Minimum(string? member, float? value, decimal limit, bool exclusive)
    {
        if (value is { } number && (exclusive ? number <= (float)limit : number < (float)limit))
        {
            AddMinimum(member, limit, exclusive);
        }
    }

    /// <summary><c>minimum</c> (or <c>exclusiveMinimum</c>) on a decimal.</summary>
    public void Minimum(string? member, decimal? value, decimal limit, bool exclusive)
    {
        if (value is { } number && (exclusive ? number <= limit : number < limit))
        {
            AddMinimum(member, limit, exclusive);
        }
    }

    /// <summary><c>maximum</c> (or <c>exclusiveMaximum</c>) on an integer.</summary>
    public void Maximum(string? member, long? value, decimal limit, bool exclusive)
    {
        if (value is { } number && (exclusive ? number >= limit : number > limit))
        {
            AddMaximum(member, limit, exclusive);
        }
    }

    /// <summary><c>maximum</c> (or <c>exclusiveMaximum</c>) on a floating-point number.</summary>
    public void Maximum(string? member, double? value, decimal limit, bool exclusive)
    {
        if (value is { } number && (exclusive ? number >= (double)limit : number > (double)limit))
        {
            AddMaximum(member, limit, exclusive);
        }
    }

    /// <summary><c>maximum</c> (or <c>exclusiveMaximum</c>) on a <c>float</c>, compared as a float: 0.1f is not above 0.1.</summary>
    public void Maximum(string? member, float? value, decimal limit, bool exclusive)
    {
        if (value is { } number && (exclusive ? number >= (float)limit : number > (float)limit))
        {
            AddMaximum(member, limit, exclusive);
        }
    }

    /// <summary><c>maximum</c> (or <c>exclusiveMaximum</c>) on a decimal.</summary>
    public void Maximum(string? member, decimal? value, decimal limit, bool exclusive)
    {
        if (value is { } number && (exclusive ? number >= limit : number > limit))
        {
            AddMaximum(member, limit, exclusive);
        }
    }

    /// <summary><c>multipleOf</c> on an integer, exactly.</summary>
    public void MultipleOf(string? member, long? value, decimal factor)
    {
        if (value is { } number && (decimal)number % factor != 0)
        {
            AddMultipleOf(member, factor);
        }
    }

    /// <summary>
    /// <c>multipleOf</c> on a floating-point number: compared as the decimal the number prints as (so 0.3 is a multiple
    /// of 0.1, which binary floating point would deny); beyond decimal's range, with a relative tolerance.
    /// </summary>
    public void MultipleOf(string? member, double? value, decimal factor)
    {
        if (value is not { } number || double.IsNaN(number) || double.IsInfinity(number))
        {
            return;
        }

        bool isMultiple;
        if (Math.Abs(number) < 7.9e27)
        {
            isMultiple = (decimal)number % factor == 0;
        }
        else
        {
            var quotient = number / (double)factor;
            isMultiple = Math.Abs(quotient - Math.Round(quotient)) <= Math.Abs(quotient) * 1e-15;
        }

        if (!isMultiple)
        {
            AddMultipleOf(member, factor);
        }
    }

    /// <summary><c>multipleOf</c> on a <c>float</c>: compared as the decimal it prints as, as for a double.</summary>
    public void MultipleOf(string? member, float? value, decimal factor)
    {
        if (value is not { } number || float.IsNaN(number) || float.IsInfinity(number))
        {
            return;
        }

        // A float beyond decimal's range goes through the double check's tolerance.
        if (Math.Abs(number) >= 7.9e27f)
        {
            MultipleOf(member, (double)number, factor);
        }
        else if ((decimal)number % factor != 0)
        {
            AddMultipleOf(member, factor);
        }
    }

    /// <summary><c>multipleOf</c> on a decimal, exactly.</summary>
    public void MultipleOf(string? member, decimal? value, decimal factor)
    {
        if (value is { } number && number % factor != 0)
        {
            AddMultipleOf(member, factor);
        }
    }

    /// <summary><c>minLength</c> and <c>maxLength</c>, counted in Unicode code points as JSON Schema counts (a surrogate pair is one).</summary>
    public void Length(string? member, string? value, int? min, int? max)
    {
        if (value is null)
        {
            return;
        }

        var length = CodePoints(value);
        if (length < min)
        {
            Add(member, "minLength", Text(min.Value), "must be at least " + Count(min.Value, "character") + " long");
        }

        if (length > max)
        {
            Add(member, "maxLength", Text(max.Value), "must be at most " + Count(max.Value, "character") + " long");
        }
    }

    /// <summary><c>pattern</c>: the value must match somewhere (JSON Schema patterns are not anchored); one that cannot be checked in time is a violation too.</summary>
    public void Pattern(string? member, string? value, string pattern)
    {
        if (value is null || pattern is null)
        {
            return;
        }

        Match(member, value, ValidationPattern.For(pattern));
    }

    private void Match(string? member, string value, ValidationPattern pattern)
    {
        switch (pattern.IsMatch(value))
        {
            case false:
                Add(member, "pattern", pattern.Pattern, "must match the pattern " + pattern.Pattern);
                break;
            case null:
                Add(member, "pattern", pattern.Pattern, "could not be checked against the pattern " + pattern.Pattern + " within " + ValidationPattern.MatchTimeout.TotalMilliseconds.ToString(CultureInfo.InvariantCulture) + " ms");
                break;
        }
    }

    /// <summary><c>minItems</c> and <c>maxItems</c>.</summary>
    public void ItemCount<T>(string? member, IReadOnlyCollection<T>? value, int? min, int? max) =>
        CountBounds(member, value?.Count, min, max, "minItems", "maxItems", "item");

    /// <summary><c>minProperties</c> and <c>maxProperties</c> on a map.</summary>
    public void PropertyCount<T>(string? member, IReadOnlyCollection<T>? value, int? min, int? max) =>
        CountBounds(member, value?.Count, min, max, "minProperties", "maxProperties", "member");

    private void CountBounds(string? member, int? count, int? min, int? max, string minKeyword, string maxKeyword, string noun)
    {
        if (count is null)
        {
            return;
        }

        if (count < min)
        {
            Add(member, minKeyword, Text(min!.Value), "must hold at least " + Count(min.Value, noun));
        }

        if (count > max)
        {
            Add(member, maxKeyword, Text(max!.Value), "must hold at most " + Count(max.Value, noun));
        }
    }

    /// <summary>
    /// <c>uniqueItems</c>: scalars, enums and records compare as C# compares them (records member by member, their lists
    /// by reference), free-form JSON by its text, byte arrays by their bytes. Reports the first repeated pair.
    /// </summary>
    public void Unique<T>(string? member, IReadOnlyList<T>? value)
    {
        if (value is null || value.Count < 2)
        {
            return;
        }

        var seen = new Dictionary<Key<T>, int>(KeyComparer<T>.Instance);
        for (var i = 0; i < value.Count; i++)
        {
            var key = new Key<T>(value[i]);
            if (seen.TryGetValue(key, out var first))
            {
                Add(member, "uniqueItems", null, "must not hold the same item twice (items " + Text(first) + " and " + Text(i) + " are equal)");
                return;
            }

            seen.Add(key, i);
        }
    }

    /// <summary>Runs <paramref name="check"/> on each item of a list, at path <c>member[i]</c>.</summary>
    public void EachItem<T>(string? member, IReadOnlyList<T>? value, Action<ValidationCollector, T> check)
    {
        if (value is null)
        {
            return;
        }

        Enter(member);
        for (var i = 0; i < value.Count; i++)
        {
            _path.Add(new Segment(null, i));
            check(this, value[i]);
            _path.RemoveAt(_path.Count - 1);
        }

        Leave(member);
    }

    /// <summary>Runs <paramref name="check"/> on each value of a map, at path <c>member.key</c>.</summary>
    public void EachValue<T>(string? member, IReadOnlyDictionary<string, T>? value, Action<ValidationCollector, T> check)
    {
        if (value is null)
        {
            return;
        }

        Enter(member);
        foreach (var pair in value)
        {
            _path.Add(new Segment(pair.Key, -1));
            check(this, pair.Value);
            _path.RemoveAt(_path.Count - 1);
        }

        Leave(member);
    }

    /// <summary>Collects the violations inside a nested record, at path <c>member</c>.</summary>
    public void Nested(string? member, IValidatable? value)
    {
        if (value is null)
        {
            return;
        }

        Enter(member);
        value.CollectViolations(this);
        Leave(member);
    }

    private void Enter(string? member)
    {
        if (member is not null)
        {
            _path.Add(new Segment(member, -1));
        }
    }

    private void Leave(string? member)
    {
        if (member is not null)
        {
            _path.RemoveAt(_path.Count - 1);
        }
    }

    private void AddMinimum(string? member, decimal limit, bool exclusive) =>
        Add(member, exclusive ? "exclusiveMinimum" : "minimum", Text(limit), exclusive ? "must be greater than " + Text(limit) : "must be at least " + Text(limit));

    private void AddMaximum(string? member, decimal limit, bool exclusive) =>
        Add(member, exclusive ? "exclusiveMaximum" : "maximum", Text(limit), exclusive ? "must be less than " + Text(limit) : "must be at most " + Text(limit));

    private void AddMultipleOf(string? member, decimal factor) =>
        Add(member, "multipleOf", Text(factor), "must be a multiple of " + Text(factor));

    private void Add(string? member, string keyword, string? limit, string message) =>
        (_errors ??= new List<ValidationError>()).Add(new ValidationError(PathTo(member), keyword, limit, message));

    private string PathTo(string? member)
    {
        var path = new StringBuilder();
        foreach (var segment in _path)
        {
            Append(path, segment);
        }

        if (member is not null)
        {
            Append(path, new Segment(member, -1));
        }

        return path.ToString();
    }

    private static void Append(StringBuilder path, Segment segment)
    {
        if (segment.Name is null)
        {
            path.Append('[').Append(Text(segment.Index)).Append(']');
            return;
        }

        if (IsPlainName(segment.Name))
        {
            if (path.Length > 0)
            {
                path.Append('.');
            }

            path.Append(segment.Name);
            return;
        }

        // A name a dot or bracket would make ambiguous is quoted, as JSON, with control characters escaped.
        path.Append("[\"");
        foreach (var c in segment.Name)
        {
            if (c is '"' or '\\' || c < ' ' || char.IsControl(c) || char.IsSurrogate(c) || c is '\u2028' or '\u2029')
            {
                path.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
            }
            else
            {
                path.Append(c);
            }
        }

        path.Append("\"]");
    }

    private static bool IsPlainName(string name)
    {
        if (name.Length == 0)
        {
            return false;
        }

        foreach (var c in name)
        {
            if (!(c is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or >= '0' and <= '9' or '_' or '-' or '$' or '@'))
            {
                return false;
            }
        }

        return true;
    }

    private static int CodePoints(string value)
    {
        var count = value.Length;
        for (var i = 0; i < value.Length - 1; i++)
        {
            if (char.IsHighSurrogate(value[i]) && char.IsLowSurrogate(value[i + 1]))
            {
                count--;
                i++;
            }
        }

        return count;
    }

    private static string Count(int count, string noun) => Text(count) + " " + noun + (count == 1 ? string.Empty : "s");

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Text(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    private readonly struct Segment
    {
        public Segment(string? name, int index)
        {
            Name = name;
            Index = index;
        }

        /// <summary>A member's JSON name or a map's key; null for a list index.</summary>
        public string? Name { get; }

        public int Index { get; }
    }

    // Wraps an item so that null items can be dictionary keys too.
    private readonly struct Key<T>
    {
        public Key(T value) => Value = value;

        public T Value { get; }
    }

    private sealed class KeyComparer<T> : IEqualityComparer<Key<T>>
    {
        public static readonly KeyComparer<T> Instance = new();

        public bool Equals(Key<T> x, Key<T> y) => (x.Value, y.Value) switch
        {
            (null, null) => true,
            (null, _) or (_, null) => false,
            (JsonElement a, JsonElement b) => a.GetRawText() == b.GetRawText(),
            (byte[] a, byte[] b) => a.AsSpan().SequenceEqual(b),
            _ => EqualityComparer<T>.Default.Equals(x.Value, y.Value),
        };

        public int GetHashCode(Key<T> key) => key.Value switch
        {
            null => 0,
            JsonElement element => StringComparer.Ordinal.GetHashCode(element.GetRawText()),
            byte[] bytes => bytes.Length,
            _ => EqualityComparer<T>.Default.GetHashCode(key.Value),
        };
    }
}
