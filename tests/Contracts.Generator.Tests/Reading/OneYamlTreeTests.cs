using System.IO;
using Contracts.Generator.Locating;
using Contracts.Generator.Reading;
using Contracts.TestSupport;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace Contracts.Generator.Tests.Reading;

/// <summary>
/// The document is parsed into a YAML tree once: the reader's tree answers the model's facts and locates the diagnostics.
/// When the locator parsed the file again on the first diagnostic it located, that second parse landed in the model stage
/// of every run with a diagnostic (GitHub's and Stripe's descriptions: most of the Native AOT tool's model stage, as
/// long as the read itself; docs/performance.md).
/// </summary>
public sealed class OneYamlTreeTests
{
    [Theory]
    [InlineData("openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths:\n  /pets:\n    get:\n      operationId: listPets\n      responses:\n        '200': {description: ok}\n")]
    [InlineData("{\"openapi\": \"3.0.3\", \"info\": {\"title\": \"t\", \"version\": \"1\"}, \"paths\": {\"/pets\": {\"get\": {\"operationId\": \"listPets\", \"responses\": {\"200\": {\"description\": \"ok\"}}}}}}")]
    [InlineData("openapi: 3.1.0\ninfo: {title: t, version: '1'}\npaths:\n  /pets:\n    get:\n      operationId: listPets\n      responses:\n        '200': {description: ok}\n")]
    [InlineData("swagger: '2.0'\ninfo: {title: t, version: '1'}\npaths:\n  /pets:\n    get:\n      operationId: listPets\n      responses:\n        '200': {description: ok}\n")]
    public void The_locator_reads_the_readers_tree(string text) =>
        AssertOneTree("/specs/pets.yaml", text);

    [Fact]
    public void GitHubs_description_is_parsed_once()
    {
        var path = RepositoryPaths.Combine("spec", "vendors", "github-api-1.1.4.yaml");
        AssertOneTree(path, File.ReadAllText(path));
    }

    private static void AssertOneTree(string path, string text)
    {
        var locator = new SourceLocator(path, SourceText.From(text));
        var facts = new DocumentFacts(locator);

        Assert.NotNull(SpecReader.Read(text, new DiagnosticBag(), out _, path, locator: locator, facts: facts));

        // A locator that had not taken the reader's tree would parse the text now, into another tree.
        Assert.NotNull(facts.Tree);
        Assert.Same(facts.Tree, locator.Tree);
    }
}
