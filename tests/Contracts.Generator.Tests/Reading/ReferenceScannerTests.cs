using System.Linq;
using Contracts.Generator.Reading.References;
using Xunit;

namespace Contracts.Generator.Tests.Reading;

/// <summary>The text scan that tells which files a document names, and the path arithmetic behind it (no file system).</summary>
public sealed class ReferenceScannerTests
{
    [Theory]
    [InlineData("a: { $ref: 'pet.yaml#/Pet' }", "/specs/pet.yaml")]
    [InlineData("a: { $ref: \"./models/pet.yaml\" }", "/specs/models/pet.yaml")]
    [InlineData("a:\n  $ref: ../common/error.yaml#/Error # why\n", "/common/error.yaml")]
    [InlineData("{\"a\": {\"$ref\": \"models\\/pet.json#\\/Pet\"}}", "/specs/models/pet.json")]
    [InlineData("'$ref': 'my%20pet.yaml'", "/specs/my pet.yaml")]
    [InlineData("a: { $ref: '#/components/schemas/Local' }", "")]
    [InlineData("a: { $ref: 'https://example.com/pet.yaml#/Pet' }", "")]
    [InlineData("description: no references here", "")]
    public void Files_names_the_relative_files_resolved_against_the_document(string text, string expected)
    {
        Assert.Equal(expected, string.Join(",", ReferenceScanner.Files("/specs/api.yaml", text)));
    }

    [Theory]
    [InlineData("a: { $ref: 'https://example.com/x.yaml' }", true)]
    [InlineData("a: { $ref: 'x.yaml' }", true)]
    [InlineData("a: { $ref: '#/x' }\nb: { \"$ref\": \"#/y\" }", false)]
    public void HasExternal_is_true_for_files_and_urls_only(string text, bool expected)
    {
        Assert.Equal(expected, ReferenceScanner.HasExternal(text));
    }

    [Theory]
    [InlineData("/a/b/./c/../d.yaml", "/a/b/d.yaml")]
    [InlineData("C:\\specs\\models\\..\\pet.yaml", "C:/specs/pet.yaml")]
    [InlineData("/../x.yaml", "/x.yaml")]
    [InlineData("../x/./y.yaml", "../x/y.yaml")]
    public void Normalize_applies_dot_segments_without_the_file_system(string path, string expected)
    {
        Assert.Equal(expected, ReferencePaths.Normalize(path));
    }

    [Theory]
    [InlineData("https://example.com/a.yaml", true)]
    [InlineData("file:///tmp/a.yaml", true)]
    [InlineData("//cdn.example.com/a.yaml", true)]
    [InlineData("C:\\specs\\a.yaml", false)]
    [InlineData("a.yaml#/x", false)]
    public void IsUrl_tells_schemes_from_paths(string reference, bool expected)
    {
        Assert.Equal(expected, ReferencePaths.IsUrl(reference));
    }
}
