using System.Collections.Generic;

namespace Contracts.Runtime;

/// <summary>
/// Splits a name into its words: <c>secretAccessKey</c> → secret, Access, Key; <c>X-Api-Key</c> → X, Api, Key.
/// One source for the generator (which members are secrets) and the runtime (which headers carry credentials):
/// the generator compiles this file too, linked.
/// </summary>
internal static class NameWords
{
    public static List<string> Split(string name)
    {
        var words = new List<string>();
        var start = 0;
        for (var i = 0; i <= name.Length; i++)
        {
            var boundary = i == name.Length || !char.IsLetterOrDigit(name[i])
                || (i > start && char.IsUpper(name[i]) && !char.IsUpper(name[i - 1]));
            if (!boundary)
            {
                continue;
            }

            if (i > start)
            {
                words.Add(name.Substring(start, i - start));
            }

            start = i < name.Length && char.IsLetterOrDigit(name[i]) ? i : i + 1;
        }

        return words;
    }
}
