using System;

namespace Contracts.Generator.Translation.Naming;

/// <summary>
/// Decides which members hold credentials, so generated records keep them out of <c>ToString()</c> (records print
/// every member by default, and logs are where keys leak). The name rule is the runtime's
/// (<see cref="Contracts.Runtime.SecretMemberNames"/>, linked), which scrubs values sent under such names from exceptions.
/// </summary>
internal static class Secrets
{
    public static bool IsSecret(string jsonName, string? format, bool writeOnly) =>
        writeOnly || string.Equals(format, "password", StringComparison.OrdinalIgnoreCase) || Contracts.Runtime.SecretMemberNames.IsSecret(jsonName);
}
