using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Contracts.Runtime.Http;

namespace Contracts.Runtime.Aws;

/// <summary>
/// Runs a profile's <c>credential_process</c> as the AWS CLI does: the command line split into a program and its
/// arguments (no shell), its standard output read as <c>{"Version": 1, "AccessKeyId", "SecretAccessKey",
/// "SessionToken", "Expiration"}</c>. Messages name the profile and the program, never the output, and quote at most
/// a scrubbed excerpt of the error output.
/// </summary>
internal static class CredentialProcess
{
    private const int MaxErrorExcerpt = 512;

    public static async Task<AwsCredentials> RunAsync(string commandLine, string profileName, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var arguments = Split(commandLine, profileName);
        var program = arguments[0];
        using var process = new Process { StartInfo = StartInfo(arguments) };
        try
        {
            if (!process.Start())
            {
                throw Failure(profileName, program, "it could not be started.");
            }
        }
        catch (Exception exception) when (exception is Win32Exception or InvalidOperationException)
        {
            throw Failure(profileName, program, "it could not be started: " + exception.Message);
        }

        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        var finished = Task.WhenAll(output, error);
        using (var timeoutSource = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
        {
            timeoutSource.CancelAfter(timeout);
            var delay = Task.Delay(Timeout.Infinite, timeoutSource.Token);
            if (await Task.WhenAny(finished, delay).ConfigureAwait(false) != finished)
            {
                Kill(process);
                cancellationToken.ThrowIfCancellationRequested();
                throw Failure(profileName, program, "it did not finish within " + timeout.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture) + " seconds and was stopped.");
            }

            timeoutSource.Cancel();
        }

        // Both streams are closed, so the process has ended or is about to.
        process.WaitForExit();
        var text = await output.ConfigureAwait(false);
        if (process.ExitCode != 0)
        {
            throw Failure(profileName, program, "it exited with code " + process.ExitCode.ToString(CultureInfo.InvariantCulture) + Excerpt(await error.ConfigureAwait(false), text));
        }

        return Parse(text, profileName, program);
    }

    /// <summary>
    /// Splits a command line as the AWS CLI does on Linux and macOS (POSIX shell words, as Python's <c>shlex.split</c>):
    /// whitespace separates words; <c>'…'</c> is literal; in <c>"…"</c> a backslash escapes <c>\ " $ `</c>; elsewhere
    /// a backslash escapes the next character. Nothing is expanded: no variables, globs or pipes.
    /// </summary>
    internal static List<string> Split(string commandLine, string profileName)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        var inWord = false;
        for (var i = 0; i < commandLine.Length; i++)
        {
            var c = commandLine[i];
            if (c == '\'')
            {
                var close = commandLine.IndexOf('\'', i + 1);
                if (close < 0)
                {
                    throw new AwsCredentialsException("The credential_process of profile '" + profileName + "' has an unclosed single quote.");
                }

                word.Append(commandLine, i + 1, close - i - 1);
                inWord = true;
                i = close;
            }
            else if (c == '"')
            {
                inWord = true;
                for (i++; ; i++)
                {
                    if (i >= commandLine.Length)
                    {
                        throw new AwsCredentialsException("The credential_process of profile '" + profileName + "' has an unclosed double quote.");
                    }

                    var d = commandLine[i];
                    if (d == '"')
                    {
                        break;
                    }

                    if (d == '\\' && i + 1 < commandLine.Length && commandLine[i + 1] is '\\' or '"' or '$' or '`')
                    {
                        i++;
                        d = commandLine[i];
                    }

                    word.Append(d);
                }
            }
            else if (c == '\\' && i + 1 < commandLine.Length)
            {
                i++;
                word.Append(commandLine[i]);
                inWord = true;
            }
            else if (char.IsWhiteSpace(c))
            {
                if (inWord)
                {
                    words.Add(word.ToString());
                    word.Clear();
                    inWord = false;
                }
            }
            else
            {
                word.Append(c);
                inWord = true;
            }
        }

        if (inWord)
        {
            words.Add(word.ToString());
        }

        if (words.Count == 0)
        {
            throw new AwsCredentialsException("The credential_process of profile '" + profileName + "' is empty.");
        }

