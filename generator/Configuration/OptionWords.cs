using System;
using Contracts.Generator.Diagnostics;
using Contracts.Generator.Locating;

namespace Contracts.Generator.Configuration;

/// <summary>
/// The item options that take one of a few words. A value that is none of them is CTR146, located at the start of the
/// spec (the option comes from the project file), and the generator goes on with the choice that cannot break a build or
/// a call; the contracts tool rejects the same values as a usage error before it reads anything.
/// </summary>
internal static class OptionWords
{
    /// <summary>The words <c>Visibility</c> (<c>--visibility</c>) takes.</summary>
    public static readonly string[] Visibilities = ["public", "internal"];

    /// <summary>The words <c>JsonDirections</c> (<c>--json-directions</c>) takes.</summary>
    public static readonly string[] JsonDirections = ["Used", "Both"];

    /// <summary>Adds CTR146 for each option of <paramref name="options"/> that is set to an unknown word.</summary>
    public static void Report(GeneratorOptions options, DiagnosticBag diagnostics)
    {
        Check("Visibility", options.Visibility, Visibilities, "the generated types are public", diagnostics);
        Check("JsonDirections", options.JsonDirections, JsonDirections, "every converter reads and writes, as with Both", diagnostics);
    }

    /// <summary>True when <paramref name="value"/> is one of <paramref name="words"/>, in any case.</summary>
    public static bool IsOneOf(string value, string[] words) =>
        Array.Exists(words, word => string.Equals(value, word, StringComparison.OrdinalIgnoreCase));

    /// <summary>The JsonDirections value asks for both directions: anything but <c>Used</c> (unset is <c>Used</c>).</summary>
    public static bool MeansBothJsonDirections(string? value) => value is not null && !string.Equals(value, "Used", StringComparison.OrdinalIgnoreCase);

    private static void Check(string metadata, string? value, string[] words, string fallback, DiagnosticBag diagnostics)
    {
        if (value is null || IsOneOf(value, words))
        {
            return;
        }

        diagnostics.AddAt(DiagnosticDescriptors.OptionValueNotRecognized, 0, 0, metadata, value, string.Join(", ", words), fallback);
    }
}
