using System;
using System.Collections.Generic;
using System.Linq;
using Contracts.Generator.Diagnostics;
using Contracts.Generator.Helpers;
using Contracts.Generator.Locating;
using Contracts.Generator.Model;
using Contracts.Generator.Reading;
using Contracts.Generator.Translation.Naming;
using Microsoft.OpenApi;
using static Contracts.Generator.Translation.SchemaShapes;

namespace Contracts.Generator.Translation;

/// <summary>
/// <c>components/securitySchemes</c> (Swagger's <c>securityDefinitions</c>) → one option per scheme, and each operation's
/// <c>security</c> (its own, else the document's) → a requirement list the client passes with the request. Owns the
/// schemes' option names and the requirement lists in use, so that operations with the same list share one field.
/// </summary>
internal sealed class SecurityTranslator
{
    // The options' own members (and those other features add: AWS credentials, retries): a scheme named like one gets a suffix.
    private static readonly string[] s_optionMembers =
    {
        "BaseAddress", "MaxResponseContentBufferSize", "ExpandServerUrl", "Credentials", "Retry", "RetryPolicy", "Region", "Timeout", "TimeProvider", "Authentication",
        "Equals", "GetHashCode", "ToString", "GetType", "MemberwiseClone",
    };

    private const string DefaultField = "s_defaultSecurity";
    private const string AnonymousField = "s_anonymousSecurity";

    private readonly DocumentFacts _facts;
    private readonly DiagnosticBag _diagnostics;
    private readonly Dictionary<string, SecuritySchemeModel> _schemes;
    private readonly EquatableArray<SecuritySchemeModel> _ordered;
    private readonly EquatableArray<SecurityRequirementModel>? _default;
    private readonly Dictionary<EquatableArray<SecurityRequirementModel>, string> _fields = new();
    private readonly List<SecurityArrayModel> _inUse = new();

    private SecurityTranslator(DocumentFacts facts, DiagnosticBag diagnostics, List<SecuritySchemeModel> schemes)
    {
        _facts = facts;
        _diagnostics = diagnostics;
        _ordered = schemes.ToEquatableArray();
        _schemes = new Dictionary<string, SecuritySchemeModel>(StringComparer.Ordinal);
        foreach (var scheme in schemes)
        {
            _schemes[scheme.Name] = scheme;
        }

        _default = Resolve("#/security");
    }

    /// <summary>The document's schemes, each reported where the client cannot apply it as declared (CTR115).</summary>
    public static SecurityTranslator Create(OpenApiDocument document, DocumentFacts facts, bool isSwagger2, EmitTarget target, ServerModel server, DiagnosticBag diagnostics)
    {
        var names = new UniqueNameBuilder(s_optionMembers);
        names.Reserve(target.OptionsName);
        foreach (var variable in server.Variables)
        {
            names.Reserve(variable.PropertyName);
        }

        var prefix = isSwagger2 ? "#/securityDefinitions/" : "#/components/securitySchemes/";
        var schemes = new List<SecuritySchemeModel>();
        foreach (var entry in document.Components?.SecuritySchemes ?? new Dictionary<string, IOpenApiSecurityScheme>())
        {
            schemes.Add(Translate(entry.Key, entry.Value, prefix + Escape(entry.Key), facts, names, diagnostics));
        }

        return new SecurityTranslator(facts, diagnostics, schemes);
    }

    /// <summary>
    /// The field holding the security of the operation at <paramref name="pointer"/> (its own list, else the document's),
    /// claimed the first time a list is used; null when the request carries none (no list, or no scheme declared at all).
    /// </summary>
    public string? FieldFor(string pointer, string methodName)
    {
        var list = _facts.SecurityRequirementsAt(pointer + "/security") is null ? _default : Resolve(pointer + "/security");
        if (list is not { } requirements || _schemes.Count == 0)
        {
            return null;
        }

        if (!_fields.TryGetValue(requirements, out var field))
        {
            field = requirements.Equals(_default) ? DefaultField
                : requirements.IsEmpty ? AnonymousField
                : "s_" + methodName + "Security";
            _fields[requirements] = field;
            _inUse.Add(new SecurityArrayModel(field, requirements));
        }

        return field;
    }

