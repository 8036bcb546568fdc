using System;

namespace Contracts.Runtime.Json;

/// <summary>JSON value kinds, combinable: what a member of a union case may hold.</summary>
[Flags]
public enum JsonKinds
{
    /// <summary>Nothing (an empty array has no first item).</summary>
    None = 0,

    /// <summary>A string.</summary>
    String = 1,

    /// <summary>A number.</summary>
    Number = 2,

    /// <summary>true or false.</summary>
    Boolean = 4,

    /// <summary>An object.</summary>
    Object = 8,

    /// <summary>An array.</summary>
    Array = 16,

    /// <summary>null.</summary>
    Null = 32,
}

/// <summary>What one top-level member of an object looked like: its kind, its first item's kind, its text if a string.</summary>
public readonly struct MemberSample
{
    /// <summary>Creates a sample.</summary>
    public MemberSample(JsonKinds kind, JsonKinds firstItem, string? text)
    {
        Kind = kind;
        FirstItem = firstItem;
        Text = text;
    }

    /// <summary>The member's JSON kind.</summary>
    public JsonKinds Kind { get; }

    /// <summary>The kind of the first item of an array member; <see cref="JsonKinds.None"/> otherwise or when empty.</summary>
    public JsonKinds FirstItem { get; }

    /// <summary>The text of a string member; null otherwise.</summary>
    public string? Text { get; }
}

/// <summary>What a union case declares about one member, used to tell cases with the same member names apart.</summary>
public sealed class UnionMember
{
    private readonly string[]? _values;

    /// <summary>Declares a member.</summary>
    /// <param name="name">The member's JSON name.</param>
    /// <param name="kinds">The kinds it may hold.</param>
    /// <param name="itemKinds">For an array member, the kinds its items may hold; <see cref="JsonKinds.None"/> when unconstrained.</param>
    /// <param name="values">The only strings it may hold (a constant such as Stripe's <c>object: card</c>); null when any.</param>
    public UnionMember(string name, JsonKinds kinds, JsonKinds itemKinds = JsonKinds.None, string[]? values = null)
    {
        Name = name ?? throw new ArgumentNullException(nameof(name));
        Kinds = kinds;
        ItemKinds = itemKinds;
        _values = values;
    }

    /// <summary>The member's JSON name.</summary>
    public string Name { get; }

    /// <summary>The kinds it may hold.</summary>
    public JsonKinds Kinds { get; }

    /// <summary>The kinds its items may hold, for an array; <see cref="JsonKinds.None"/> when unconstrained.</summary>
    public JsonKinds ItemKinds { get; }

    /// <summary>True when <paramref name="sample"/> could be this member.</summary>
    public bool Accepts(MemberSample sample)
    {
        if ((sample.Kind & Kinds) == 0)
        {
            return false;
        }

        if (ItemKinds != JsonKinds.None && sample.FirstItem != JsonKinds.None && (sample.FirstItem & ItemKinds) == 0)
        {
            return false;
        }

        return _values is null || sample.Text is null || Array.IndexOf(_values, sample.Text) >= 0;
    }
}
