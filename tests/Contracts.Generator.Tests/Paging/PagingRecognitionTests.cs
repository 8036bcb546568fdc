using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading;
using Contracts.Generator.Configuration;
using Contracts.Generator.Model;
using Contracts.Generator.Pipeline;
using Microsoft.CodeAnalysis;
using TypeKind = Contracts.Generator.Model.TypeKind;
using Xunit;

namespace Contracts.Generator.Tests.Paging;

/// <summary>
/// Which operations get a paginator, by which rule (docs/paging.md): each rule on Specs/paging.yaml, the shapes that
/// look paged but must not be (GitHub's and Stripe's descriptions showed them), and the diagnostics: CTR118 for each
/// paginator, CTR120 for paging declared but unusable.
/// </summary>
public sealed class PagingRecognitionTests
{
    private static readonly Lazy<SpecModel> s_paging = new(() => Translate(File.ReadAllText(System.IO.Path.Combine(AppContext.BaseDirectory, "Specs/paging.yaml"))));

    [Fact]
    public void A_Link_header_on_an_array_pages_the_array()
    {
        var paging = PagingOf(s_paging.Value, "ListOrgReposAsync");

        Assert.Equal(PagingKind.LinkHeader, paging.Kind);
        Assert.Null(paging.ItemsProperty);
        Assert.Equal(new TypeRef(TypeKind.Object, "Repo"), paging.ItemType);
        Assert.Equal("ListOrgReposAllAsync", paging.MethodName);
    }

    [Fact]
    public void A_Link_header_on_an_object_with_one_array_pages_that_array()
    {
        var paging = PagingOf(s_paging.Value, "ListInstallationReposAsync");

        Assert.Equal(PagingKind.LinkHeader, paging.Kind);
        Assert.Equal("Repositories", paging.ItemsProperty);
    }

    [Fact]
    public void A_has_more_flag_with_a_starting_after_parameter_pages_by_the_last_items_id()
    {
        var paging = PagingOf(s_paging.Value, "ListCustomersAsync");

        Assert.Equal(PagingKind.Cursor, paging.Kind);
        Assert.Equal(("Data", "HasMore", "Id", "startingAfter"), (paging.ItemsProperty, paging.HasMoreProperty, paging.CursorProperty, paging.TokenParameter));
        Assert.Equal(new TypeRef(TypeKind.Object, "Customer"), paging.ItemType);
    }

    [Fact]
    public void A_next_token_in_the_body_goes_back_in_the_page_token_parameter()
    {
        var paging = PagingOf(s_paging.Value, "ListItemsAsync");

        Assert.Equal(PagingKind.NextToken, paging.Kind);
        Assert.Equal(("Items", "NextPageToken", "pageToken", (string?)null), (paging.ItemsProperty, paging.NextProperty, paging.TokenParameter, paging.TokenBodyProperty));
    }

    [Fact]
    public void A_next_token_goes_back_in_the_request_body_member_of_its_name()
    {
        var paging = PagingOf(s_paging.Value, "SearchAsync");

        Assert.Equal(PagingKind.NextToken, paging.Kind);
        Assert.Equal(("Hits", "NextToken", "request", "NextToken"), (paging.ItemsProperty, paging.NextProperty, paging.TokenParameter, paging.TokenBodyProperty));
        Assert.Equal(TypeRef.String, paging.ItemType);
    }

    [Fact]
    public void A_last_evaluated_member_goes_back_as_the_exclusive_start_member_of_the_request()
    {
        // DynamoDB's ListTables: {ExclusiveStartTableName, Limit} in, {TableNames, LastEvaluatedTableName} out; no hint.
        const string spec = """
            openapi: 3.0.3
            info: {title: Tables, version: '1'}
            paths:
              /tables:
                post:
                  operationId: listTables
                  requestBody:
                    required: true
                    content:
                      application/json:
                        schema:
                          type: object
                          properties:
                            ExclusiveStartTableName: {type: string}
                            Limit: {type: integer}
                  responses:
                    '200':
                      description: A page of table names.
                      content:
                        application/json:
                          schema:
                            type: object
                            properties:
                              TableNames: {type: array, items: {type: string}}
                              LastEvaluatedTableName: {type: string}
                              LastEvaluatedKey: {type: object, additionalProperties: {type: string}}
            """;

        var paging = PagingOf(Translate(spec), "ListTablesAsync");

        Assert.Equal(PagingKind.NextToken, paging.Kind);
        Assert.Equal(("TableNames", "LastEvaluatedTableName", "request", "ExclusiveStartTableName"), (paging.ItemsProperty, paging.NextProperty, paging.TokenParameter, paging.TokenBodyProperty));
        Assert.Equal(TypeRef.String, paging.ItemType);
    }

