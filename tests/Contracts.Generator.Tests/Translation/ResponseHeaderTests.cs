using System;
using System.Globalization;
using System.Linq;
using Contracts.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace Contracts.Generator.Tests.Translation;

/// <summary>
/// The headers success responses declare become typed properties of the operation's response class: one per header
/// across the success responses, Swagger 2.0's too; two types for one header are reported (CTR117) and read as text.
/// </summary>
public sealed class ResponseHeaderTests
{
    [Fact]
    public void Swagger2_response_headers_are_typed_like_OpenApi3_ones()
    {
        const string spec = """
            swagger: '2.0'
            info: { title: Legacy, version: '1' }
            host: legacy.example.com
            produces: [application/json]
            paths:
              /items:
                get:
                  operationId: listItems
                  responses:
                    '200':
                      description: Items.
                      headers:
                        X-Total-Count: { type: integer, format: int32, description: All items. }
                        X-Next: { type: string }
                        X-Tags: { type: array, items: { type: string } }
                        Expires: { type: string }
                      schema: { type: array, items: { type: string } }
            """;

        var run = GeneratorHarness.Run(SpecFile.Inline("legacy.yaml", spec, "Contracts.Tests.Legacy", "LegacyClient"));

        run.AssertNoGeneratorDiagnostics();
        run.AssertCompilesCleanly();
        var client = run.Source("LegacyClient.Client");
        Assert.Contains("public sealed class ListItemsResponse : global::Contracts.Runtime.ApiResponse<global::System.Collections.Generic.IReadOnlyList<string>>", client, StringComparison.Ordinal);
        Assert.Contains("public int? XTotalCount => Headers.GetInt32(\"X-Total-Count\");", client, StringComparison.Ordinal);
        Assert.Contains("public string? XNext => Headers.GetString(\"X-Next\");", client, StringComparison.Ordinal);
        Assert.Contains("public global::System.Collections.Generic.IReadOnlyList<string> XTags => Headers.GetList(\"X-Tags\");", client, StringComparison.Ordinal);
        Assert.Contains("public global::System.DateTimeOffset? Expires => Headers.GetDateTimeOffset(\"Expires\");", client, StringComparison.Ordinal);
        Assert.Contains("Task<global::Contracts.Tests.Legacy.ListItemsResponse> ListItemsWithResponseAsync(", client, StringComparison.Ordinal);
    }

