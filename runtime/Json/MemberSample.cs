using System.ComponentModel;

namespace Contracts.Runtime.Json;

/// <summary>What one top-level member of an object looked like: its kind, its first item's kind, its text if a string.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly struct MemberSample
{
    /// <summary>Creates a sample.</summary>
    internal MemberSample(JsonKinds kind, JsonKinds firstItem, string? text)
    {
        Kind = kind;
        FirstItem = firstItem;
        Text = text;
    }

    /// <summary>The member's JSON kind.</summary>
    internal JsonKinds Kind { get; }

    /// <summary>The kind of the first item of an array member; <see cref="JsonKinds.None"/> otherwise or when empty.</summary>
    internal JsonKinds FirstItem { get; }

    /// <summary>The text of a string member; null otherwise.</summary>
    internal string? Text { get; }
}
