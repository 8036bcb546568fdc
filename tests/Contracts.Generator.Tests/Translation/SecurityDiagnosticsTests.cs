using System;
using System.Globalization;
using System.Linq;
using Contracts.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace Contracts.Generator.Tests.Translation;

/// <summary>
/// Specs/security-degraded.yaml: a scheme the client cannot apply as declared is CTR115 at the scheme, a requirement
/// naming an undeclared scheme CTR116 at the name (not the reader's unresolved reference, which would stop the
/// document); each says what happens instead, and the rest is generated.
/// </summary>
public sealed class SecurityDiagnosticsTests
{
    [Fact]
    public void Each_problem_is_reported_once_with_its_id_and_line_and_nothing_stops_the_document()
    {
        var run = Run();

        run.AssertGeneratorDidNotThrow();
        Assert.Equal(
            ["CTR115@21", "CTR115@23", "CTR115@25", "CTR115@28", "CTR115@30", "CTR115@33", "CTR115@39", "CTR115@41", "CTR116@16", "CTR116@5"],
            run.GeneratorDiagnostics.Select(d => d.Id + "@" + (d.Location.GetLineSpan().StartLinePosition.Line + 1)).OrderBy(s => s, StringComparer.Ordinal));
        Assert.All(run.GeneratorDiagnostics, d =>
        {
            Assert.Equal(DiagnosticSeverity.Warning, d.Severity);
            Assert.Equal("/specs/security-degraded.yaml", d.Location.GetLineSpan().Path);
        });
        Assert.Contains("WithAuthentication", run.Source("SecurityDegradedClient.Client"), StringComparison.Ordinal);
    }

    [Fact]
    public void The_messages_say_why_and_what_happens_instead()
    {
        var messages = Run().GeneratorDiagnostics.Select(d => d.GetMessage(CultureInfo.InvariantCulture)).ToList();

        Assert.Contains("The security scheme 'cert' is not applied as declared: mutualTLS is a client certificate, which the HttpClient's handler presents; configure the certificate on the handler (HttpClientHandler.ClientCertificates); requirements count it as satisfied", messages);
        Assert.Contains("The security scheme 'custom' is not applied as declared: its type 'hmac' is not one the generator knows; the client does not apply it (add it with a DelegatingHandler), and requirements count it as satisfied", messages);
        Assert.Contains("The security scheme 'nowhere' is not applied as declared: an apiKey scheme needs 'name' and 'in' (header, query or cookie); the client does not apply it (add it with a DelegatingHandler), and requirements count it as satisfied", messages);
        Assert.Contains("The security scheme 'badheader' is not applied as declared: 'X Bad' cannot be the name of a header or cookie; the client does not apply it (add it with a DelegatingHandler), and requirements count it as satisfied", messages);
        Assert.Contains("The security scheme 'flowless' is not applied as declared: the oauth2 scheme declares no flow; its option takes tokens from a TokenProvider only", messages);
        Assert.Contains("The security requirement names 'apiKey', which no security scheme declares; the alternative that names it is left out", messages);
        Assert.Contains("The security requirement names 'missing', which no security scheme declares; no alternative is left, so the client adds no credential to these requests", messages);
    }

    [Fact]
    public void An_alternative_naming_an_undeclared_scheme_is_left_out_and_an_operation_left_with_none_carries_nothing()
    {
        var client = Run().Source("SecurityDegradedClient.Client");

        // The document default keeps its declared alternative only; listOrders named nothing declared.
        Assert.Contains("s_defaultSecurity =", client, StringComparison.Ordinal);
        Assert.Contains("SchemeUse(\"key\")", client, StringComparison.Ordinal);
        Assert.DoesNotContain("SchemeUse(\"apiKey\")", client, StringComparison.Ordinal);
        Assert.DoesNotContain("\"missing\"", client, StringComparison.Ordinal);
        Assert.Contains("CreateRequest(global::System.Net.Http.HttpMethod.Get, _baseAddress, __uri, s_defaultSecurity);", client, StringComparison.Ordinal);
        Assert.Contains("CreateRequest(global::System.Net.Http.HttpMethod.Get, _baseAddress, __uri);", client, StringComparison.Ordinal);
        // Schemes applied outside the client have no option; the others keep theirs.
        Assert.Contains(".External(\"cert\")", client, StringComparison.Ordinal);
        Assert.DoesNotContain(" Cert {", client, StringComparison.Ordinal);
        Assert.Contains(".OAuth2(\"relative\", null, global::System.Array.Empty<string>(), options.Relative)", client, StringComparison.Ordinal);
        Assert.DoesNotContain("ftp://", client, StringComparison.Ordinal);
    }

    private static GeneratorRun Run() =>
        GeneratorHarness.Run(SpecFile.FromOutput("Specs/security-degraded.yaml", "Contracts.Tests.SecurityDegraded", "SecurityDegradedClient"));
}