    [Fact]
    public void A_next_member_with_format_uri_is_a_next_link_not_a_token()
    {
        var paging = PagingOf(s_paging.Value, "ListEventsAsync");

        Assert.Equal(PagingKind.NextLink, paging.Kind);
        Assert.Equal(("Results", "Next"), (paging.ItemsProperty, paging.NextProperty));
    }

    [Fact]
    public void X_ms_pageable_names_the_next_link_and_the_items()
    {
        var paging = PagingOf(s_paging.Value, "ListVaultsAsync");

        Assert.Equal(PagingKind.NextLink, paging.Kind);
        Assert.Equal("x-ms-pageable (next link in '@odata.nextLink')", paging.Rule);
        Assert.Equal(("Vaults", "OdataNextLink"), (paging.ItemsProperty, paging.NextProperty));
    }

    [Fact]
    public void X_ms_pageable_with_a_null_next_link_name_and_an_undeclared_array_get_no_paginator()
    {
        var operations = s_paging.Value.Client.Operations;

        // listVaultUsage has a nextLink member, which x-ms-pageable's nextLinkName: null overrides.
        Assert.Null(operations.Single(o => o.MethodName == "ListVaultUsageAsync").Paging);
        Assert.Null(operations.Single(o => o.MethodName == "ListTagsAsync").Paging);
        Assert.Equal(7, operations.Count(o => o.Paging is not null));
    }

    [Fact]
    public void Each_paginator_is_reported_at_its_operation_with_its_rule_and_method()
    {
        var run = GeneratorHarness.Run(SpecFile.FromOutput("Specs/paging.yaml", "Contracts.Tests.Paging", "PagingClient"));

        var reported = run.GeneratorDiagnostics
            .OrderBy(d => d.Location.GetLineSpan().StartLinePosition.Line)
            .Select(d => (d.Id, d.Severity, d.Location.GetLineSpan().StartLinePosition.Line + 1, d.GetMessage(CultureInfo.InvariantCulture)))
            .ToList();
        Assert.Equal(
            [
                ("CTR118", DiagnosticSeverity.Info, 10, "Operation 'listOrgRepos' got the paginator 'ListOrgReposAllAsync': a Link header with rel=\"next\""),
                ("CTR118", DiagnosticSeverity.Info, 36, "Operation 'listInstallationRepos' got the paginator 'ListInstallationReposAllAsync': a Link header with rel=\"next\""),
                ("CTR118", DiagnosticSeverity.Info, 56, "Operation 'listCustomers' got the paginator 'ListCustomersAllAsync': a has-more flag 'has_more' with the cursor parameter 'starting_after'"),
                ("CTR118", DiagnosticSeverity.Info, 87, "Operation 'listItems' got the paginator 'ListItemsAllAsync': a next token 'nextPageToken' sent back in the query parameter 'pageToken'"),
                ("CTR118", DiagnosticSeverity.Info, 104, "Operation 'search' got the paginator 'SearchAllAsync': a next token 'NextToken' sent back in the request body member 'NextToken'"),
                ("CTR118", DiagnosticSeverity.Info, 130, "Operation 'listEvents' got the paginator 'ListEventsAllAsync': a next link 'next'"),
                ("CTR118", DiagnosticSeverity.Info, 154, "Operation 'listVaults' got the paginator 'ListVaultsAllAsync': x-ms-pageable (next link in '@odata.nextLink')"),
            ],
            reported);
    }

    [Fact]
    public void A_paginator_name_another_method_has_takes_the_first_free_number()
    {
        // listItemsAll owns ListItemsAllAsync, so listItems' paginator moves aside.
        var spec = Paged("listItems", "nextPageToken", "pageToken") + OtherPath("/others", "listItemsAll", "{type: array, items: {type: string}}");

        var run = GeneratorHarness.Run(SpecFile.Inline("names.yaml", spec, "Contracts.Tests.Names", "NamesClient"));

        run.AssertCompilesCleanly();
        var client = run.Source("NamesClient.Client");
        Assert.Contains(" ListItemsAll2Async(", client, StringComparison.Ordinal);
        Assert.Contains(" ListItemsAllAsync(", client, StringComparison.Ordinal);
        Assert.Equal("Operation 'listItems' got the paginator 'ListItemsAll2Async': a next token 'nextPageToken' sent back in the query parameter 'pageToken'", Assert.Single(PagingDiagnostics(run)).GetMessage(CultureInfo.InvariantCulture));
    }

