namespace Contracts.Runtime.Authentication;

/// <summary>How credentials print a secret in <c>ToString()</c>: the same mark exceptions use.</summary>
internal static class CredentialText
{
    public const string Hidden = Http.CredentialScrubber.Mark;

    public static string Secret(string? value) => string.IsNullOrEmpty(value) ? "(none)" : Hidden;
}
