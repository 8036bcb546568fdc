using System;

namespace Contracts.Cli.Arguments;

/// <summary>Bad arguments: reported with the command's usage text and exit code 2.</summary>
public sealed class UsageException : Exception
{
    public UsageException(string message, string usageText)
        : base(message) => UsageText = usageText;

    /// <summary>The help text of the command that was misused.</summary>
    public string UsageText { get; }
}
