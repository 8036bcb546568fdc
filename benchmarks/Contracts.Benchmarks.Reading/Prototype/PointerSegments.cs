using System;

namespace Contracts.Benchmarks.Reading.Prototype;

/// <summary>The segments of a JSON pointer (<c>#/a/b~1c</c>), decoded as the generator's locator decodes them.</summary>
internal static class PointerSegments
{
    public static string[] Of(string pointer)
    {
        var trimmed = pointer.StartsWith("#", StringComparison.Ordinal) ? pointer.Substring(1) : pointer;
        var segments = trimmed.Split(new[] { '/' }, StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < segments.Length; i++)
        {
            segments[i] = Uri.UnescapeDataString(segments[i]).Replace("~1", "/").Replace("~0", "~");
        }

        return segments;
    }
}
