using System;
using System.Collections.Generic;
using System.Linq;
using Contracts.Generator.Diagnostics;
using Contracts.Generator.Helpers;
using Contracts.Generator.Locating;
using Contracts.Generator.Model;
using Contracts.Generator.Translation.Naming;
using Microsoft.OpenApi;

namespace Contracts.Generator.Translation;

/// <summary>The server a client calls by default (the first https one, else the first) and its variables.</summary>
internal static class ServerTranslator
{
    public static ServerModel Translate(OpenApiDocument document, EmitTarget target, DiagnosticBag diagnostics)
    {
        var servers = document.Servers ?? new List<OpenApiServer>();
        var server = servers.FirstOrDefault(s => s.Url?.StartsWith("https:", StringComparison.OrdinalIgnoreCase) == true) ?? servers.FirstOrDefault();
        if (server?.Url is null || !server.Url.Contains("://"))
        {
            diagnostics.Add(DiagnosticDescriptors.NoServer, "#/servers");
        }

        if (server?.Url is null)
        {
            return new ServerModel(string.Empty, null, EquatableArray<ServerVariableModel>.Empty);
        }

        // The options' own members: a variable named like one gets a suffix instead of a duplicate member.
        var names = new UniqueNameBuilder("BaseAddress", "MaxResponseContentBufferSize", "Retry", "ExpandServerUrl", target.OptionsName);
        var variables = server.Variables.Select(v => BuildServerVariable(v.Key, v.Value, names));
        return new ServerModel(server.Url, server.Description, variables.ToEquatableArray());
    }

    /// <summary>
    /// A server variable and the values the client accepts for it: the document's <c>enum</c>, which the runtime checks
    /// when the client is constructed. The default is accepted too even where the document forgot to list it, so that a
    /// client with default options always constructs.
    /// </summary>
    private static ServerVariableModel BuildServerVariable(string name, OpenApiServerVariable variable, UniqueNameBuilder names)
    {
        var declared = variable.Enum ?? new List<string>();
        var defaultValue = variable.Default ?? declared.FirstOrDefault() ?? string.Empty;
        var allowed = declared.Count == 0 || declared.Contains(defaultValue) ? declared : declared.Concat(new[] { defaultValue });
        return new ServerVariableModel(
            name,
            names.Claim(Identifiers.ToPascalCase(name, "Variable")),
            defaultValue,
            variable.Description,
            allowed.ToEquatableArray());
    }
}
