using System;
using System.ComponentModel;

namespace Contracts.Runtime.Json;

/// <summary>JSON value kinds, combinable: what a member of a union case may hold.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
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
