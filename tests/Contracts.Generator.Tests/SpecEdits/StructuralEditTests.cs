using Contracts.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;
using static Contracts.Generator.Tests.SpecEditing.SpecEditRuns;

namespace Contracts.Generator.Tests.SpecEditing;

/// <summary>An edit of the structure (or one that changes what the split takes out) parses again, and gives a fresh run's output.</summary>
public sealed class StructuralEditTests
{
    private const string WhyItFailed = "      description: Why the call failed.\n";

    [Fact]
    public void A_property_added_reparses_the_spec()
    {
        var seed = SpecFile.Seed();

        AssertEditGivesAFreshRunsOutput(seed, SpecEdits.AddSourceIp(seed.Text), IncrementalStepRunReason.Modified);
    }

    [Fact]
    public void A_description_added_reparses_the_spec()
    {
        var seed = SpecFile.Seed();
        var edited = ReplaceFirst(seed.Text, "    GetBucketAccessKeysRequest:\n", "    GetBucketAccessKeysRequest:\n      description: An added description.\n");

        var warm = AssertEditGivesAFreshRunsOutput(seed, edited, IncrementalStepRunReason.Modified);

        Assert.Contains("An added description.", warm.TypeSource("GetBucketAccessKeysRequest"), System.StringComparison.Ordinal);
    }

    [Fact]
    public void A_description_removed_reparses_the_spec()
    {
        var seed = SpecFile.Seed();

        AssertEditGivesAFreshRunsOutput(seed, ReplaceFirst(seed.Text, WhyItFailed, string.Empty), IncrementalStepRunReason.Modified);
    }

    [Theory]
    [InlineData("''")]
    [InlineData("' '")]
    [InlineData("null")]
    public void A_description_made_empty_reparses_the_spec(string empty)
    {
        var seed = SpecFile.Seed();

        AssertEditGivesAFreshRunsOutput(seed, ReplaceFirst(seed.Text, WhyItFailed, "      description: " + empty + "\n"), IncrementalStepRunReason.Modified);
    }
}
