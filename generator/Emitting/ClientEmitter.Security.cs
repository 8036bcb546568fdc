using System.Linq;
using Contracts.Generator.Model;

namespace Contracts.Generator.Emitting;

/// <summary>
/// The client's security: one options property per scheme, the <c>ClientAuthentication</c> the constructor builds, and
/// the requirement lists the requests carry. Nothing is printed for a document without security schemes.
/// </summary>
internal static partial class ClientEmitter
{
    /// <summary>One credential property per scheme the client applies, documented with what the scheme is and how to set it.</summary>
    private static void WriteSecurityOptions(SourceWriter writer, ClientModel client)
    {
        if (client.Security is not { } security)
        {
            return;
        }

        foreach (var scheme in security.Schemes.Where(s => s.PropertyName is not null))
        {
            writer.WriteLine();
            writer.WriteLine("/// <summary>");
            writer.WriteLine("/// The <c>" + XmlDocs.Text(scheme.Name) + "</c> security scheme of the OpenAPI document" + (string.IsNullOrWhiteSpace(scheme.Description) ? "." : ":"));
            foreach (var line in XmlDocs.Convert(scheme.Description))
            {
                writer.WriteLine("/// " + line);
            }

            writer.WriteLine("/// <para>" + HowToSet(scheme) + "</para>");
            writer.WriteLine("/// <para>When null, an operation that requires this scheme (and no other alternative it can satisfy) throws");
            writer.WriteLine("/// <c>CredentialNotConfiguredException</c> before anything is sent.</para>");
            writer.WriteLine("/// </summary>");
            writer.WriteLine("public " + CredentialType(scheme.Kind) + "? " + scheme.PropertyName + " { get; set; }");
        }
    }

    private static string HowToSet(SecuritySchemeModel scheme) => scheme.Kind switch
    {
        SecuritySchemeKind.ApiKey => "An API key sent in the " + (scheme.KeyLocation switch
        {
            ApiKeyLocation.Query => "query parameter",
            ApiKeyLocation.Cookie => "cookie",
            _ => "header",
        }) + " <c>" + XmlDocs.Text(scheme.KeyName ?? string.Empty) + "</c>: set <c>Key</c>, or <c>KeyProvider</c> for a key that rotates.",
        SecuritySchemeKind.Bearer => "A bearer token, sent as <c>Authorization: Bearer …</c>: set <c>Token</c>, or <c>TokenProvider</c> for tokens that rotate.",
        SecuritySchemeKind.Basic => "HTTP basic authentication: set <c>UserName</c> and <c>Password</c>.",
        SecuritySchemeKind.Authorization => "Sent as <c>Authorization: " + XmlDocs.Text(scheme.AuthScheme ?? string.Empty) + " …</c>: set <c>Value</c>, the text after the scheme name.",
        SecuritySchemeKind.OpenIdConnect => "OpenID Connect: set <c>ClientId</c> and <c>ClientSecret</c> for the client-credentials grant at the token endpoint of the discovery document <c>"
            + XmlDocs.Text(scheme.DiscoveryUrl ?? string.Empty) + "</c>, or a <c>TokenProvider</c> for any other flow.",
        _ when scheme.TokenUrl is not null => "OAuth 2.0: set <c>ClientId</c> and <c>ClientSecret</c> for the client-credentials grant at <c>"
            + XmlDocs.Text(scheme.TokenUrl) + "</c>, or a <c>TokenProvider</c> for any other flow (authorization code, device code).",
        _ => "OAuth 2.0: set a <c>TokenProvider</c> (authorization code, device code), or <c>TokenEndpoint</c>, <c>ClientId</c> and <c>ClientSecret</c> for the client-credentials grant.",
    };