    /// <summary>The schemes and the lists in use, in order of first use; null when the document declares no scheme.</summary>
    public SecurityModel? Build() => _schemes.Count == 0 ? null : new SecurityModel(_ordered, _inUse.ToEquatableArray());

    /// <summary>
    /// The <c>security</c> list at <paramref name="pointer"/>. An alternative naming a scheme the document does not
    /// declare cannot be satisfied, so it is left out (CTR116); when that leaves none of a non-empty list, there is no
    /// requirement the client can apply and the request goes without one (null), as it did before schemes were read.
    /// </summary>
    private EquatableArray<SecurityRequirementModel>? Resolve(string pointer)
    {
        if (_facts.SecurityRequirementsAt(pointer) is not { } alternatives)
        {
            return null;
        }

        var kept = new List<SecurityRequirementModel>();
        var undeclared = new List<(string Pointer, string Name)>();
        for (var i = 0; i < alternatives.Count; i++)
        {
            var missing = alternatives[i].Where(use => !_schemes.ContainsKey(use.Scheme)).ToList();
            undeclared.AddRange(missing.Select(use => (pointer + "/" + i + "/" + Escape(use.Scheme), use.Scheme)));
            if (missing.Count == 0)
            {
                kept.Add(new SecurityRequirementModel(alternatives[i].Select(use => new SchemeUseModel(use.Scheme, use.Scopes.ToEquatableArray())).ToEquatableArray()));
            }
        }

        var noneLeft = kept.Count == 0 && alternatives.Count > 0;
        foreach (var (at, name) in undeclared)
        {
            _diagnostics.Add(
                DiagnosticDescriptors.UndeclaredSecurityScheme,
                at,
                name,
                noneLeft ? "no alternative is left, so the client adds no credential to these requests" : "the alternative that names it is left out");
        }

        return noneLeft ? null : kept.ToEquatableArray();
    }

