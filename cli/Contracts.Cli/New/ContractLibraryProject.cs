using System;
using System.Collections.Generic;
using System.IO;
using System.Security;

namespace Contracts.Cli.New;

/// <summary>
/// The project file of a contract class library, from the same text `dotnet new contracts-lib` uses
/// (templates/Contracts.Templates/content/contracts-lib/ContractLibrary.csproj, embedded in the tool): its placeholders
/// are replaced as the template's symbols replace them (.template.config/template.json), so both write the same file.
/// </summary>
internal static class ContractLibraryProject
{
    /// <summary>The frameworks the template offers (its Framework choice).</summary>
    public static readonly IReadOnlyList<string> Frameworks = ["net10.0", "net9.0", "net8.0"];

    public const string DefaultSpec = "openapi.yaml";

    public static string Text(string name, string spec, string? @namespace, string? clientName, string framework, string packageVersion)
    {
        // The template's one conditional: the ClientName metadata only when a client name is given.
        var kept = new List<string>();
        var branch = Branch.None;
        foreach (var line in Template().Split('\n'))
        {
            switch (line.Trim())
            {
                case "<!--#if (clientName != \"\") -->":
                    branch = Branch.If;
                    continue;
                case "<!--#else -->":
                    branch = Branch.Else;
                    continue;
                case "<!--#endif -->":
                    branch = Branch.None;
                    continue;
            }

            if (branch == Branch.None || (branch == Branch.If) == !string.IsNullOrEmpty(clientName))
            {
                kept.Add(line);
            }
        }

        // Unlike the template engine, values are escaped for the XML attribute they land in.
        return string.Join("\n", kept)
            .Replace("ContractLibrary", Xml(name), StringComparison.Ordinal)
            .Replace("SPEC_PATH", Xml(spec), StringComparison.Ordinal)
            .Replace("CONTRACT_NAMESPACE", Xml(string.IsNullOrEmpty(@namespace) ? name : @namespace), StringComparison.Ordinal)
            .Replace("CLIENT_NAME", Xml(clientName ?? string.Empty), StringComparison.Ordinal)
            .Replace("net10.0", framework, StringComparison.Ordinal)
            .Replace("CONTRACTS_PACKAGE_VERSION", Xml(packageVersion), StringComparison.Ordinal);
    }

    private static string Template()
    {
        using var stream = typeof(ContractLibraryProject).Assembly.GetManifestResourceStream("ContractLibrary.csproj")
            ?? throw new InvalidOperationException("The contract library template is not embedded in the tool.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().Replace("\r\n", "\n", StringComparison.Ordinal);
    }

    private static string Xml(string value) => SecurityElement.Escape(value);

    private enum Branch
    {
        None,
        If,
        Else,
    }
}
