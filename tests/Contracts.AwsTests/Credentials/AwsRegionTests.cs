using System.Collections.Generic;
using Contracts.Runtime.Aws;
using Xunit;

namespace Contracts.AwsTests.Credentials;

/// <summary>The region as the AWS SDKs find it: AWS_REGION, then AWS_DEFAULT_REGION, then the profile's region.</summary>
public sealed class AwsRegionTests
{
    [Fact]
    public void AWS_REGION_wins_over_AWS_DEFAULT_REGION()
    {
        var variables = new VariableSet(new Dictionary<string, string> { [AwsRegion.RegionVariable] = "eu-west-1", [AwsRegion.DefaultRegionVariable] = "us-west-2" });

        Assert.Equal("eu-west-1", AwsRegion.Resolve(variables.Environment));
    }

    [Fact]
    public void AWS_DEFAULT_REGION_is_read_when_AWS_REGION_is_not_set()
    {
        var variables = new VariableSet(new Dictionary<string, string> { [AwsRegion.DefaultRegionVariable] = "us-west-2", [AwsRegion.RegionVariable] = "  " });

        Assert.Equal("us-west-2", AwsRegion.Resolve(variables.Environment));
    }

    [Fact]
    public void Without_a_variable_the_region_of_the_selected_profile_is_read()
    {
        using var home = new TempFolder("region");
        home.Write(".aws/config", "[default]\nregion = us-west-2\n\n[profile staging]\nregion = ap-southeast-2\n");
        var variables = new VariableSet(new Dictionary<string, string> { ["AWS_PROFILE"] = "staging" }, homeDirectory: home.Path);

        Assert.Equal("ap-southeast-2", AwsRegion.Resolve(variables.Environment));
        Assert.Equal("us-west-2", AwsRegion.Resolve(new VariableSet(homeDirectory: home.Path).Environment));
    }

    [Fact]
    public void A_variable_wins_over_the_profile()
    {
        using var home = new TempFolder("region");
        home.Write(".aws/config", "[default]\nregion = us-west-2\n");
        var variables = new VariableSet(new Dictionary<string, string> { [AwsRegion.DefaultRegionVariable] = "eu-central-1" }, homeDirectory: home.Path);

        Assert.Equal("eu-central-1", AwsRegion.Resolve(variables.Environment));
    }

    [Fact]
    public void Without_a_variable_or_a_profile_there_is_no_region()
    {
        Assert.Null(AwsRegion.Resolve(new VariableSet().Environment));
    }
}