    [Fact]
    public void X_ms_pageable_naming_a_missing_member_is_CTR120_at_the_operation_and_the_method_stays()
    {
        const string spec = """
            openapi: 3.0.3
            info: {title: Vaults, version: '1'}
            paths:
              /vaults:
                get:
                  operationId: listVaults
                  x-ms-pageable: {nextLinkName: nextLink}
                  responses:
                    '200':
                      description: One page.
                      content:
                        application/json:
                          schema:
                            type: object
                            properties:
                              items: {type: array, items: {type: string}}
                              nextLink: {type: string}
            """;

        var run = GeneratorHarness.Run(SpecFile.Inline("vaults.yaml", spec, "Contracts.Tests.Vaults", "VaultsClient"));

        var diagnostic = Assert.Single(PagingDiagnostics(run));
        Assert.Equal(("CTR120", DiagnosticSeverity.Warning, 5), (diagnostic.Id, diagnostic.Severity, diagnostic.Location.GetLineSpan().StartLinePosition.Line + 1));
        Assert.Equal("Operation 'listVaults' looks paged (x-ms-pageable), but gets no paginator: the result has no array member 'value'", diagnostic.GetMessage(CultureInfo.InvariantCulture));
        run.AssertCompilesCleanly();
        Assert.Contains(" ListVaultsAsync(", run.Source("VaultsClient.Client"), StringComparison.Ordinal);
        Assert.DoesNotContain("AllAsync", run.Source("VaultsClient.Client"), StringComparison.Ordinal);
    }

    [Fact]
    public void A_next_token_without_an_array_of_items_is_CTR120()
    {
        const string spec = """
            openapi: 3.0.3
            info: {title: Items, version: '1'}
            paths:
              /items:
                get:
                  operationId: listItems
                  parameters:
                    - {name: page_token, in: query, schema: {type: string}}
                  responses:
                    '200':
                      description: One page.
                      content:
                        application/json:
                          schema:
                            type: object
                            properties:
                              first: {type: array, items: {type: string}}
                              second: {type: array, items: {type: string}}
                              next_page_token: {type: string}
            """;

        var run = GeneratorHarness.Run(SpecFile.Inline("items.yaml", spec, "Contracts.Tests.Items", "ItemsClient"));

        var diagnostic = Assert.Single(PagingDiagnostics(run));
        Assert.Equal(("CTR120", 5), (diagnostic.Id, diagnostic.Location.GetLineSpan().StartLinePosition.Line + 1));
        Assert.Equal(
            "Operation 'listItems' looks paged (a next token 'next_page_token' sent back in the query parameter 'page_token'), but gets no paginator: the result has no single array member holding the items",
            diagnostic.GetMessage(CultureInfo.InvariantCulture));
        run.AssertCompilesCleanly();
    }

    [Fact]
    public void A_has_more_flag_over_items_without_an_id_is_CTR120()
    {
        const string spec = """
            openapi: 3.0.3
            info: {title: Notes, version: '1'}
            paths:
              /notes:
                get:
                  operationId: listNotes
                  parameters:
                    - {name: starting_after, in: query, schema: {type: string}}
                  responses:
                    '200':
                      description: One page.
                      content:
                        application/json:
                          schema:
                            type: object
                            properties:
                              data: {type: array, items: {type: object, properties: {text: {type: string}}}}
                              has_more: {type: boolean}
            """;

        var run = GeneratorHarness.Run(SpecFile.Inline("notes.yaml", spec, "Contracts.Tests.Notes", "NotesClient"));

        var diagnostic = Assert.Single(PagingDiagnostics(run));
        Assert.Equal(("CTR120", 5), (diagnostic.Id, diagnostic.Location.GetLineSpan().StartLinePosition.Line + 1));
        Assert.Equal(
            "Operation 'listNotes' looks paged (a has-more flag 'has_more' with the cursor parameter 'starting_after'), but gets no paginator: no array member of the result holds objects with a string 'id'",
            diagnostic.GetMessage(CultureInfo.InvariantCulture));
    }