    private static string CredentialType(SecuritySchemeKind kind) => kind switch
    {
        SecuritySchemeKind.ApiKey => KnownTypes.ApiKeyCredential,
        SecuritySchemeKind.Bearer => KnownTypes.BearerCredential,
        SecuritySchemeKind.Basic => KnownTypes.BasicCredential,
        SecuritySchemeKind.Authorization => KnownTypes.AuthorizationCredential,
        _ => KnownTypes.OAuth2Credential,
    };

    /// <summary>One static <c>SecurityRequirement[]</c> per requirement list in use (OR of its alternatives).</summary>
    private static void WriteSecurityRequirements(SourceWriter writer, ClientModel client)
    {
        if (client.Security is not { } security)
        {
            return;
        }

        foreach (var list in security.Requirements)
        {
            if (list.Alternatives.IsEmpty)
            {
                // security: [] — anonymous only.
                writer.WriteLine("private static readonly " + KnownTypes.SecurityRequirement + "[] " + list.FieldName + " = global::System.Array.Empty<" + KnownTypes.SecurityRequirement + ">();");
                writer.WriteLine();
                continue;
            }

            writer.OpenBlock("private static readonly " + KnownTypes.SecurityRequirement + "[] " + list.FieldName + " =");
            foreach (var alternative in list.Alternatives)
            {
                writer.WriteLine((alternative.Schemes.IsEmpty
                    ? KnownTypes.SecurityRequirement + ".Anonymous"
                    : "new " + KnownTypes.SecurityRequirement + "(" + string.Join(", ", alternative.Schemes.Select(SchemeUse)) + ")") + ",");
            }

            writer.CloseBlock(";");
            writer.WriteLine();
        }
    }

    private static string SchemeUse(SchemeUseModel use) =>
        "new " + KnownTypes.SchemeUse + "(" + Literals.String(use.Scheme) + string.Concat(use.Scopes.Select(s => ", " + Literals.String(s))) + ")";

    /// <summary>The constructor's <c>.WithAuthentication(…)</c>: one call per scheme, in document order; empty without schemes.</summary>
    private static string AuthenticationSuffix(ClientModel client)
    {
        if (client.Security is not { } security)
        {
            return string.Empty;
        }

        const string Continue = "\n        ";
        var text = ".WithAuthentication(new " + KnownTypes.ClientAuthentication + "(httpClient)";
        foreach (var scheme in security.Schemes)
        {
            var name = Literals.String(scheme.Name);
            var option = "options." + scheme.PropertyName;
            text += Continue + scheme.Kind switch
            {
                SecuritySchemeKind.ApiKey => ".ApiKey(" + name + ", " + KnownTypes.ApiKeyLocation + "." + scheme.KeyLocation + ", " + Literals.String(scheme.KeyName ?? string.Empty) + ", " + option + ")",
                SecuritySchemeKind.Bearer => ".Bearer(" + name + ", " + option + ")",
                SecuritySchemeKind.Basic => ".Basic(" + name + ", " + option + ")",
                SecuritySchemeKind.Authorization => ".Authorization(" + name + ", " + Literals.String(scheme.AuthScheme ?? string.Empty) + ", " + option + ")",
                SecuritySchemeKind.OAuth2 => ".OAuth2(" + name + ", " + (scheme.TokenUrl is null ? "null" : Literals.String(scheme.TokenUrl)) + ", "
                    + (scheme.Scopes.IsEmpty ? "global::System.Array.Empty<string>()" : "new[] { " + string.Join(", ", scheme.Scopes.Select(Literals.String)) + " }") + ", " + option + ")",
                SecuritySchemeKind.OpenIdConnect => ".OpenIdConnect(" + name + ", " + Literals.String(scheme.DiscoveryUrl ?? string.Empty) + ", " + option + ")",
                _ => ".External(" + name + ")",
            };
        }

        return text + ")";
    }

    /// <summary>The requirement list argument of <c>CreateRequest</c>, for an operation that has one.</summary>
    private static string SecurityArgument(OperationModel operation) =>
        operation.SecurityField is { } field ? ", " + field : string.Empty;
}
