using System.Linq;
using Xunit;
using static Contracts.Generator.Tests.Selection.SelectionRuns;

namespace Contracts.Generator.Tests.Selection;

/// <summary>Diagnostics that concern only dropped operations or pruned schemas are not reported; the others are.</summary>
public sealed class SelectionDiagnosticsTests
{
    // recordAudit's inline body and LegacyEntry, which only it reaches, each have a default that does not fit (CTR126).

    [Fact]
    public void The_whole_document_reports_the_problems_of_every_operation()
    {
        var result = Translate(SelectionSpec());

        Assert.Equal(2, result.Diagnostics.Count(d => d.Id == "CTR126"));
    }

    [Fact]
    public void Problems_of_a_dropped_operation_and_of_the_schemas_only_it_reaches_are_not_reported()
    {
        var full = Translate(SelectionSpec());
        var result = Translate(SelectionSpec(), ("ExcludeTags", "admin"));

        Assert.DoesNotContain(result.Diagnostics, d => d.Id == "CTR126");
        Assert.Equal(full.Diagnostics.Where(d => d.Id != "CTR126"), result.Diagnostics);
        Assert.Contains(result.Diagnostics, d => d.Id == "CTR118"); // listPets's paginator: a kept operation's
    }

    [Fact]
    public void Problems_of_a_kept_operation_and_its_schemas_are_reported_where_they_are()
    {
        var full = Translate(SelectionSpec());
        var result = Translate(SelectionSpec(), ("IncludeOperations", "recordAudit"));

        var kept = result.Diagnostics.Where(d => d.Id == "CTR126").ToList();
        Assert.Equal(2, kept.Count);
        Assert.Equal(full.Diagnostics.Where(d => d.Id == "CTR126"), kept);
    }
}
