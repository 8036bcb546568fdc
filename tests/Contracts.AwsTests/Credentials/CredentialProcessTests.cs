using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Contracts.Runtime.Aws;
using Xunit;
using static Contracts.AwsTests.Credentials.ProfileCredentialsProviderTests;

namespace Contracts.AwsTests.Credentials;

/// <summary>credential_process runs a real child process: a shell script in a temp folder, started without a shell in between.</summary>
public sealed class CredentialProcessTests
{
    private const string Secret = "process-secret-wJalrXUtnFEMI";

    [ShellFact]
    public async Task The_command_line_is_split_as_the_AWS_CLI_splits_it_and_the_output_with_its_expiration_is_read()
    {
        using var home = new TempFolder("aws-process");
        var script = home.Write("helper dir/print creds.sh", """
            printf '%s\n' run >> "$(dirname "$0")/runs"
            printf '{"Version": 1, "AccessKeyId": "%s|%s|%s", "SecretAccessKey": "%s", "SessionToken": "process-token", "Expiration": "2030-05-06T08:08:09Z", "Extra": {"a": [1]}}' "$1" "$2" "$3" "process-secret-wJalrXUtnFEMI"
            """);
        home.Write(".aws/config", "[profile tool]\ncredential_process = " + ShellFactAttribute.Shell + " \"" + script + "\" 'one arg' two\\ words \"no $HOME expansion\"\n");
        var clock = new TestClock();
        var provider = new ProfileCredentialsProvider("tool", Environment(home, clock));

        var credentials = await provider.GetCredentialsAsync(CancellationToken.None);
        var again = await provider.GetCredentialsAsync(CancellationToken.None);

        Assert.Equal("one arg|two words|no $HOME expansion", credentials.AccessKeyId);
        Assert.True(credentials.HasSessionToken);
        Assert.Equal(new DateTimeOffset(2030, 5, 6, 8, 8, 9, TimeSpan.Zero), credentials.Expiration);
        Assert.DoesNotContain(Secret, credentials.ToString(), StringComparison.Ordinal);

        // Valid for an hour from the test clock's time: kept, so the process ran once.
        Assert.Same(credentials, again);
        Assert.Equal("run\n", File.ReadAllText(home.Combine("helper dir/runs")));
    }

    [ShellFact]
    public async Task A_failing_process_is_reported_with_its_exit_code_and_scrubbed_error_output()
    {
        using var home = new TempFolder("aws-process");
        var script = home.Write("fail.sh", """
            printf '{"Version": 1, "AccessKeyId": "AKIDHALF", "SecretAccessKey": "process-secret-wJalrXUtnFEMI"}'
            echo "could not refresh: got process-secret-wJalrXUtnFEMI but the vault is sealed" >&2
            exit 3
            """);
        home.Write(".aws/config", "[default]\ncredential_process = " + ShellFactAttribute.Shell + " " + script + "\n");

        var exception = await Assert.ThrowsAsync<AwsCredentialsException>(() => new ProfileCredentialsProvider(null, Environment(home, new TestClock())).GetCredentialsAsync(CancellationToken.None).AsTask());

        Assert.Equal(
            "The credential_process of profile 'default' (" + ShellFactAttribute.Shell + ") failed: it exited with code 3; its error output: could not refresh: got *** but the vault is sealed",
            exception.Message);
    }

