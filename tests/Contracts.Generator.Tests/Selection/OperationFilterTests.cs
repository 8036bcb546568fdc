using System.Linq;
using Xunit;
using static Contracts.Generator.Tests.Selection.SelectionRuns;

namespace Contracts.Generator.Tests.Selection;

/// <summary>Which operations each filter kind keeps, how kinds combine, and the diagnostics of filters (docs/selection.md).</summary>
public sealed class OperationFilterTests
{
    private static readonly string[] AllMethods =
    [
        "CreatePetAsync", "DeletePetAsync", "GetPetAsync", "GetShapeAsync", "ListOrdersAsync", "ListPetsAsync", "RecordAuditAsync", "StreamOrderEventsAsync",
    ];

    [Fact]
    public void Without_a_filter_every_operation_is_kept()
    {
        Assert.Equal(AllMethods, Methods(Translate(SelectionSpec())));
    }

    [Theory]
    [InlineData("IncludeTags", "pets", "CreatePetAsync,DeletePetAsync,GetPetAsync,ListPetsAsync")]
    [InlineData("IncludeTags", "shapes", "GetShapeAsync")] // tags ignore case ("Shapes" in the document)
    [InlineData("IncludeTags", "store;Shapes", "GetShapeAsync,ListOrdersAsync,StreamOrderEventsAsync")]
    [InlineData("ExcludeTags", "admin", "CreatePetAsync,GetPetAsync,GetShapeAsync,ListOrdersAsync,ListPetsAsync,StreamOrderEventsAsync")]
    [InlineData("IncludePaths", "/pets", "CreatePetAsync,ListPetsAsync")]
    [InlineData("IncludePaths", "/pets/*", "DeletePetAsync,GetPetAsync")]
    [InlineData("IncludePaths", "/pets/{petId}", "DeletePetAsync,GetPetAsync")]
    [InlineData("IncludePaths", "/pet?", "CreatePetAsync,ListPetsAsync")]
    [InlineData("IncludePaths", "/stores/*/orders", "ListOrdersAsync")]
    [InlineData("IncludePaths", "/stores/**", "ListOrdersAsync,StreamOrderEventsAsync")]
    [InlineData("IncludePaths", "/**/events", "StreamOrderEventsAsync")]
    [InlineData("IncludePaths", "/pets/**", "CreatePetAsync,DeletePetAsync,GetPetAsync,ListPetsAsync")] // "/**" also matches no segment
    [InlineData("ExcludePaths", "/stores/**,/admin/*", "CreatePetAsync,DeletePetAsync,GetPetAsync,GetShapeAsync,ListPetsAsync")]
    [InlineData("IncludeOperations", "listPets;GetPetAsync;getshape", "GetPetAsync,GetShapeAsync,ListPetsAsync")] // operationId or method name, any case
    [InlineData("ExcludeOperations", "recordAudit, StreamOrderEvents", "CreatePetAsync,DeletePetAsync,GetPetAsync,GetShapeAsync,ListOrdersAsync,ListPetsAsync")]
    [InlineData("IncludeMethods", "get", "GetPetAsync,GetShapeAsync,ListOrdersAsync,ListPetsAsync,StreamOrderEventsAsync")]
    [InlineData("ExcludeMethods", "POST,delete", "GetPetAsync,GetShapeAsync,ListOrdersAsync,ListPetsAsync,StreamOrderEventsAsync")]
    public void Each_filter_kind_keeps_the_operations_it_names(string metadata, string value, string expected)
    {
        var result = Translate(SelectionSpec(), (metadata, value));

        Assert.Equal(expected.Split(','), Methods(result));
        Assert.DoesNotContain(result.Diagnostics, d => d.Id is "CTR132" or "CTR133");
    }

    [Fact]
    public void Include_kinds_intersect_entries_within_a_kind_unite_and_an_exclude_wins()
    {
        Assert.Equal(["GetPetAsync", "ListPetsAsync"], Methods(Translate(SelectionSpec(), ("IncludeTags", "pets"), ("IncludeMethods", "GET"))));
        Assert.Equal(["GetPetAsync", "ListOrdersAsync", "ListPetsAsync", "StreamOrderEventsAsync"], Methods(Translate(SelectionSpec(), ("IncludeTags", "pets;store"), ("IncludeMethods", "GET"))));
        Assert.Equal(["CreatePetAsync", "GetPetAsync", "ListPetsAsync"], Methods(Translate(SelectionSpec(), ("IncludeTags", "pets"), ("ExcludeOperations", "deletePet"))));
        Assert.Equal(["CreatePetAsync", "GetPetAsync", "ListPetsAsync"], Methods(Translate(SelectionSpec(), ("IncludePaths", "/pets/**"), ("ExcludeTags", "ADMIN"))));
    }

    [Fact]
    public void Paths_are_case_sensitive_and_an_entry_that_matches_nothing_is_CTR132_naming_it()
    {
        var result = Translate(SelectionSpec(), ("IncludePaths", "/PETS;/pets"), ("ExcludeTags", "nosuch"));

        Assert.Equal(["CreatePetAsync", "ListPetsAsync"], Methods(result));
        var warnings = result.Diagnostics.Where(d => d.Id == "CTR132").Select(d => d.ToDiagnostic()).ToList();
        Assert.Equal(2, warnings.Count);
        // In the order of the metadata names, then as written.
        Assert.Equal("ExcludeTags entry 'nosuch' matches no operation of this document", warnings[0].GetMessage());
        Assert.Equal("IncludePaths entry '/PETS' matches no operation of this document", warnings[1].GetMessage());
        Assert.All(warnings, w => Assert.Equal(Microsoft.CodeAnalysis.DiagnosticSeverity.Warning, w.Severity));
        Assert.All(warnings, w => Assert.Equal(0, w.Location.GetLineSpan().StartLinePosition.Line));
        Assert.All(warnings, w => Assert.EndsWith("selection.yaml", w.Location.GetLineSpan().Path));
    }

    [Fact]
    public void An_unknown_method_is_CTR133_and_matches_nothing()
    {
        var result = Translate(SelectionSpec(), ("IncludeMethods", "GTE"));

        Assert.Empty(Methods(result));
        var diagnostic = Assert.Single(result.Diagnostics, d => d.Id is "CTR132" or "CTR133").ToDiagnostic();
        Assert.Equal("CTR133", diagnostic.Id);
        Assert.StartsWith("IncludeMethods entry 'GTE' cannot be read: 'GTE' is not an HTTP method", diagnostic.GetMessage());
    }

    [Fact]
    public void An_AWS_JSON_operation_is_selected_by_its_operationId_or_its_target_key()
    {
        var lightsail = SpecFile.Inline("lightsail.yaml", System.IO.File.ReadAllText(RepositoryPaths.Combine("spec", "aws", "lightsail-2016-11-28.yaml")), "Contracts.Tests.Lightsail", "LightsailClient");

        var byId = Translate(lightsail, ("IncludeOperations", "GetBucketAccessKeys"));
        var byPath = Translate(lightsail, ("IncludePaths", "/#X-Amz-Target=Lightsail_20161128.GetBucketAccessKeys"));

        Assert.Equal(["GetBucketAccessKeysAsync"], Methods(byId));
        Assert.Equal(["GetBucketAccessKeysAsync"], Methods(byPath));
        Assert.Equal(Types(byId), Types(byPath));
        Assert.Contains("AccessKey", Types(byId));
        Assert.True(Types(byId).Length < 40, "Lightsail keeps " + Types(byId).Length + " types for one operation.");
        Assert.DoesNotContain(byId.Diagnostics, d => d.Id is "CTR132" or "CTR133");
    }
}
