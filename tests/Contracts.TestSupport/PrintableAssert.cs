using System;
using Contracts.Runtime;
using Xunit;

namespace Contracts.TestSupport;

/// <summary>
/// What a logger would write must not let a service forge or hide anything: no control, invisible or bidirectional
/// character, and no line break followed by the service's text. The hostile texts of the tests start a forged log line
/// with <c>2025-01-01 INFO forged</c>.
/// </summary>
public static class PrintableAssert
{
    /// <summary>The exception's message, reason, excerpt and whole chain (<c>ToString</c>) are printable.</summary>
    public static void Printable(ApiException exception)
    {
        foreach (var text in new[] { exception.Message, exception.Reason, exception.ResponseExcerpt ?? string.Empty, exception.ToString() })
        {
            Printable(text);
        }
    }

    public static void Printable(string text)
    {
        foreach (var c in text)
        {
            Assert.False(
                (char.IsControl(c) && c is not '\r' and not '\n') || c is '\u202E' or '\u2066' or '\u2069' or '\u200B' or '\uFEFF',
                $"U+{(int)c:X4} in: {text}");
        }

        // Line breaks of the exception's own layout (ToString) are fine; a service's break would be followed by its text.
        Assert.DoesNotContain("\nforged", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\n2025-01-01 INFO forged", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\r\n2025", text, StringComparison.Ordinal);
    }
}
