using Contracts.Generator.Helpers;

namespace Contracts.Generator.Model;

/// <summary>A security scheme of the document and the option that configures it.</summary>
/// <param name="Name">The scheme's name in the document (<c>components/securitySchemes</c> or Swagger's <c>securityDefinitions</c>); the runtime knows it by this name.</param>
/// <param name="PropertyName">The options property holding the credential; null for <see cref="SecuritySchemeKind.External"/> schemes, which have none.</param>
/// <param name="Kind">How the client applies it.</param>
/// <param name="Description">The document's description of the scheme.</param>
/// <param name="KeyLocation">API keys: where the key travels.</param>
/// <param name="KeyName">API keys: the header, query parameter or cookie name.</param>
/// <param name="AuthScheme">Other <c>http</c> schemes: the word after <c>Authorization: </c> (as the document spells it).</param>
/// <param name="TokenUrl">OAuth2: the token URL of the client-credentials flow; null when the document declares none (token provider only).</param>
/// <param name="Scopes">OAuth2: the scopes of the client-credentials flow, else of every flow, in document order.</param>
/// <param name="DiscoveryUrl">OpenID Connect: the discovery document's URL.</param>
internal sealed record SecuritySchemeModel(
    string Name,
    string? PropertyName,
    SecuritySchemeKind Kind,
    string? Description,
    ApiKeyLocation KeyLocation = ApiKeyLocation.Header,
    string? KeyName = null,
    string? AuthScheme = null,
    string? TokenUrl = null,
    EquatableArray<string> Scopes = default,
    string? DiscoveryUrl = null);
