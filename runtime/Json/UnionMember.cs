using System;
using System.ComponentModel;

namespace Contracts.Runtime.Json;

/// <summary>What a union case declares about one member, used to tell cases with the same member names apart.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
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
    internal string Name { get; }

    /// <summary>The kinds it may hold.</summary>
    internal JsonKinds Kinds { get; }

    /// <summary>The kinds its items may hold, for an array; <see cref="JsonKinds.None"/> when unconstrained.</summary>
    internal JsonKinds ItemKinds { get; }

    /// <summary>True when <paramref name="sample"/> could be this member.</summary>
    internal bool Accepts(MemberSample sample)
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
