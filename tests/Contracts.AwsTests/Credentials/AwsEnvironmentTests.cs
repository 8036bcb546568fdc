using System;
using System.Collections.Generic;
using System.IO;
using Contracts.Runtime.Aws;
using Xunit;

namespace Contracts.AwsTests.Credentials;

public sealed class AwsEnvironmentTests
{
    // Values of a fake environment, never read from disk: built from the temp folder so that they are absolute on
    // every machine without naming one.
    private static readonly string FakeHome = Path.Combine(Path.GetTempPath(), "contracts-fake-home-a");
    private static readonly string OtherFolder = Path.Combine(Path.GetTempPath(), "contracts-fake-etc-aws");

    [Fact]
    public void Variables_come_from_the_seam_and_blank_counts_as_unset()
    {
        var environment = Fake(new() { ["AWS_PROFILE"] = "  dev \n", ["AWS_REGION"] = "   " });

        Assert.Equal("dev", environment.GetVariable("AWS_PROFILE"));
        Assert.Null(environment.GetVariable("AWS_REGION"));
        Assert.Null(environment.GetVariable("PATH"));
    }

    [Fact]
    public void The_home_folder_is_HOME_then_USERPROFILE_then_HOMEDRIVE_and_HOMEPATH()
    {
        Assert.Equal(FakeHome, Fake(new() { ["HOME"] = FakeHome, ["USERPROFILE"] = "C:\\Users\\a" }).HomeDirectory);
        Assert.Equal("C:\\Users\\a", Fake(new() { ["USERPROFILE"] = "C:\\Users\\a" }).HomeDirectory);
        Assert.Equal("D:\\Users\\b", Fake(new() { ["HOMEDRIVE"] = "D:", ["HOMEPATH"] = "\\Users\\b" }).HomeDirectory);
        Assert.Null(Fake(new()).HomeDirectory);
        Assert.Equal("/set", new AwsEnvironment { Variables = _ => "/ignored", HomeDirectory = "/set" }.HomeDirectory);
    }

    [Fact]
    public void A_tilde_path_expands_to_the_home_folder_and_other_paths_stay()
    {
        var environment = Fake(new() { ["HOME"] = FakeHome });

        Assert.Equal(Path.Combine(FakeHome, ".aws/config"), environment.ExpandHome("~/.aws/config"));
        Assert.Equal(FakeHome, environment.ExpandHome("~"));
        Assert.Equal(OtherFolder, environment.ExpandHome(OtherFolder));
        Assert.Equal("~user/x", environment.ExpandHome("~user/x"));
        var exception = Assert.Throws<AwsCredentialsException>(() => Fake(new()).ExpandHome("~/.aws/config"));
        Assert.Contains("HOME", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Files_are_read_from_under_the_home_folder_and_a_missing_file_is_null()
    {
        using var folder = new TempFolder("aws-environment");
        folder.Write(".aws/config", "[default]\n");
        var environment = Fake(new() { ["HOME"] = folder.Path });

        Assert.Equal("[default]\n", environment.ReadFile("~/.aws/config"));
        Assert.Null(environment.ReadFile("~/.aws/credentials"));
    }

    [Fact]
    public void The_expiration_is_shown_but_never_the_secret_or_the_token()
    {
        var credentials = new AwsCredentials("ASIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", "session-token-value")
        {
            Expiration = new DateTimeOffset(2030, 1, 2, 3, 4, 5, TimeSpan.FromHours(1)),
        };

        Assert.Equal(new DateTimeOffset(2030, 1, 2, 2, 4, 5, TimeSpan.Zero), credentials.Expiration);
        Assert.Equal("AwsCredentials(ASIA…MPLE, secret: ***, session token: ***, expires: 2030-01-02T02:04:05Z)", credentials.ToString());
        Assert.Null(new AwsCredentials("AKIDEXAMPLE", "secret").Expiration);
    }

    internal static AwsEnvironment Fake(Dictionary<string, string> variables) =>
        new() { Variables = name => variables.TryGetValue(name, out var value) ? value : null };
}