    [Fact]
    public void A_Link_header_on_a_result_with_two_arrays_gets_no_paginator_and_no_warning()
    {
        // GitHub's pulls/list-requested-reviewers: users and teams are paged together by one Link header.
        const string spec = """
            openapi: 3.0.3
            info: {title: Reviews, version: '1'}
            paths:
              /reviewers:
                get:
                  operationId: listReviewers
                  responses:
                    '200':
                      description: One page.
                      headers:
                        Link: {schema: {type: string}}
                      content:
                        application/json:
                          schema:
                            type: object
                            properties:
                              users: {type: array, items: {type: string}}
                              teams: {type: array, items: {type: string}}
            """;

        var model = Translate(spec);

        Assert.Null(Assert.Single(model.Client.Operations).Paging);
        Assert.Empty(PagingDiagnostics(GeneratorHarness.Run(SpecFile.Inline("reviews.yaml", spec, "Contracts.Tests.Reviews", "ReviewsClient"))));
    }

    [Fact]
    public void A_uri_member_named_other_than_next_is_not_a_next_link()
    {
        // GitHub's code-scanning/delete-analysis answers {next_analysis_url, confirm_delete_url}: links, not pages.
        const string spec = """
            openapi: 3.0.3
            info: {title: Analyses, version: '1'}
            paths:
              /analyses/{id}:
                delete:
                  operationId: deleteAnalysis
                  parameters:
                    - {name: id, in: path, required: true, schema: {type: integer}}
                  responses:
                    '200':
                      description: The next analysis to delete.
                      content:
                        application/json:
                          schema:
                            type: object
                            properties:
                              next_analysis_url: {type: string, format: uri, nullable: true}
                              confirm_delete_url: {type: string, format: uri, nullable: true}
            """;

        Assert.Null(Assert.Single(Translate(spec).Client.Operations).Paging);
        Assert.Empty(PagingDiagnostics(GeneratorHarness.Run(SpecFile.Inline("analyses.yaml", spec, "Contracts.Tests.Analyses", "AnalysesClient"))));
    }

    [Fact]
    public void A_bare_next_beside_previous_is_a_next_link_even_with_a_cursor_parameter()
    {
        // drchrono's lists (Django REST framework): {data, next, previous} with a 'cursor' parameter; 'next' is the
        // next page's URL, which sent back as the cursor would be wrong.
        const string spec = """
            openapi: 3.0.3
            info: {title: Patients, version: '1'}
            paths:
              /patients:
                get:
                  operationId: listPatients
                  parameters:
                    - {name: cursor, in: query, schema: {type: string}}
                  responses:
                    '200':
                      description: One page.
                      content:
                        application/json:
                          schema:
                            type: object
                            properties:
                              data: {type: array, items: {type: string}}
                              next: {type: string}
                              previous: {type: string}
            """;

        var paging = Assert.Single(Translate(spec).Client.Operations).Paging!;

        Assert.Equal(PagingKind.NextLink, paging.Kind);
        Assert.Equal(("Data", "Next", (string?)null), (paging.ItemsProperty, paging.NextProperty, paging.TokenParameter));
    }

    [Fact]
    public void Of_several_arrays_the_one_of_objects_holds_the_items_and_a_patch_is_never_a_page()
    {
        // Google's lists: {services: [...], nextPageToken, unreachable: ["..."]}; fitness's datasets.patch sends and
        // answers a Dataset with a nextPageToken, which is no paging.
        const string spec = """
            openapi: 3.0.3
            info: {title: Services, version: '1'}
            paths:
              /services:
                get:
                  operationId: listServices
                  parameters:
                    - {name: pageToken, in: query, schema: {type: string}}
                  responses:
                    '200':
                      description: One page.
                      content:
                        application/json:
                          schema:
                            type: object
                            properties:
                              services: {type: array, items: {type: object, properties: {name: {type: string}}}}
                              nextPageToken: {type: string}
                              unreachable: {type: array, items: {type: string}}
              /datasets:
                patch:
                  operationId: patchDataset
                  parameters:
                    - {name: pageToken, in: query, schema: {type: string}}
                  requestBody:
                    content:
                      application/json:
                        schema: {$ref: '#/components/schemas/Dataset'}
                  responses:
                    '200':
                      description: The dataset.
                      content:
                        application/json:
                          schema: {$ref: '#/components/schemas/Dataset'}
            components:
              schemas:
                Dataset:
                  type: object
                  properties:
                    point: {type: array, items: {type: string}}
                    nextPageToken: {type: string}
            """;

        var operations = Translate(spec).Client.Operations;

        Assert.Equal("Services", operations.Single(o => o.MethodName == "ListServicesAsync").Paging!.ItemsProperty);
        Assert.Null(operations.Single(o => o.MethodName == "PatchDatasetAsync").Paging);
    }

