using Contracts.Runtime.Aws;
using Xunit;

namespace Contracts.AwsTests.Credentials;

/// <summary>credential_process is split into a program and its arguments as the AWS CLI splits it, per platform; no shell is involved.</summary>
public sealed class CommandLineSplitTests
{
    [Theory]
    [InlineData("helper --profile dev", new[] { "helper", "--profile", "dev" })]
    [InlineData("  /opt/my\\ tool/helper   'single quoted $X'  ", new[] { "/opt/my tool/helper", "single quoted $X" })]
    [InlineData("helper \"a \\\"b\\\" \\$c \\d\"", new[] { "helper", "a \"b\" $c \\d" })]
    [InlineData("helper ''", new[] { "helper", "" })]
    [InlineData("helper a'b'\"c\"d", new[] { "helper", "abcd" })]
    [InlineData("helper a|b;c > out", new[] { "helper", "a|b;c", ">", "out" })]
    public void Posix_rules_as_on_Linux_and_macOS(string commandLine, string[] expected) =>
        Assert.Equal(expected, CredentialProcess.Split(commandLine, "p"));

    [Theory]
    [InlineData("C:\\tools\\helper.exe --profile dev", new[] { "C:\\tools\\helper.exe", "--profile", "dev" })]
    [InlineData("\"C:\\Program Files\\helper.exe\" \"two words\"", new[] { "C:\\Program Files\\helper.exe", "two words" })]
    [InlineData("helper a\\\\\\\"b \"c\\\\\"", new[] { "helper", "a\\\"b", "c\\" })]
    [InlineData("helper \"\"", new[] { "helper", "" })]
    public void Windows_rules_as_on_Windows(string commandLine, string[] expected) =>
        Assert.Equal(expected, CredentialProcess.SplitWindows(commandLine, "p"));

    [Theory]
    [InlineData("helper 'open")]
    [InlineData("helper \"open")]
    [InlineData("   ")]
    public void Unclosed_quotes_and_empty_lines_are_refused(string commandLine)
    {
        Assert.Throws<AwsCredentialsException>(() => CredentialProcess.Split(commandLine, "p"));
        if (commandLine.Contains('"') || commandLine.Trim().Length == 0)
        {
            Assert.Throws<AwsCredentialsException>(() => CredentialProcess.SplitWindows(commandLine, "p"));
        }
    }
}
