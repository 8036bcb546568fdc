using System;
using System.Collections;
using System.Collections.Generic;
using System.ComponentModel;
using System.Text;
using System.Text.Json;

namespace Contracts.Runtime.Json;

/// <summary>
/// The values a generated open enum lists, built once per enum: what <c>KnownValues</c> returns, the set
/// <c>IsKnown</c> asks (built on first use), and the table its converter reads known values with, returning the shared
/// instance without allocating. Plumbing for generated code.
/// </summary>
/// <typeparam name="T">The enum struct.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class OpenEnumValues<T> : IReadOnlyList<T>
    where T : struct, IOpenEnum<T>
{
    // Up to this many values, a read compares the token with each value in turn (as generated code did, value by value);
    // beyond it, a hash of the token's bytes finds the candidate, so a read stays one comparison however many values there are.
    private const int MaxScanned = 8;

    private readonly T[] _values;
    private readonly byte[][] _utf8;
    private readonly int[]? _slots;
    private HashSet<string>? _set;

    /// <summary>The listed values, in the document's order.</summary>
    /// <param name="typeName">The enum's C# name, for error messages.</param>
    /// <param name="values">The values; the struct's static members, in the order the document lists them.</param>
    public OpenEnumValues(string typeName, params T[] values)
    {
        TypeName = typeName ?? throw new ArgumentNullException(nameof(typeName));
        _values = values ?? throw new ArgumentNullException(nameof(values));
        _utf8 = new byte[values.Length][];
        for (var i = 0; i < values.Length; i++)
        {
            _utf8[i] = Encoding.UTF8.GetBytes(values[i].Value);
        }

        if (values.Length > MaxScanned)
        {
            // Open addressing, at most half full: a slot holds index + 1 (0 is empty). Equal values land on the first.
            var size = 16;
            while (size < values.Length * 2)
            {
                size <<= 1;
            }

            _slots = new int[size];
            for (var i = 0; i < values.Length; i++)
            {
                var slot = Hash(_utf8[i]) & (size - 1);
                while (_slots[slot] != 0)
                {
                    slot = (slot + 1) & (size - 1);
                }

                _slots[slot] = i + 1;
            }
        }
    }

    /// <summary>The enum's C# name, for error messages.</summary>
    public string TypeName { get; }

    /// <inheritdoc/>
    public int Count => _values.Length;

    /// <inheritdoc/>
    public T this[int index] => _values[index];

    /// <summary>True when <paramref name="value"/> is one of the listed values (ordinal).</summary>
    public bool Contains(string value)
    {
        var set = _set;
        if (set is null)
        {
            set = new HashSet<string>(StringComparer.Ordinal);
            foreach (var listed in _values)
            {
                set.Add(listed.Value);
            }

            // Another thread may build its own set meanwhile: they are equal, and either one is kept.
            _set = set;
        }

        return set.Contains(value);
    }

    /// <summary>
    /// Reads a JSON string: a listed value returns its shared instance (nothing allocated), any other string is kept
    /// as it came. Any other token is a <see cref="JsonException"/> naming the enum.
    /// </summary>
    public T Read(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw JsonErrors.UnexpectedToken(reader.TokenType, "a string", TypeName, null);
        }

        var index = IndexOf(ref reader);
        return index >= 0 ? _values[index] : default(T).Create(reader.GetString()!);
    }

    /// <inheritdoc/>
    public IEnumerator<T> GetEnumerator() => ((IEnumerable<T>)_values).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => _values.GetEnumerator();

    private int IndexOf(ref Utf8JsonReader reader)
    {
        if (_slots is { } slots && !reader.HasValueSequence && !reader.ValueIsEscaped)
        {
            var token = reader.ValueSpan;
            var slot = Hash(token) & (slots.Length - 1);
            while (slots[slot] is var entry && entry != 0)
            {
                if (token.SequenceEqual(_utf8[entry - 1]))
                {
                    return entry - 1;
                }

                slot = (slot + 1) & (slots.Length - 1);
            }

            return -1;
        }

        // ValueTextEquals unescapes and joins segments as needed.
        for (var i = 0; i < _utf8.Length; i++)
        {
            if (reader.ValueTextEquals(_utf8[i]))
            {
                return i;
            }
        }

        return -1;
    }

    // FNV-1a over the UTF-8 bytes.
    private static int Hash(ReadOnlySpan<byte> bytes)
    {
        var hash = 2166136261u;
        foreach (var b in bytes)
        {
            hash = (hash ^ b) * 16777619u;
        }

        return (int)(hash & 0x7FFFFFFF);
    }
}
