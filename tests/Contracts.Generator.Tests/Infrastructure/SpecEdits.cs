using System;

namespace Contracts.Generator.Tests.Infrastructure;

/// <summary>Small, named edits of the seed spec for incremental tests.</summary>
internal static class SpecEdits
{
    private const string Anchor = "        serviceName:\n";

    /// <summary>Adds an optional <c>sourceIp</c> string to <c>AccessKeyLastUsed</c> (just before <c>serviceName</c>).</summary>
    public static string AddSourceIp(string seedText)
    {
        var text = seedText.Replace("\r\n", "\n", StringComparison.Ordinal);
        var index = text.IndexOf(Anchor, StringComparison.Ordinal);
        if (index < 0 || text.IndexOf(Anchor, index + 1, StringComparison.Ordinal) >= 0)
        {
            throw new InvalidOperationException("The seed spec no longer has exactly one 'serviceName:' property; update SpecEdits.");
        }

        return text.Insert(index, "        sourceIp:\n          type: string\n          description: The address the key was last used from.\n");
    }
}
