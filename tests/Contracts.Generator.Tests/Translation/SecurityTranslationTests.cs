using System;
using System.IO;
using System.Linq;
using System.Threading;
using Contracts.Generator.Configuration;
using Contracts.Generator.Model;
using Contracts.Generator.Pipeline;
using Xunit;

namespace Contracts.Generator.Tests.Translation;

/// <summary>
/// Specs/security.yaml (every scheme type, a document default, per-operation security) and small inline documents:
/// the schemes become options named after them, and each operation gets the requirement list it declares (its own,
/// else the document's), shared between operations with the same list.
/// </summary>
public sealed class SecurityTranslationTests
{
    [Fact]
    public void Each_scheme_is_read_with_its_kind_and_what_the_client_needs_to_apply_it()
    {
        var schemes = Translate(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Specs/security.yaml"))).Client.Security!.Schemes.ToDictionary(s => s.Name);

        Assert.Equal(
            ["bearerAuth", "apiKeyHeader", "apiKeyQuery", "apiKeyCookie", "basicAuth", "signature", "oauth", "oidc", "mtls", "base-address", "odd.name-key_1"],
            schemes.Keys);
        Assert.Equal(SecuritySchemeKind.Bearer, schemes["bearerAuth"].Kind);
        Assert.Equal((SecuritySchemeKind.ApiKey, ApiKeyLocation.Header, "X-Vault-Key"), (schemes["apiKeyHeader"].Kind, schemes["apiKeyHeader"].KeyLocation, schemes["apiKeyHeader"].KeyName));
        Assert.Equal((ApiKeyLocation.Query, "api_key"), (schemes["apiKeyQuery"].KeyLocation, schemes["apiKeyQuery"].KeyName));
        Assert.Equal((ApiKeyLocation.Cookie, "vault_session"), (schemes["apiKeyCookie"].KeyLocation, schemes["apiKeyCookie"].KeyName));
        Assert.Equal(SecuritySchemeKind.Basic, schemes["basicAuth"].Kind);
        Assert.Equal((SecuritySchemeKind.Authorization, "Signature"), (schemes["signature"].Kind, schemes["signature"].AuthScheme));
        Assert.Equal(SecuritySchemeKind.OAuth2, schemes["oauth"].Kind);
        Assert.Equal("https://auth.example.com/oauth/token", schemes["oauth"].TokenUrl);
        Assert.Equal(["secrets:read", "secrets:write"], schemes["oauth"].Scopes);
        Assert.Equal((SecuritySchemeKind.OpenIdConnect, "https://auth.example.com/.well-known/openid-configuration"), (schemes["oidc"].Kind, schemes["oidc"].DiscoveryUrl));
        Assert.Equal((SecuritySchemeKind.External, null), (schemes["mtls"].Kind, schemes["mtls"].PropertyName));
    }

    [Fact]
    public void Option_names_are_the_scheme_names_in_PascalCase_and_never_an_existing_option_member()
    {
        var schemes = Translate(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Specs/security.yaml"))).Client.Security!.Schemes;

        Assert.Equal(
            ["BearerAuth", "ApiKeyHeader", "ApiKeyQuery", "ApiKeyCookie", "BasicAuth", "Signature", "Oauth", "Oidc", null, "BaseAddress2", "OddNameKey1"],
            schemes.Select(s => s.PropertyName));
    }

    [Fact]
    public void A_scheme_named_like_a_server_variable_or_an_AWS_or_retry_option_gets_a_suffix()
    {
        var model = Translate("""
            openapi: 3.0.3
            info: {title: T, version: '1'}
            servers:
              - url: https://{region}.example.com
                variables:
                  region: {default: eu}
            paths: {}
            components:
              securitySchemes:
                region: {type: http, scheme: bearer}
                retry: {type: http, scheme: bearer}
                credentials: {type: http, scheme: basic}
            """);

        Assert.Equal(["Region2", "Retry2", "Credentials2"], model.Client.Security!.Schemes.Select(s => s.PropertyName));
    }

    [Fact]
    public void Operations_carry_their_own_security_else_the_document_default_and_equal_lists_share_one_field()
    {
        var client = Translate(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Specs/security.yaml"))).Client;
        var fields = client.Operations.ToDictionary(o => o.MethodName, o => o.SecurityField);

        Assert.Equal("s_anonymousSecurity", fields["GetHealthAsync"]);
        Assert.Equal("s_defaultSecurity", fields["ListSecretsAsync"]);
        Assert.Equal("s_defaultSecurity", fields["GetAdminAsync"]);
        Assert.Equal(fields["CreateSecretAsync"], fields["DeleteSecretAsync"]);
        Assert.Equal("s_GetSecretAsyncSecurity", fields["GetSecretAsync"]);

        var lists = client.Security!.Requirements.ToDictionary(r => r.FieldName);
        Assert.Equal(5, lists.Count);
        Assert.Empty(lists["s_anonymousSecurity"].Alternatives);
        Assert.Equal([["bearerAuth"], ["apiKeyHeader"]], lists["s_defaultSecurity"].Alternatives.Select(a => a.Schemes.Select(s => s.Scheme)));
        var create = lists[fields["CreateSecretAsync"]!].Alternatives;
        Assert.Equal([["oauth"], ["apiKeyHeader", "basicAuth"]], create.Select(a => a.Schemes.Select(s => s.Scheme)));
        Assert.Equal(["secrets:write"], create[0].Schemes[0].Scopes);
        // {} among the alternatives: anonymous is one way to satisfy it.
        Assert.Empty(lists["s_GetSecretAsyncSecurity"].Alternatives[2].Schemes);
    }

    [Fact]
    public void A_document_without_security_schemes_has_no_security_even_where_operations_say_security()
    {
        var model = Translate("""
            openapi: 3.0.3
            info: {title: T, version: '1'}
            servers: [{url: 'https://t.example.com'}]
            paths:
              /a:
                get:
                  security: []
                  responses: {'204': {description: ok}}
            """);

        Assert.Null(model.Client.Security);
        Assert.All(model.Client.Operations, o => Assert.Null(o.SecurityField));
    }

    [Fact]
    public void An_operation_without_security_in_a_document_without_a_default_carries_none()
    {
        var model = Translate("""
            openapi: 3.0.3
            info: {title: T, version: '1'}
            servers: [{url: 'https://t.example.com'}]
            paths:
              /open:
                get:
                  responses: {'204': {description: ok}}
              /closed:
                get:
                  security: [{key: []}]
                  responses: {'204': {description: ok}}
            components:
              securitySchemes:
                key: {type: apiKey, in: header, name: X-Key}
            """);

        var fields = model.Client.Operations.ToDictionary(o => o.MethodName, o => o.SecurityField);
        Assert.Null(fields["GetOpenAsync"]);
        Assert.Equal("s_GetClosedAsyncSecurity", fields["GetClosedAsync"]);
    }

    [Fact]
    public void Swagger2_security_definitions_are_read_with_an_application_flow_as_client_credentials()
    {
        var model = Translate("""
            {
              "swagger": "2.0",
              "info": {"title": "T", "version": "1"},
              "host": "t.example.com",
              "schemes": ["https"],
              "security": [{"basic": []}],
              "paths": {"/a": {"get": {"responses": {"204": {"description": "ok"}}}}},
              "securityDefinitions": {
                "basic": {"type": "basic"},
                "key": {"type": "apiKey", "in": "query", "name": "k"},
                "app": {"type": "oauth2", "flow": "application", "tokenUrl": "https://t.example.com/token", "scopes": {"read": "Read."}}
              }
            }
            """);

        var schemes = model.Client.Security!.Schemes;
        Assert.Equal([SecuritySchemeKind.Basic, SecuritySchemeKind.ApiKey, SecuritySchemeKind.OAuth2], schemes.Select(s => s.Kind));
        Assert.Equal((ApiKeyLocation.Query, "k"), (schemes[1].KeyLocation, schemes[1].KeyName));
        Assert.Equal(("https://t.example.com/token", "read"), (schemes[2].TokenUrl, schemes[2].Scopes.Single()));
        Assert.Equal("s_defaultSecurity", model.Client.Operations.Single().SecurityField);
    }

    [Fact]
    public void A_relative_token_url_is_kept_for_the_runtime_to_resolve_against_the_request()
    {
        var model = Translate("""
            openapi: 3.0.3
            info: {title: T, version: '1'}
            servers: [{url: 'https://t.example.com/api'}]
            paths: {}
            components:
              securitySchemes:
                app:
                  type: oauth2
                  flows:
                    clientCredentials: {tokenUrl: /oauth/token, scopes: {}}
                oidc: {type: openIdConnect, openIdConnectUrl: /.well-known/openid-configuration}
            """);

        var schemes = model.Client.Security!.Schemes;
        Assert.Equal("/oauth/token", schemes[0].TokenUrl);
        Assert.Equal((SecuritySchemeKind.OpenIdConnect, "/.well-known/openid-configuration"), (schemes[1].Kind, schemes[1].DiscoveryUrl));
    }

    [Fact]
    public void An_AWS_service_is_signed_and_has_no_security_options()
    {
        var model = Translate(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Specs/aws-json.yaml")));

        Assert.NotNull(model.Client.Aws);
        Assert.Null(model.Client.Security);
    }

    private static SpecModel Translate(string text)
    {
        var input = new SpecInput("/specs/spec.yaml", text, new GeneratorOptions(null, null, null, null, IsMarked: true));
        return GenerationSteps.Translate(input, hasDateOnly: true, CancellationToken.None).Model!;
    }
}