    [Fact]
    public void A_page_that_names_its_last_id_pages_from_it_while_has_more_holds()
    {
        // OpenAI's lists: {data, first_id, last_id, has_more} with an 'after' parameter, items of a union without a common id.
        const string spec = """
            openapi: 3.0.3
            info: {title: Items, version: '1'}
            paths:
              /items:
                get:
                  operationId: listItems
                  parameters:
                    - {name: after, in: query, schema: {type: string}}
                    - {name: limit, in: query, schema: {type: integer}}
                  responses:
                    '200':
                      description: One page.
                      content:
                        application/json:
                          schema:
                            type: object
                            required: [data, has_more]
                            properties:
                              data:
                                type: array
                                items:
                                  oneOf:
                                    - {type: object, required: [kind], properties: {kind: {type: string, enum: [a]}, text: {type: string}}}
                                    - {type: object, required: [kind], properties: {kind: {type: string, enum: [b]}, size: {type: integer}}}
                              first_id: {type: string}
                              last_id: {type: string}
                              has_more: {type: boolean}
            """;

        var paging = Assert.Single(Translate(spec).Client.Operations).Paging!;
        Assert.Equal(PagingKind.NextToken, paging.Kind);
        Assert.Equal(("Data", "LastId", "HasMore", "after"), (paging.ItemsProperty, paging.NextProperty, paging.HasMoreProperty, paging.TokenParameter));

        var run = GeneratorHarness.Run(SpecFile.Inline("items.yaml", spec, "Contracts.Tests.OpenAiLike", "ItemsClient"));
        run.AssertCompilesCleanly();
        Assert.Contains("static __page => __page is { HasMore: true } ? __page.LastId : null,", run.Source("ItemsClient.Client"), StringComparison.Ordinal);
    }

    [Fact]
    public void Items_of_a_union_whose_every_case_has_an_id_page_by_the_cases_id()
    {
        // Stripe's external accounts: data is anyOf [bank_account, card], each with its id.
        const string spec = """
            openapi: 3.0.3
            info: {title: Accounts, version: '1'}
            paths:
              /v1/external_accounts:
                get:
                  operationId: GetExternalAccounts
                  parameters:
                    - {name: starting_after, in: query, schema: {type: string}}
                  responses:
                    '200':
                      description: One page.
                      content:
                        application/json:
                          schema:
                            type: object
                            required: [data, has_more]
                            properties:
                              data:
                                type: array
                                items:
                                  anyOf:
                                    - $ref: '#/components/schemas/bank_account'
                                    - $ref: '#/components/schemas/card'
                              has_more: {type: boolean}
            components:
              schemas:
                bank_account:
                  type: object
                  required: [id, object, routing_number]
                  properties: {id: {type: string}, object: {type: string, enum: [bank_account]}, routing_number: {type: string}}
                card:
                  type: object
                  required: [id, object, brand]
                  properties: {id: {type: string}, object: {type: string, enum: [card]}, brand: {type: string}}
            """;

        var paging = Assert.Single(Translate(spec).Client.Operations).Paging!;
        Assert.Equal(PagingKind.Cursor, paging.Kind);
        Assert.Equal(["Id", "Id"], paging.CursorCaseProperties);

        var run = GeneratorHarness.Run(SpecFile.Inline("accounts.yaml", spec, "Contracts.Tests.Accounts", "AccountsClient"));
        run.AssertCompilesCleanly();
        Assert.Contains("static __item => __item.Match<string?>(static __case => __case.Id, static __case => __case.Id),", run.Source("AccountsClient.Client"), StringComparison.Ordinal);
    }

