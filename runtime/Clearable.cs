using System;
using System.Collections.Generic;

namespace Contracts.Runtime;

/// <summary>
/// A request member that holds a value or an explicit "clear": the document declares it as "a value, or the empty
/// string" (Stripe's <c>anyOf: [X, {enum: ['']}]</c>), and the empty string tells the server to unset the field.
/// Assign a value as it is (an implicit conversion), or <see cref="Clear"/>; leave the member <c>null</c> to send
/// nothing at all. A clear is written as <c>""</c> in JSON and as <c>name=</c> in a form body, and a <c>""</c> read
/// from a response is a clear.
/// </summary>
/// <typeparam name="T">The type of the value.</typeparam>
/// <remarks>
/// A class rather than a struct: <c>null</c> keeps meaning "not set" for every member type, and a C# <c>null</c> can
/// never be turned into a value or a clear by the implicit conversion.
/// </remarks>
public sealed class Clearable<T> : IEquatable<Clearable<T>>
{
    private readonly T _value;
    private readonly bool _hasValue;

    /// <summary>A clearable holding <paramref name="value"/>.</summary>
    /// <param name="value">The value (not null: an unset member is <c>null</c>, a clear is <see cref="Clear"/>).</param>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    public Clearable(T value)
    {
        if (value is null)
        {
            // Null is neither a value nor a clear: the caller meant one of the two, and guessing would send the wrong one.
            throw new ArgumentNullException(nameof(value), "A Clearable holds a value; use Clearable<T>.Clear to clear the field, or leave the member null to send nothing.");
        }

        _value = value;
        _hasValue = true;
    }

    private Clearable()
    {
        _value = default!;
    }

    /// <summary>The explicit "unset": sent as the empty string.</summary>
    public static Clearable<T> Clear { get; } = new();

    /// <summary>True when this is <see cref="Clear"/> rather than a value.</summary>
    public bool IsClear => !_hasValue;

    /// <summary>The value.</summary>
    /// <exception cref="InvalidOperationException">This is <see cref="Clear"/>.</exception>
    public T Value => _hasValue ? _value : throw new InvalidOperationException("The Clearable is a clear (the empty string), not a value; test IsClear or use TryGetValue first.");

    /// <summary>The value, when this is not <see cref="Clear"/>.</summary>
    /// <param name="value">The value, or the default of <typeparamref name="T"/> for a clear.</param>
    /// <returns>True when there is a value.</returns>
    public bool TryGetValue(out T value)
    {
        value = _value;
        return _hasValue;
    }

    /// <summary>A clearable holding <paramref name="value"/>, so that a value is assigned as it is.</summary>
    /// <param name="value">The value; a <c>null</c> (which the annotations warn about) gives <c>null</c>, an unset member.</param>
    public static implicit operator Clearable<T>(T value) => value is null ? null! : new(value);

    /// <summary>Equal when both are null, both are clears, or both hold equal values.</summary>
    public static bool operator ==(Clearable<T>? left, Clearable<T>? right) => left is null ? right is null : left.Equals(right);

    /// <summary>The negation of <c>==</c>.</summary>
    public static bool operator !=(Clearable<T>? left, Clearable<T>? right) => !(left == right);

    /// <inheritdoc />
    public bool Equals(Clearable<T>? other) =>
        other is not null && _hasValue == other._hasValue && (!_hasValue || EqualityComparer<T>.Default.Equals(_value, other._value));

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as Clearable<T>);

    /// <inheritdoc />
    public override int GetHashCode() => _hasValue ? EqualityComparer<T>.Default.GetHashCode(_value!) : 0;

    /// <summary>The value's own text (a generated record redacts its secrets there), or <c>Clear</c>.</summary>
    public override string ToString() => _hasValue ? _value!.ToString() ?? string.Empty : "Clear";
}