    [Fact]
    public void A_header_declared_with_two_types_is_reported_at_the_second_and_read_as_text()
    {
        var run = GeneratorHarness.Run(SpecFile.Inline("jobs.yaml", TwoTypes, "Contracts.Tests.Jobs", "JobsClient"));

        run.AssertGeneratorDidNotThrow();
        var diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("CTR117", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
        Assert.Equal(19, diagnostic.Location.GetLineSpan().StartLinePosition.Line + 1);
        Assert.Equal(
            "Operation 'startJob': the response header 'Retry-After' is declared as an integer in one success response and as a date in another; its property is a string",
            diagnostic.GetMessage(CultureInfo.InvariantCulture));
        run.AssertCompilesCleanly();
        var client = run.Source("JobsClient.Client");

        // One property per header whatever its case (spelled as first declared), in the order of the responses; a description from either.
        Assert.Contains("public string? RetryAfter => Headers.GetString(\"Retry-After\");", client, StringComparison.Ordinal);
        Assert.Contains("public string? Location => Headers.GetString(\"location\");", client, StringComparison.Ordinal);
        Assert.Single(client.Split('\n'), line => line.Contains("Location", StringComparison.OrdinalIgnoreCase) && line.Contains("=>", StringComparison.Ordinal));
        Assert.Contains("/// <summary>Where the job is.</summary>", client, StringComparison.Ordinal);
        Assert.True(client.IndexOf("RetryAfter =>", StringComparison.Ordinal) < client.IndexOf("Location =>", StringComparison.Ordinal));
    }

    [Fact]
    public void A_response_class_never_takes_a_schema_name_and_an_operation_without_headers_gets_none()
    {
        // The inline result of getThing is named GetThingResponse, as it was before response classes existed.
        const string spec = """
            openapi: 3.0.3
            info: { title: Things, version: '1' }
            paths:
              /things/{id}:
                get:
                  operationId: getThing
                  parameters: [ { name: id, in: path, required: true, schema: { type: string } } ]
                  responses:
                    '200':
                      description: A thing.
                      headers: { ETag: { schema: { type: string } } }
                      content: { application/json: { schema: { type: object, properties: { name: { type: string } } } } }
              /things:
                get:
                  operationId: listThings
                  responses:
                    '200':
                      description: Things.
                      content: { application/json: { schema: { type: array, items: { type: string } } } }
            """;

        var run = GeneratorHarness.Run(SpecFile.Inline("things.yaml", spec, "Contracts.Tests.Things", "ThingsClient"));

        run.AssertNoGeneratorDiagnostics();
        run.AssertCompilesCleanly();
        var all = string.Join("\n", run.Sources.Values);
        Assert.Contains("public sealed partial record GetThingResponse", all, StringComparison.Ordinal);
        Assert.Contains("public sealed class GetThingApiResponse : global::Contracts.Runtime.ApiResponse<global::Contracts.Tests.Things.GetThingResponse>", all, StringComparison.Ordinal);
        Assert.Contains("Task<global::Contracts.Runtime.ApiResponse<global::System.Collections.Generic.IReadOnlyList<string>>> ListThingsWithResponseAsync(", all, StringComparison.Ordinal);
        Assert.DoesNotContain("class ListThingsResponse", all, StringComparison.Ordinal);
    }

    [Fact]
    public void Header_names_become_members_that_compile_and_stay_literal_in_the_code()
    {
        // Names like the class, like ApiResponse's members, a C# keyword, and text that would break a string.
        const string spec = """
            openapi: 3.0.3
            info: { title: Odd, version: '1' }
            paths:
              /odd:
                get:
                  operationId: getOdd
                  responses:
                    '204':
                      description: Nothing.
                      headers:
                        Get-Odd-Response: { schema: { type: string } }
                        Status-Code: { schema: { type: string } }
                        headers: { schema: { type: string } }
                        class: { schema: { type: string } }
                        'x"); System.Environment.Exit(1); //': { description: '</summary> */ evil', schema: { type: string } }
            """;

        var run = GeneratorHarness.Run(SpecFile.Inline("odd.yaml", spec, "Contracts.Tests.Odd", "OddClient"));

        run.AssertGeneratorDidNotThrow();
        run.AssertCompilesCleanly();
        var client = run.Source("OddClient.Client");
        Assert.Contains("public sealed class GetOddResponse : global::Contracts.Runtime.ApiResponse", client, StringComparison.Ordinal);
        Assert.Contains("GetOddResponse2 => Headers.GetString(\"Get-Odd-Response\")", client, StringComparison.Ordinal);
        Assert.Contains("StatusCode2 => Headers.GetString(\"Status-Code\")", client, StringComparison.Ordinal);
        Assert.Contains("Headers2 => Headers.GetString(\"headers\")", client, StringComparison.Ordinal);
        Assert.Contains("Headers.GetString(\"x\\\"); System.Environment.Exit(1); //\");", client, StringComparison.Ordinal);
        Assert.Contains("/// <summary>*/ evil</summary>", client, StringComparison.Ordinal);
    }

    [Fact]
    public void An_operation_named_like_a_twin_keeps_its_method_and_both_are_callable()
    {
        const string spec = """
            openapi: 3.0.3
            info: { title: Clash, version: '1' }
            paths:
              /a:
                get:
                  operationId: getItem
                  responses: { '200': { description: A., content: { text/plain: { schema: { type: string } } } } }
              /b:
                get:
                  operationId: getItemWithResponse
                  responses: { '204': { description: B. } }
            """;

        var run = GeneratorHarness.Run(SpecFile.Inline("clash.yaml", spec, "Contracts.Tests.Clash", "ClashClient"));

        run.AssertNoGeneratorDiagnostics();
        run.AssertCompilesCleanly();
        var client = run.Source("ClashClient.Client");
        Assert.Contains("Task<string> GetItemAsync(", client, StringComparison.Ordinal);
        Assert.Contains("Task GetItemWithResponseAsync(", client, StringComparison.Ordinal);
        Assert.Contains("Task<global::Contracts.Runtime.ApiResponse<string>> GetItemWithResponse2Async(", client, StringComparison.Ordinal);
        Assert.Contains("Task<global::Contracts.Runtime.ApiResponse> GetItemWithResponseWithResponseAsync(", client, StringComparison.Ordinal);
    }

    private const string TwoTypes = """
        openapi: 3.0.3
        info: { title: Jobs, version: '1' }
        servers: [ { url: 'https://jobs.example.com' } ]
        paths:
          /jobs:
            post:
              operationId: startJob
              responses:
                '201':
                  description: Started.
                  headers:
                    Retry-After: { schema: { type: integer } }
                    location: { schema: { type: string } }
                  content: { application/json: { schema: { type: object, properties: { id: { type: string } } } } }
                '202':
                  description: Queued.
                  headers:
                    Location: { description: Where the job is., schema: { type: string } }
                    Retry-After:
                      schema: { type: string, format: date-time }
        """;
}
