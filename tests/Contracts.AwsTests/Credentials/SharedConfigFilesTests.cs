using System;
using System.Collections.Generic;
using Contracts.Runtime.Aws;
using Xunit;

namespace Contracts.AwsTests.Credentials;

public sealed class SharedConfigFilesTests
{
    [Fact]
    public void Profiles_come_from_both_files_and_the_credentials_file_wins_for_a_property_in_both()
    {
        using var home = new TempFolder("aws-files");
        home.Write(".aws/config", """
            # a comment
            [default]
            region = eu-west-1 ; the region
            output=json

            [profile dev]
            region = us-west-2
            aws_access_key_id = FROM-CONFIG
            s3 =
              max_concurrent_requests = 20

            [sso-session corp]
            sso_start_url = https://corp.awsapps.com/start
            sso_region = eu-central-1

            [services local]
            sts =
              endpoint_url = http://localhost
            """);
        home.Write(".aws/credentials", """
            [default]
            aws_access_key_id = AKIDDEFAULT
            [dev]
            AWS_ACCESS_KEY_ID = AKIDDEV
            aws_secret_access_key = a#b
            """);

        var files = SharedConfigFiles.Load(Home(home));

        Assert.Equal(["default", "dev"], files.ProfileNames);
        Assert.Equal("eu-west-1", files.GetRegion("default"));
        Assert.Equal("json", files.GetValue("default", "output"));
        Assert.Equal("AKIDDEFAULT", files.GetValue("default", "aws_access_key_id"));
        Assert.Equal("AKIDDEV", files.GetValue("dev", "aws_access_key_id"));
        Assert.Equal("a#b", files.GetValue("dev", "aws_secret_access_key"));
        Assert.Equal("us-west-2", files.GetValue("dev", "REGION"));
        Assert.Equal("max_concurrent_requests = 20", files.GetValue("dev", "s3"));
        Assert.Equal("https://corp.awsapps.com/start", files.GetSsoSession("corp")["sso_start_url"]);
        Assert.False(files.HasProfile("local"));
        Assert.Empty(files.GetProfile("missing"));
    }

    [Fact]
    public void The_file_variables_and_AWS_PROFILE_choose_the_files_and_the_profile()
    {
        using var folder = new TempFolder("aws-files");
        var config = folder.Write("elsewhere/cfg", "[profile ci]\nregion = ap-south-1\n");
        var credentials = folder.Write("elsewhere/creds", "[ci]\naws_access_key_id = AKIDCI\n");
        folder.Write(".aws/config", "[profile ci]\nregion = wrong-1\n");
        var environment = Variables(new()
        {
            ["HOME"] = folder.Path,
            ["AWS_CONFIG_FILE"] = config,
            ["AWS_SHARED_CREDENTIALS_FILE"] = credentials,
            ["AWS_PROFILE"] = "ci",
        });

        var files = SharedConfigFiles.Load(environment);

        Assert.Equal(config, files.ConfigFilePath);
        Assert.Equal(credentials, files.CredentialsFilePath);
        Assert.Equal("ci", SharedConfigFiles.SelectedProfileName(environment));
        Assert.Equal("ap-south-1", SharedConfigFiles.ProfileRegion(environment));
        Assert.Equal("AKIDCI", files.GetValue("ci", "aws_access_key_id"));
    }

    [Fact]
    public void Without_files_there_are_no_profiles_and_the_default_profile_is_selected()
    {
        using var home = new TempFolder("aws-files");

        var files = SharedConfigFiles.Load(Home(home));

        Assert.Empty(files.ProfileNames);
        Assert.Equal("default", SharedConfigFiles.SelectedProfileName(Home(home)));
        Assert.Null(SharedConfigFiles.ProfileRegion(Home(home)));
    }

    [Fact]
    public void Sections_in_the_wrong_form_for_their_file_are_ignored_as_the_AWS_SDKs_ignore_them()
    {
        using var home = new TempFolder("aws-files");
        home.Write(".aws/config", "[dev]\nregion = us-east-2\n");
        home.Write(".aws/credentials", "[profile x]\naws_access_key_id = AKIDX\n[other]\nregion = eu-north-1\n");

        var files = SharedConfigFiles.Load(Home(home));

        // "[dev]" in config lacks "profile "; "[profile x]" in credentials has it (and a name may not hold a space).
        Assert.Equal(["other"], files.ProfileNames);
        Assert.Equal("eu-north-1", files.GetRegion("other"));
    }

    [Theory]
    [InlineData("[default\naws_secret_access_key = SECRETVALUE\n", 1, "no closing ']'")]
    [InlineData("aws_secret_access_key = SECRETVALUE\n", 1, "before any [section]")]
    [InlineData("[default]\n\n# c\nSECRETVALUE\n", 4, "expected 'name = value'")]
    [InlineData("[default]\n= SECRETVALUE\n", 2, "no name")]
    public void A_malformed_file_names_the_file_and_the_line_but_never_the_content(string text, int line, string problem)
    {
        using var home = new TempFolder("aws-files");
        var path = home.Write(".aws/credentials", text);

        var exception = Assert.Throws<AwsCredentialsException>(() => SharedConfigFiles.Load(Home(home)));

        Assert.Contains("'" + path + "'", exception.Message, StringComparison.Ordinal);
        Assert.Contains("line " + line + ":", exception.Message, StringComparison.Ordinal);
        Assert.Contains(problem, exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("SECRETVALUE", exception.Message, StringComparison.Ordinal);
    }

    internal static AwsEnvironment Home(TempFolder home) => Variables(new() { ["HOME"] = home.Path });

    internal static AwsEnvironment Variables(Dictionary<string, string> variables) =>
        new() { Variables = name => variables.TryGetValue(name, out var value) ? value : null };
}
