using System;

namespace Contracts.Generator.Translation;

/// <summary>
/// The <c>format</c>s that mark an integer as a Unix time in seconds, read and written as a <c>DateTimeOffset</c>.
/// The spellings are those real descriptions use: <c>unix-time</c> (Stripe, 490 schemas of the corpus), <c>unixtime</c>
/// (OpenAI, 144) and <c>timestamp</c> (GitHub's rate-limit reset header), plus <c>unix-timestamp</c>. Milliseconds
/// have no format in use and stay integers.
/// </summary>
internal static class UnixTimeFormats
{
    public static bool IsUnixSeconds(string? format) =>
        format is not null
        && (string.Equals(format, "unix-time", StringComparison.OrdinalIgnoreCase)
            || string.Equals(format, "unixtime", StringComparison.OrdinalIgnoreCase)
            || string.Equals(format, "unix-timestamp", StringComparison.OrdinalIgnoreCase)
            || string.Equals(format, "timestamp", StringComparison.OrdinalIgnoreCase));
}
