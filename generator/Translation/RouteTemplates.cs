using System;
using System.Collections.Generic;

namespace Contracts.Generator.Translation;

/// <summary>
/// What ASP.NET Core's route template parser (<c>RoutePatternFactory.Parse</c>) refuses in a document's path. The
/// generated server maps each operation at its path; a path the parser refuses would throw when the application maps
/// the endpoints, so such an operation is left out of the server (CTR149) with the reason from here. Checked on the
/// path as written, before its parameters get route names (which only ever makes a name acceptable).
/// </summary>
internal static class RouteTemplates
{
    private const string Refused = ", which an ASP.NET Core route template cannot hold";

    /// <summary>Why <paramref name="path"/> cannot be a route template; null when the parser takes it.</summary>
    public static string? WhyNotRoutable(string path)
    {
        // A query string in the path (`/export?filename={filename}`): routing matches the path alone, and the parser
        // refuses '?' in a literal.
        var question = path.IndexOf('?');
        if (question >= 0)
        {
            return "its path '" + path + "' has a query string ('" + path.Substring(question) + "')" + Refused;
        }

        if (path.IndexOf("//", StringComparison.Ordinal) >= 0)
        {
            return "its path '" + path + "' has an empty segment ('//')" + Refused;
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        var depth = 0;
        var start = 0;
        for (var i = 0; i < path.Length; i++)
        {
            switch (path[i])
            {
                case '{' when depth == 0:
                    if (i > 0 && path[i - 1] == '}')
                    {
                        return "its path '" + path + "' has two parameters in one segment without a literal between ('"
                            + path.Substring(path.LastIndexOf('{', i - 1), i - path.LastIndexOf('{', i - 1)) + "{…')" + Refused;
                    }

                    depth = 1;
                    start = i;
                    break;
                case '{':
                case '}' when depth == 0:
                    return "its path '" + path + "' has a '" + path[i] + "' outside a parameter" + Refused;
                case '}':
                    depth = 0;
                    var name = path.Substring(start + 1, i - start - 1);
                    if (!names.Add(name))
                    {
                        return "its path '" + path + "' has the parameter '{" + name + "}' twice" + Refused;
                    }

                    break;
            }
        }

        return depth == 0 ? null : "its path '" + path + "' has a '{' outside a parameter" + Refused;
    }
}
