using System;
using System.Collections.Generic;
using Microsoft.OpenApi;

namespace Contracts.Generator.Reading;

/// <summary>
/// The names security requirements give that no scheme declares. The reader keeps each as an unresolved reference and
/// reports it as an invalid reference, which would stop the document (CTR004); translation reports it as CTR116 at the
/// requirement instead, and leaves out the alternative that names it.
/// </summary>
internal static class UndeclaredSecuritySchemes
{
    public static HashSet<string> Find(OpenApiDocument? document)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        if (document is null)
        {
            return names;
        }

        Add(document.Security, names);
        foreach (var path in document.Paths ?? new OpenApiPaths())
        {
            foreach (var operation in path.Value?.Operations?.Values ?? (IEnumerable<OpenApiOperation>)Array.Empty<OpenApiOperation>())
            {
                Add(operation.Security, names);
            }
        }

        return names;
    }

    private static void Add(IList<OpenApiSecurityRequirement>? requirements, HashSet<string> names)
    {
        foreach (var requirement in requirements ?? Array.Empty<OpenApiSecurityRequirement>())
        {
            foreach (var scheme in requirement.Keys)
            {
                if (scheme is OpenApiSecuritySchemeReference { Target: null, Reference.Id: { } id })
                {
                    names.Add(id);
                }
            }
        }
    }
}
