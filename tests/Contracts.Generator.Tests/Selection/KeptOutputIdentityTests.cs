using System;
using System.Linq;
using Xunit;
using static Contracts.Generator.Tests.Selection.SelectionRuns;

namespace Contracts.Generator.Tests.Selection;

/// <summary>
/// The code of every kept type and every kept method is byte for byte the code the whole document gives: names are
/// decided on the whole document, and pruning only leaves things out. The selected output compiles without warnings.
/// </summary>
public sealed class KeptOutputIdentityTests
{
    [Theory]
    [InlineData("Specs/selection.yaml", "IncludeOperations", "getPet;getShape;streamOrderEvents")]
    [InlineData("Specs/selection.yaml", "IncludeTags", "store")]
    [InlineData("Specs/selection.yaml", "ExcludeTags", "pets")]
    [InlineData("Specs/unions.yaml", "IncludeMethods", "GET")]
    [InlineData("Specs/hierarchies.yaml", "IncludePaths", "/pets/*")]
    [InlineData("Specs/streams.yaml", "IncludeMethods", "POST")]
    [InlineData("Specs/paging.yaml", "IncludeMethods", "GET")]
    [InlineData("Specs/security.yaml", "IncludeMethods", "GET")]
    [InlineData("Specs/operations.yaml", "IncludeMethods", "POST")]
    [InlineData("Specs/response-headers.yaml", "IncludeMethods", "GET")]
    [InlineData("Specs/plain-json.yaml", "IncludeOperations", "getPet")]
    [InlineData("Specs/aws-json.yaml", "IncludePaths", "/#X-Amz-Target=*.Get*")]
    [InlineData("Specs/validation.yaml", "IncludeMethods", "POST")]
    public void Kept_code_is_what_the_whole_document_gives(string path, string metadata, string value)
    {
        var spec = SpecFile.FromOutput(path, "Contracts.Tests.Selected", "SelectedClient");
        var full = GeneratorHarness.Run(spec);
        var selected = GeneratorHarness.Run(spec.With((metadata, value)));

        var compared = AssertKeptCodeIsIdentical(full, selected);

        Assert.True(compared > 0);
        Assert.True(selected.Sources.Values.Sum(s => s.Length) < full.Sources.Values.Sum(s => s.Length), "The selection left nothing out.");
        Assert.DoesNotContain(selected.GeneratorDiagnostics, d => d.Id is "CTR132" or "CTR133");
        selected.AssertCompilesCleanly();
    }

    [Theory]
    [InlineData("stripe-2020-08-27.yaml", "PostCustomers;GetCustomers;PostPaymentIntents")]
    [InlineData("openai/openapi.yaml", "createChatCompletion;createEmbedding;listModels")]
    public void A_vendor_description_with_three_operations_kept_gives_the_same_code_for_them(string vendorPath, string operations)
    {
        var spec = SpecFile.Inline(System.IO.Path.GetFileName(vendorPath), System.IO.File.ReadAllText(RepositoryPaths.Combine("spec", "vendors", vendorPath)), "Contracts.Tests.Vendor", "VendorClient");
        var full = GeneratorHarness.Run(spec);
        var selected = GeneratorHarness.Run(spec.With(("IncludeOperations", operations)));

        AssertKeptCodeIsIdentical(full, selected);

        Assert.DoesNotContain(selected.GeneratorDiagnostics, d => d.Id is "CTR132" or "CTR133");
        // Stripe's error object holds a payment intent, a payment method and a source, so every Stripe operation reaches
        // about 780 of its 1,914 types: less than half of the code, not a tenth.
        var (kept, whole) = (selected.Sources.Values.Sum(s => s.Length), full.Sources.Values.Sum(s => s.Length));
        Assert.True(kept * 2 < whole, $"Three operations should be a small part of the description: {kept:N0} of {whole:N0} characters.");
        selected.AssertCompilesCleanly();
    }
}
