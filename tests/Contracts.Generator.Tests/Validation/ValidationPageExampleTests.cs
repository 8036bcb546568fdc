using System;
using System.Collections.Generic;
using System.Linq;
using Contracts.Generator.Tests.Documentation;
using Contracts.Generator.Tests.Infrastructure;
using Contracts.Runtime.Validation;
using Xunit;

namespace Contracts.Generator.Tests.Validation;

/// <summary>docs/validation.md's example: its description generates cleanly and its order gives the violations the page prints.</summary>
public sealed class ValidationPageExampleTests
{
    [Fact]
    public void The_pages_example_prints_what_the_page_says()
    {
        var page = DocumentationFiles.Read("docs/validation.md");
        var start = page.IndexOf("```yaml\n", StringComparison.Ordinal) + "```yaml\n".Length;
        var yaml = page.Substring(start, page.IndexOf("```", start, StringComparison.Ordinal) - start);
        var run = GeneratorHarness.Run(SpecFile.Inline("orders.yaml", yaml, "Orders", "OrdersClient").ReadAndWritten());
        run.AssertNoGeneratorDiagnostics();
        using var output = LoadedOutput.Load(run);

        var order = output.Deserialize("Orders.OrdersJsonContext", "Order", """{"id":"x","quantity":0,"lines":[{"name":"watermelon"}]}""")!;
        var errors = (IReadOnlyList<ValidationError>)order.GetType().GetMethod("Validate")!.Invoke(order, null)!;

        var printed = errors.Select(e => e.ToString()).ToList();
        Assert.Equal(["id: must be at least 3 characters long", "quantity: must be at least 1", "lines[0].name: must be at most 5 characters long"], printed);
        Assert.All(printed, line => Assert.Contains("// " + line, page));
    }
}
