using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using Contracts.Runtime.Aws;

namespace Contracts.Runtime.Tests.Infrastructure;

/// <summary>The AWS SigV4 test suite copied to the output folder, and the fixed inputs all its cases share.</summary>
internal static class SigV4Suite
{
    // From the suite's own documentation (and its .authz files).
    public const string AccessKeyId = "AKIDEXAMPLE";
    public const string SecretAccessKey = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
    public const string Region = "us-east-1";
    public const string Service = "service";
    public const string Host = "example.amazonaws.com";

    // From post-sts-token/readme.txt.
    public const string SessionToken =
        "AQoDYXdzEPT//////////wEXAMPLEtc764bNrC9SAPBSM22wDOk4x4HIZ8j4FZTwdQWLWsKWHGBuFqwAeMicRXmxfpSPfIeoIYRqTflfKD8YUuwthAx7mSEI/qkPpKPi/kMcGdQrmGdeehM4IC1NtBmUpp2wUE8phUZampKsburEDy0KPkyQDYwT7WZ0wq5VSXDvp75YU9HFvlRd8Tx6q6fE8YQcHNVXAkiY9q6d+xo0rKwT38xVqr7ZD0u0iPPkUL64lIZbqBAz+scqKmlzm8FDrypNC9Yjc8fPOLn9FX9KSYvKTr4rvx3iSIlTJabIQwj2ICCR/oLxBA==";

    public static readonly DateTimeOffset Time = new(2015, 8, 30, 12, 36, 0, TimeSpan.Zero);

    public static AwsCredentials Credentials => new(AccessKeyId, SecretAccessKey);

    public static string Root { get; } = Path.Combine(AppContext.BaseDirectory, "TestData", "aws-sig-v4-test-suite", "aws-sig-v4-test-suite");

    /// <summary>Every case, found at run time: a folder holding a <c>.req</c> named after it (such as <c>normalize-path/get-slash</c>).</summary>
    public static IReadOnlyList<string> CaseNames()
    {
        if (!Directory.Exists(Root))
        {
            throw new DirectoryNotFoundException("The SigV4 test suite was not copied to the output: " + Root);
        }

        return Directory.EnumerateDirectories(Root, "*", SearchOption.AllDirectories)
            .Where(folder => File.Exists(Path.Combine(folder, Path.GetFileName(folder) + ".req")))
            .Select(folder => Path.GetRelativePath(Root, folder).Replace('\\', '/'))
            .OrderBy(name => name, StringComparer.Ordinal)
            .ToList();
    }

    public static RawHttpRequest Request(string caseName) => RawHttpRequest.Parse(Read(caseName, ".req"));

    public static string CanonicalRequest(string caseName) => Read(caseName, ".creq");

    public static string StringToSign(string caseName) => Read(caseName, ".sts");

    public static string Authorization(string caseName) => Read(caseName, ".authz");

    /// <summary>The Authorization header of the signed request (<c>.sreq</c>).</summary>
    public static string SignedRequestAuthorization(string caseName)
    {
        const string prefix = "Authorization:";
        var line = Read(caseName, ".sreq").Split('\n').Single(l => l.StartsWith(prefix, StringComparison.Ordinal));
        return line.Substring(prefix.Length).Trim();
    }

    // Files are compared byte for byte; only a trailing newline (none in the current suite) is not part of the value.
    private static string Read(string caseName, string extension)
    {
        var folder = Path.Combine(Root, caseName.Replace('/', Path.DirectorySeparatorChar));
        var text = File.ReadAllText(Path.Combine(folder, Path.GetFileName(folder) + extension), new UTF8Encoding(false));
        return text.EndsWith("\r\n", StringComparison.Ordinal) ? text[..^2] : text.EndsWith('\n') ? text[..^1] : text;
    }
}
