using System.Collections.Generic;
using System.IO;
using System.Linq;
using Contracts.Generator.Tests.Infrastructure;
using Xunit;

namespace Contracts.Generator.Tests.SpecEditing;

/// <summary>
/// Translating the structure and putting the documentation back gives what translating the text as it is gives: the same
/// files byte for byte and the same diagnostics at the same places, for every spec the tests hold and the large descriptions.
/// </summary>
public sealed class SplitIdentityTests
{
    public static IEnumerable<object[]> TestSpecs() =>
        Directory.EnumerateFiles(Path.Combine(System.AppContext.BaseDirectory, "Specs"), "*", SearchOption.AllDirectories)
            .Where(path => path.EndsWith(".yaml", System.StringComparison.Ordinal) || path.EndsWith(".yml", System.StringComparison.Ordinal) || path.EndsWith(".json", System.StringComparison.Ordinal))
            .Select(path => Path.GetRelativePath(System.AppContext.BaseDirectory, path).Replace('\\', '/'))
            .OrderBy(path => path, System.StringComparer.Ordinal)
            .Select(path => new object[] { path });

    [Theory]
    [MemberData(nameof(TestSpecs))]
    public void A_test_spec_gives_the_same_output_through_the_split(string path)
    {
        SplitRuns.AssertIdentical(SpecFile.FromOutput(path, "Contracts.Tests.SpecEdits", "SplitClient"));
    }

    [Theory]
    [InlineData("lightsail-bucket-access-keys.yaml", "LightsailClient")]
    [InlineData("aws/lightsail-2016-11-28.yaml", "LightsailClient")]
    [InlineData("vendors/github-api-1.1.4.yaml", "GitHubClient")]
    [InlineData("vendors/stripe-2020-08-27.yaml", "StripeClient")]
    [InlineData("vendors/openai/openapi.yaml", "OpenAIClient")]
    public void A_large_description_gives_the_same_output_through_the_split(string path, string clientName)
    {
        var spec = SplitRuns.Repository(path, clientName);

        // Else the test compares the text with itself.
        Assert.False(SplitRuns.Documentation(spec).IsEmpty, "Nothing was taken out of " + path);
        SplitRuns.AssertIdentical(spec);
    }
}
