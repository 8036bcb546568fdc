using System;
using System.Globalization;
using System.Linq;
using Contracts.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace Contracts.Generator.Tests.Translation;

/// <summary>
/// A header name that is not an HTTP token (RFC 9110 <c>tchar</c>) can never be sent: <c>TryAddWithoutValidation</c>
/// returns false and HttpClient drops the header without a word. The generator says so at the parameter's line instead:
/// an optional header is not generated (CTR110), an operation whose required header cannot be sent is not generated (CTR101).
/// </summary>
public sealed class HeaderNameTests
{
    // Line numbers matter: each parameter is on its own line.
    private const string Spec = """
        openapi: 3.0.3
        info: {title: Headers, version: '1'}
        servers: [{url: 'https://api.example.com'}]
        paths:
          /things:
            get:
              operationId: listThings
              parameters:
                - {name: "X-Good_1.2~!#$%&'*+^`|", in: header, schema: {type: string}}
                - {name: 'X Bad', in: header, schema: {type: string}}
                - {name: 'X-Ünïcode', in: header, schema: {type: string}}
                - {name: "X-\u200BHidden", in: header, schema: {type: string}}
                - {name: 'X-Colon:', in: header, schema: {type: string}}
                - {name: "X-Line\r\nInjected: 1", in: header, schema: {type: string}}
                - {name: '', in: header, schema: {type: string}}
                - {name: 'X (comment)', in: query, schema: {type: string}}
              responses: {'204': {description: ok}}
          /required:
            get:
              operationId: getRequired
              parameters:
                - {name: 'Bad Required', in: header, required: true, schema: {type: string}}
              responses: {'204': {description: ok}}
          /constant:
            get:
              operationId: getConstant
              parameters:
                - {name: 'X Const', in: header, required: true, schema: {type: string, enum: [v1]}}
              responses: {'204': {description: ok}}
        """;

    [Fact]
    public void Header_names_that_are_not_tokens_are_reported_at_their_lines_and_not_generated()
    {
        var run = GeneratorHarness.Run(SpecFile.Inline("headers.yaml", Spec, "Contracts.Tests.Headers", "HeadersClient"));

        run.AssertCompilesCleanly();
        var reported = run.GeneratorDiagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning)
            .Select(d => d.Id + "@" + (d.Location.GetLineSpan().StartLinePosition.Line + 1)).OrderBy(s => s, StringComparer.Ordinal).ToList();
        Assert.Equal(new[] { "CTR101@22", "CTR101@28", "CTR110@10", "CTR110@11", "CTR110@12", "CTR110@13", "CTR110@14", "CTR110@15" }, reported);

        var messages = run.GeneratorDiagnostics.Select(d => d.GetMessage(CultureInfo.InvariantCulture)).ToList();
        Assert.Contains(
            "Operation 'listThings': the optional parameter 'X Bad' is not generated: it is not a valid HTTP header name (an RFC 9110 token: ASCII letters, digits and !#$%&'*+-.^_`|~), so HttpClient would drop it without sending it",
            messages);
        Assert.Contains(messages, m => m.Contains("'X-[U+200B]Hidden'", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.Contains("'X-Line[U+000D][U+000A]Injected: 1'", StringComparison.Ordinal));
        Assert.Contains(
            "Operation 'getRequired' is not generated: the required header 'Bad Required' is not a valid HTTP header name (an RFC 9110 token: ASCII letters, digits and !#$%&'*+-.^_`|~), so HttpClient would drop it without sending it",
            messages);
        Assert.Contains(messages, m => m.StartsWith("Operation 'getConstant' is not generated: the required header 'X Const'", StringComparison.Ordinal));

        // The query parameter (any name is escaped into the URL) and the valid header (every tchar) are generated.
        using var output = LoadedOutput.Load(run);
        var client = output.Type("Contracts.Tests.Headers.HeadersClient");
        var list = Assert.Single(client.GetMethods(), m => m.Name == "ListThingsAsync");
        Assert.Equal(new[] { "xComment", "xGood12", "cancellationToken", "requestOptions" }, list.GetParameters().Select(p => p.Name));
        Assert.DoesNotContain(client.GetMethods(), m => m.Name is "GetRequiredAsync" or "GetConstantAsync");
    }
}
