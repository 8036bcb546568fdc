using System.Collections.Generic;

namespace Contracts.Generator.Helpers;

/// <summary>A small FNV-style combiner: netstandard2.0 has no System.HashCode and models need stable hashes.</summary>
internal static class Hash
{
    public static int Combine<T>(int seed, T value) => unchecked((seed * 16777619) ^ EqualityComparer<T>.Default.GetHashCode(value!));

    public const int Seed = unchecked((int)2166136261);
}