    [ShellFact]
    public async Task Output_that_is_not_version_1_credentials_is_refused_without_being_repeated()
    {
        using var home = new TempFolder("aws-process");
        var notJson = home.Write("not-json.sh", "echo 'AccessKeyId=AKID SecretAccessKey=" + Secret + "'\n");
        var version2 = home.Write("v2.sh", "printf '{\"Version\": 2, \"AccessKeyId\": \"AKID\", \"SecretAccessKey\": \"" + Secret + "\"}'\n");
        var noSecret = home.Write("no-secret.sh", "printf '{\"Version\": 1, \"AccessKeyId\": \"AKID\"}'\n");
        home.Write(".aws/config", $"""
            [profile a]
            credential_process = {ShellFactAttribute.Shell} {notJson}
            [profile b]
            credential_process = {ShellFactAttribute.Shell} {version2}
            [profile c]
            credential_process = {ShellFactAttribute.Shell} {noSecret}
            [profile d]
            credential_process = {home.Combine("no-such-program")}
            """);
        var environment = Environment(home, new TestClock());

        var a = await Assert.ThrowsAsync<AwsCredentialsException>(() => new ProfileCredentialsProvider("a", environment).GetCredentialsAsync(CancellationToken.None).AsTask());
        var b = await Assert.ThrowsAsync<AwsCredentialsException>(() => new ProfileCredentialsProvider("b", environment).GetCredentialsAsync(CancellationToken.None).AsTask());
        var c = await Assert.ThrowsAsync<AwsCredentialsException>(() => new ProfileCredentialsProvider("c", environment).GetCredentialsAsync(CancellationToken.None).AsTask());
        var d = await Assert.ThrowsAsync<AwsCredentialsException>(() => new ProfileCredentialsProvider("d", environment).GetCredentialsAsync(CancellationToken.None).AsTask());

        Assert.EndsWith("failed: its output is not valid JSON.", a.Message, StringComparison.Ordinal);
        Assert.EndsWith("failed: its output has no \"Version\": 1 (the only version the AWS CLI reads).", b.Message, StringComparison.Ordinal);
        Assert.EndsWith("failed: its output lacks \"SecretAccessKey\".", c.Message, StringComparison.Ordinal);
        Assert.Contains("could not be started", d.Message, StringComparison.Ordinal);
        Assert.All(new[] { a, b, c, d }, e => Assert.DoesNotContain(Secret, e.Message, StringComparison.Ordinal));
    }

    [ShellFact]
    public async Task A_process_that_does_not_finish_in_time_is_stopped()
    {
        using var home = new TempFolder("aws-process");
        var script = home.Write("hang.sh", "exec sleep 600\n");
        home.Write(".aws/config", "[default]\ncredential_process = " + ShellFactAttribute.Shell + " " + script + "\n");
        var provider = new ProfileCredentialsProvider(null, Environment(home, new TestClock())) { CredentialProcessTimeout = TimeSpan.FromMilliseconds(300) };

        var exception = await Assert.ThrowsAsync<AwsCredentialsException>(() => provider.GetCredentialsAsync(CancellationToken.None).AsTask());

        Assert.Contains("did not finish within 0.3 seconds and was stopped", exception.Message, StringComparison.Ordinal);
    }

    [ShellFact]
    public async Task Static_keys_in_the_profile_come_before_its_credential_process()
    {
        using var home = new TempFolder("aws-process");
        home.Write(".aws/config", "[default]\ncredential_process = " + ShellFactAttribute.Shell + " -c 'exit 1'\n");
        home.Write(".aws/credentials", "[default]\naws_access_key_id = AKIDSTATIC\naws_secret_access_key = static-secret\n");

        var credentials = await new ProfileCredentialsProvider(null, Environment(home, new TestClock())).GetCredentialsAsync(CancellationToken.None);

        Assert.Equal("AKIDSTATIC", credentials.AccessKeyId);
    }

    [Fact]
    public async Task An_unclosed_quote_is_refused_before_anything_runs()
    {
        using var home = new TempFolder("aws-process");
        home.Write(".aws/config", "[default]\ncredential_process = helper 'unclosed " + Secret + "\n");

        var exception = await Assert.ThrowsAsync<AwsCredentialsException>(() => new ProfileCredentialsProvider(null, Environment(home, new TestClock())).GetCredentialsAsync(CancellationToken.None).AsTask());

        Assert.Equal("The credential_process of profile 'default' has an unclosed single quote.", exception.Message);
    }

    private static AwsEnvironment Environment(TempFolder home, TestClock clock) =>
        new() { Variables = name => name == "HOME" ? home.Path : null, Clock = () => clock.Now };
}