    [Fact]
    public void An_AWS_JSON_operation_marked_with_a_pagination_token_pages_through_the_body_member_of_that_name()
    {
        // APIs-guru's AWS descriptions: query NextToken "Pagination token" (not sent: AWS JSON reads the body only), and
        // the body member of the same name; here named Marker in and NextMarker out, names no other rule knows.
        const string spec = """
            openapi: 3.0.0
            info: {title: Widgets, version: '2024-01-01'}
            servers:
              - url: 'https://widgets.us-east-1.amazonaws.com'
            paths:
              '/#X-Amz-Target=Widgets_20240101.ListWidgets':
                post:
                  operationId: ListWidgets
                  parameters:
                    - {name: Marker, in: query, required: false, description: Pagination token, schema: {type: string}}
                    - {name: X-Amz-Target, in: header, required: true, schema: {type: string, enum: [Widgets_20240101.ListWidgets]}}
                  requestBody:
                    required: true
                    content:
                      application/json:
                        schema:
                          type: object
                          properties:
                            Limit: {type: integer}
                            Marker: {type: string}
                  responses:
                    '200':
                      description: Success
                      content:
                        application/json:
                          schema:
                            type: object
                            properties:
                              Widgets: {type: array, items: {type: string}}
                              NextMarker: {type: string}
            components:
              securitySchemes:
                hmac: {type: apiKey, name: Authorization, in: header, x-amazon-apigateway-authtype: awsSigv4}
            security:
              - hmac: []
            """;

        var run = GeneratorHarness.Run(SpecFile.Inline("widgets.yaml", spec, "Contracts.Tests.AwsWidgets", "WidgetsClient"));

        run.AssertCompilesCleanly();
        Assert.Equal(
            ["CTR104", "CTR118"],
            run.GeneratorDiagnostics.Select(d => d.Id).OrderBy(id => id, StringComparer.Ordinal));
        var client = run.Source("WidgetsClient.Client");
        Assert.Contains("(__token, __options, __cancellationToken) => ListWidgetsAsync(request with { Marker = __token }, __cancellationToken, __options),", client, StringComparison.Ordinal);
        Assert.Contains("request.Marker,", client, StringComparison.Ordinal);
        Assert.Contains("static __page => __page.NextMarker,", client, StringComparison.Ordinal);
    }

    [Fact]
    public void A_deprecated_paged_operation_with_a_required_token_and_an_empty_success_compiles_cleanly()
    {
        // Obsolete like its method; the required token is passed on as non-null; a 204 beside the 200 makes the page nullable.
        const string spec = """
            openapi: 3.0.3
            info: {title: Old, version: '1'}
            paths:
              /items:
                get:
                  operationId: listItems
                  deprecated: true
                  parameters:
                    - {name: pageToken, in: query, required: true, schema: {type: string}}
                  responses:
                    '200':
                      description: One page.
                      content:
                        application/json:
                          schema:
                            type: object
                            properties:
                              items: {type: array, items: {type: string, nullable: true}}
                              nextPageToken: {type: string}
                    '204':
                      description: Nothing.
            """;

        var run = GeneratorHarness.Run(SpecFile.Inline("old.yaml", spec, "Contracts.Tests.Old", "OldClient"));

        run.AssertCompilesCleanly();
        var client = run.Source("OldClient.Client");
        Assert.Contains("Pageable<string?> ListItemsAllAsync(string pageToken,", client, StringComparison.Ordinal);
        Assert.Contains("ListItemsAsync(__token!, __cancellationToken, __options)", client, StringComparison.Ordinal);
        Assert.Contains("static __page => __page?.Items,", client, StringComparison.Ordinal);
    }

    // The inline specs declare no server (CTR103, an info); only the paging diagnostics are under test.
    private static System.Collections.Generic.List<Diagnostic> PagingDiagnostics(GeneratorRun run) =>
        run.GeneratorDiagnostics.Where(d => d.Id is "CTR118" or "CTR120").ToList();

    private static PagingModel PagingOf(SpecModel model, string methodName) =>
        model.Client.Operations.Single(o => o.MethodName == methodName).Paging ?? throw new InvalidOperationException(methodName + " got no paginator");

    private static string Paged(string operationId, string nextMember, string tokenParameter) => $$$"""
        openapi: 3.0.3
        info: {title: Names, version: '1'}
        paths:
          /items:
            get:
              operationId: {{{operationId}}}
              parameters:
                - {name: {{{tokenParameter}}}, in: query, schema: {type: string}}
              responses:
                '200':
                  description: One page.
                  content:
                    application/json:
                      schema:
                        type: object
                        properties:
                          items: {type: array, items: {type: string}}
                          {{{nextMember}}}: {type: string}

        """;

    private static string OtherPath(string path, string operationId, string schema) => $$$"""
          {{{path}}}:
            get:
              operationId: {{{operationId}}}
              responses:
                '200':
                  description: Every one.
                  content:
                    application/json:
                      schema: {{{schema}}}

        """;

    private static SpecModel Translate(string text)
    {
        var input = new SpecInput("/specs/spec.yaml", text, new GeneratorOptions(null, null, null, null, IsMarked: true));
        return GenerationSteps.Translate(input, hasDateOnly: true, CancellationToken.None).Model!;
    }
}
