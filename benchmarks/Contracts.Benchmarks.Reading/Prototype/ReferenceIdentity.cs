using System.Collections.Generic;
using System.Runtime.CompilerServices;

namespace Contracts.Benchmarks.Reading.Prototype;

/// <summary>Compares by reference: SharpYaml's nodes and the reader's schemas define equality by content.</summary>
internal sealed class ReferenceIdentity : IEqualityComparer<object>
{
    public static readonly ReferenceIdentity Instance = new();

    public new bool Equals(object? x, object? y) => ReferenceEquals(x, y);

    public int GetHashCode(object obj) => RuntimeHelpers.GetHashCode(obj);
}
