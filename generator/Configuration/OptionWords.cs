using System;
using Contracts.Generator.Diagnostics;
using Contracts.Generator.Locating;
using Contracts.Generator.Model;

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
        if (options.Generate is { } generate && SidesOf(generate) is null)
        {
            diagnostics.AddAt(DiagnosticDescriptors.GenerateValueNotRecognized, 0, 0, generate);
        }
    }

    /// <summary>
    /// The sides <c>Generate</c> (<c>--generate</c>) names: <c>Client</c>, <c>Server</c> or <c>Both</c>, or a list of the first
    /// two separated by <c>;</c>, <c>|</c> or <c>,</c>, in any case; <see cref="GeneratedSides.Client"/> when unset; null when a
    /// word is none of them (the caller reports it and generates the client).
    /// </summary>
    public static GeneratedSides? SidesOf(string? value)
    {
        if (value is null)
        {
            return GeneratedSides.Client;
        }

        var sides = GeneratedSides.None;
        foreach (var part in value.Split(';', '|', ','))
        {
            var word = part.Trim();
            if (string.Equals(word, "Client", StringComparison.OrdinalIgnoreCase))
            {
                sides |= GeneratedSides.Client;
            }
            else if (string.Equals(word, "Server", StringComparison.OrdinalIgnoreCase))
            {
                sides |= GeneratedSides.Server;
            }
            else if (string.Equals(word, "Both", StringComparison.OrdinalIgnoreCase))
            {
                sides |= GeneratedSides.Client | GeneratedSides.Server;
            }
            else if (word.Length > 0)
            {
                return null;
            }
        }

        return sides == GeneratedSides.None ? GeneratedSides.Client : sides;
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
