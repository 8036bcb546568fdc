using System.Diagnostics;

namespace Contracts.Benchmarks.Reading;

/// <summary>What both stages return for one document, in this order (the prototype cannot share the type across load contexts).</summary>
internal static class Figures
{
    public static readonly string[] Names =
    {
        "read", "errors", "warnings", "paths", "operations", "schemas", "located", "positionChecksum",
        "additionalPropertiesTrue", "multiParameters", "schemasWalked", "version",
        "readMicroseconds", "locateMicroseconds", "factsMicroseconds", "walkMicroseconds",
    };

    /// <summary>Where the phases' microseconds start in the figures: read, locate, facts, walk.</summary>
    public const int FirstPhase = 12;

    public static long Microseconds(long from, long to) => (to - from) * 1_000_000 / Stopwatch.Frequency;

    /// <summary>The figures that must agree between the two stages for the same document.</summary>
    public static readonly int[] Compared = { 0, 3, 4, 5, 6, 7, 8, 9, 10 };
}
