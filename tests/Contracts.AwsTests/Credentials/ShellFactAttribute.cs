using System.IO;
using Xunit;

namespace Contracts.AwsTests.Credentials;

/// <summary>A fact that runs a real child process through <c>/bin/sh</c>; skipped, saying why, where there is none (Windows).</summary>
public sealed class ShellFactAttribute : FactAttribute
{
    public const string Shell = "/bin/sh";

    public ShellFactAttribute()
    {
        if (!File.Exists(Shell))
        {
            Skip = "No " + Shell + " on this machine: credential_process tests run a shell script as the child process.";
        }
    }
}
