using System.Linq;
using Xunit;
using static Contracts.Generator.Tests.Selection.SelectionRuns;

namespace Contracts.Generator.Tests.Selection;

/// <summary>Only the types the kept operations reach are generated, through members, unions, hierarchies and collections.</summary>
public sealed class PruningTests
{
    [Fact]
    public void A_base_record_keeps_every_derived_record_and_what_they_reach()
    {
        var result = Translate(SelectionSpec(), ("IncludeOperations", "getPet"));

        // Dog's toy and its colour only through Dog, which the base's discriminator can produce.
        Assert.Equal(["Address", "Cat", "Colour", "Dog", "Owner", "Pet", "Toy"], Types(result));
    }

    [Fact]
    public void A_union_keeps_its_cases_and_a_map_its_values()
    {
        var result = Translate(SelectionSpec(), ("IncludeOperations", "getShape"));

        // Fill is a map of Colour, not a type of its own.
        Assert.Equal(["Circle", "Colour", "Shape", "Square"], Types(result));
    }

    [Fact]
    public void A_stream_keeps_its_item_union_and_the_cases_its_events_name()
    {
        var result = Translate(SelectionSpec(), ("IncludeOperations", "streamOrderEvents"));

        Assert.Equal(["OrderEvent", "OrderPlaced", "OrderShipped"], Types(result));
    }

    [Fact]
    public void Parameters_errors_paged_items_and_nested_collections_and_unions_are_reached()
    {
        var pets = Translate(SelectionSpec(), ("IncludeOperations", "listPets"));
        var orders = Translate(SelectionSpec(), ("IncludeOperations", "listOrders"));

        Assert.Equal(["Address", "Cat", "Colour", "Dog", "Owner", "Pet", "PetKind", "PetPage", "Problem", "Toy"], Types(pets));
        Assert.Contains("CardPayment", Types(orders));
        Assert.Contains("OrderLine", Types(orders));
        Assert.Contains("OrderStatus", Types(orders));
        Assert.Single(orders.Model!.Unions);
        Assert.DoesNotContain("Pet", Types(orders));
    }

    [Fact]
    public void A_derived_record_keeps_its_base()
    {
        var model = Translate(SelectionSpec()).Model!;
        Assert.Equal("Pet", model.Records.Single(r => r.Name == "Dog").Base);

        var result = Translate(SelectionSpec(), ("IncludeTags", "pets"));
        Assert.Contains("Pet", Types(result));
        Assert.DoesNotContain("Unused", Types(result));
        Assert.DoesNotContain("Shape", Types(result));
    }

    [Fact]
    public void The_json_context_lists_only_the_kept_types_and_the_client_only_the_kept_security_lists()
    {
        var full = Translate(SelectionSpec()).Model!;
        var result = Translate(SelectionSpec(), ("IncludeOperations", "getShape")).Model!;

        Assert.Equal(["Circle", "Colour", "Shape", "Square"], result.JsonContext.Types.Select(t => t.Type.Name).OrderBy(n => n, System.StringComparer.Ordinal));
        Assert.All(result.JsonContext.Types, t => Assert.Contains(t, full.JsonContext.Types));
        Assert.True(full.Client.Security!.Requirements.Count > result.Client.Security!.Requirements.Count);
        Assert.Equal(full.Client.Security.Schemes, result.Client.Security.Schemes);
    }

    [Fact]
    public void Keeping_no_operation_generates_a_client_without_methods_or_types_that_compiles()
    {
        var run = GeneratorHarness.Run(SelectionSpec().With(("IncludeTags", "nosuch")));

        Assert.Equal("CTR132", Assert.Single(run.GeneratorDiagnostics).Id);
        Assert.DoesNotContain(run.Sources.Keys, name => name.Contains(".Models.", System.StringComparison.Ordinal));
        run.AssertCompilesCleanly();
    }
}