    private static SecuritySchemeModel Translate(string name, IOpenApiSecurityScheme scheme, string pointer, DocumentFacts facts, UniqueNameBuilder names, DiagnosticBag diagnostics)
    {
        SecuritySchemeModel External(string reason, string instead)
        {
            diagnostics.Add(DiagnosticDescriptors.SecuritySchemeNotApplied, pointer, name, reason, instead);
            return new SecuritySchemeModel(name, null, SecuritySchemeKind.External, scheme.Description);
        }

        SecuritySchemeModel WithOption(SecuritySchemeModel model) => model with { PropertyName = names.Claim(Identifiers.ToPascalCase(name, "Scheme")) };

        const string AddItYourself = "the client does not apply it (add it with a DelegatingHandler), and requirements count it as satisfied";
        if (scheme.ExtensionMap().TryGetValue("x-amazon-apigateway-authtype", out var authType) && JsonValues.AsString(JsonValues.Of(authType)) == "awsSigv4")
        {
            return External("it is AWS SigV4 signing, which generated clients apply to AWS services only", "the client does not sign (add a SigV4Handler to the HttpClient), and requirements count it as satisfied");
        }

        // The reader reads an unknown type, or a missing 'in', as its enum's first value: the text says what was written.
        var type = facts.ScalarAt(pointer + "/type") ?? scheme.Type.ToString();
        switch (type)
        {
            case "apiKey":
            {
                var location = facts.ScalarAt(pointer + "/in") switch
                {
                    "header" => ApiKeyLocation.Header,
                    "query" => ApiKeyLocation.Query,
                    "cookie" => ApiKeyLocation.Cookie,
                    _ => (ApiKeyLocation?)null,
                };
                if (string.IsNullOrEmpty(scheme.Name) || location is null)
                {
                    return External("an apiKey scheme needs 'name' and 'in' (header, query or cookie)", AddItYourself);
                }

                if (location != ApiKeyLocation.Query && !scheme.Name.All(IsTokenCharacter))
                {
                    return External("'" + scheme.Name + "' cannot be the name of a header or cookie", AddItYourself);
                }

                return WithOption(new SecuritySchemeModel(name, null, SecuritySchemeKind.ApiKey, scheme.Description, location.Value, scheme.Name));
            }

            case "basic":
                return WithOption(new SecuritySchemeModel(name, null, SecuritySchemeKind.Basic, scheme.Description));

            case "http":
            {
                var word = scheme.Scheme?.Trim() ?? string.Empty;
                if (string.Equals(word, "basic", StringComparison.OrdinalIgnoreCase))
                {
                    return WithOption(new SecuritySchemeModel(name, null, SecuritySchemeKind.Basic, scheme.Description));
                }

                if (string.Equals(word, "bearer", StringComparison.OrdinalIgnoreCase))
                {
                    return WithOption(new SecuritySchemeModel(name, null, SecuritySchemeKind.Bearer, scheme.Description));
                }

                if (word.Length == 0 || !word.All(IsTokenCharacter))
                {
                    return External(word.Length == 0 ? "an http scheme needs 'scheme'" : "'" + word + "' is not an HTTP authentication scheme name", AddItYourself);
                }

                return WithOption(new SecuritySchemeModel(name, null, SecuritySchemeKind.Authorization, scheme.Description, AuthScheme: word));
            }

            case "oauth2":
            {
                var flows = scheme.Flows;
                var all = new[] { flows?.ClientCredentials, flows?.AuthorizationCode, flows?.Implicit, flows?.Password }.OfType<OpenApiOAuthFlow>().ToList();
                var clientCredentials = flows?.ClientCredentials;
                var scopes = (clientCredentials is null ? all : new List<OpenApiOAuthFlow> { clientCredentials })
                    .SelectMany(f => f.Scopes?.Keys ?? Enumerable.Empty<string>())
                    .Distinct(StringComparer.Ordinal)
                    .ToEquatableArray();
                var tokenUrl = clientCredentials?.TokenUrl;
                var model = WithOption(new SecuritySchemeModel(name, null, SecuritySchemeKind.OAuth2, scheme.Description, Scopes: scopes));
                if (all.Count == 0)
                {
                    diagnostics.Add(DiagnosticDescriptors.SecuritySchemeNotApplied, pointer, name, "the oauth2 scheme declares no flow", "its option takes tokens from a TokenProvider only");
                }
                else if (clientCredentials is not null && !IsHttpUrl(tokenUrl))
                {
                    diagnostics.Add(DiagnosticDescriptors.SecuritySchemeNotApplied, pointer, name, "the clientCredentials flow has no http(s) tokenUrl", "set the option's TokenEndpoint, or give it a TokenProvider");
                    tokenUrl = null;
                }

                return model with { TokenUrl = tokenUrl?.OriginalString };
            }

            case "openIdConnect":
            {
                var url = scheme.OpenIdConnectUrl;
                if (!IsHttpUrl(url))
                {
                    diagnostics.Add(DiagnosticDescriptors.SecuritySchemeNotApplied, pointer, name, "the openIdConnect scheme has no http(s) openIdConnectUrl", "set the option's TokenEndpoint, or give it a TokenProvider");
                    return WithOption(new SecuritySchemeModel(name, null, SecuritySchemeKind.OAuth2, scheme.Description, Scopes: EquatableArray<string>.Empty));
                }

                return WithOption(new SecuritySchemeModel(name, null, SecuritySchemeKind.OpenIdConnect, scheme.Description, DiscoveryUrl: url!.OriginalString));
            }

            case "mutualTLS":
                return External("mutualTLS is a client certificate, which the HttpClient's handler presents", "configure the certificate on the handler (HttpClientHandler.ClientCertificates); requirements count it as satisfied");

            default:
                return External("its type '" + type + "' is not one the generator knows", AddItYourself);
        }
    }

    // A relative URL (OpenAPI allows it: relative to the server) is resolved by the runtime against the request's address.
    private static bool IsHttpUrl(Uri? url) =>
        url is not null && url.OriginalString.Length > 0 && (!url.IsAbsoluteUri || url.Scheme is "https" or "http");

    // RFC 9110 token characters: what an auth-scheme name may contain.
    private static bool IsTokenCharacter(char c) =>
        c is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or >= '0' and <= '9' or '!' or '#' or '$' or '%' or '&' or '\'' or '*' or '+' or '-' or '.' or '^' or '_' or '`' or '|' or '~';
}