        return words;
    }

    internal static AwsCredentials Parse(string output, string profileName, string program)
    {
        int? version = null;
        string? accessKeyId = null, secretAccessKey = null, sessionToken = null, expiration = null;
        try
        {
            var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(output), new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                throw Failure(profileName, program, "its output is not a JSON object.");
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = reader.GetString();
                reader.Read();
                switch (name)
                {
                    case "Version" when reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out var number):
                        version = number;
                        break;
                    case "AccessKeyId":
                        accessKeyId = StringOrNull(ref reader);
                        break;
                    case "SecretAccessKey":
                        secretAccessKey = StringOrNull(ref reader);
                        break;
                    case "SessionToken":
                        sessionToken = StringOrNull(ref reader);
                        break;
                    case "Expiration":
                        expiration = StringOrNull(ref reader);
                        break;
                    default:
                        reader.Skip();
                        break;
                }
            }
        }
        catch (JsonException)
        {
            // The position is enough; the text may hold the secret.
            throw Failure(profileName, program, "its output is not valid JSON.");
        }

        if (version != 1)
        {
            throw Failure(profileName, program, "its output has no \"Version\": 1 (the only version the AWS CLI reads).");
        }

        if (accessKeyId is null || secretAccessKey is null)
        {
            throw Failure(profileName, program, "its output lacks " + (accessKeyId is null ? "\"AccessKeyId\"" : "\"SecretAccessKey\"") + ".");
        }

        DateTimeOffset? expires = null;
        if (expiration is not null)
        {
            if (!DateTimeOffset.TryParse(expiration, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed))
            {
                throw Failure(profileName, program, "its \"Expiration\" is not an ISO 8601 time.");
            }

            expires = parsed;
        }

        try
        {
            return new AwsCredentials(accessKeyId, secretAccessKey, sessionToken) { Expiration = expires };
        }
        catch (ArgumentException exception)
        {
            throw Failure(profileName, program, "its output has an unusable " + exception.ParamName + " (empty or with a control character).");
        }
    }

    private static string? StringOrNull(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            var value = reader.GetString();
            return string.IsNullOrEmpty(value) ? null : value;
        }

        reader.Skip();
        return null;
    }

    private static ProcessStartInfo StartInfo(List<string> arguments)
    {
        var info = new ProcessStartInfo(arguments[0])
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            CreateNoWindow = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
#if NET5_0_OR_GREATER
        for (var i = 1; i < arguments.Count; i++)
        {
            info.ArgumentList.Add(arguments[i]);
        }
#else
        // Without ArgumentList, .NET splits Arguments by the Windows rules on every OS: quote each word for them.
        var line = new StringBuilder();
        for (var i = 1; i < arguments.Count; i++)
        {
            if (line.Length > 0)
            {
                line.Append(' ');
            }

            AppendQuoted(line, arguments[i]);
        }

        info.Arguments = line.ToString();
#endif
        return info;
    }

#if !NET5_0_OR_GREATER
    // The inverse of CommandLineToArgvW: backslashes double only before a quote.
    private static void AppendQuoted(StringBuilder line, string argument)
    {
        line.Append('"');
        var backslashes = 0;
        foreach (var c in argument)
        {
            if (c == '\\')
            {
                backslashes++;
                continue;
            }

            line.Append('\\', c == '"' ? (backslashes * 2) + 1 : backslashes);
            backslashes = 0;
            line.Append(c);
        }

        line.Append('\\', backslashes * 2).Append('"');
    }
#endif

    private static void Kill(Process process)
    {
        try
        {
#if NET5_0_OR_GREATER
            process.Kill(entireProcessTree: true);
#else
            process.Kill();
#endif
        }
        catch (InvalidOperationException)
        {
            // It ended meanwhile.
        }
        catch (Win32Exception)
        {
            // It is ending.
        }
    }

    // A failing helper may print the credentials it did get, or echo its input: those values are scrubbed, the
    // excerpt is bounded and only its first lines are kept.
    private static string Excerpt(string error, string output)
    {
        error = error.Trim();
        if (error.Length == 0)
        {
            return ".";
        }

        var secrets = new List<string>();
        try
        {
            var partial = Parse(output, string.Empty, string.Empty);
            secrets.Add(partial.SecretAccessKey);
            if (partial.SessionToken is not null)
            {
                secrets.Add(partial.SessionToken);
            }
        }
        catch (AwsCredentialsException)
        {
            // No credentials in the output: nothing of them to hide.
        }

        var scrubbed = CredentialScrubber.Of(secrets.ToArray()).Scrub(error) ?? string.Empty;
        if (scrubbed.Length > MaxErrorExcerpt)
        {
            scrubbed = scrubbed.Substring(0, MaxErrorExcerpt) + "…";
        }

        return "; its error output: " + scrubbed;
    }

    private static AwsCredentialsException Failure(string profileName, string program, string problem) =>
        new("The credential_process of profile '" + profileName + "' (" + program + ") failed: " + problem);
}
