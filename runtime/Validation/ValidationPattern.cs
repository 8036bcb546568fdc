using System;
using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using System.Threading;

namespace Contracts.Runtime.Validation;

/// <summary>
/// A <c>pattern</c> of the OpenAPI document, compiled on first use and kept for the life of the process (one per
/// distinct pattern text: the patterns are those of the generated code, a fixed set). Patterns come from the document and are treated as hostile: where
/// the runtime has it (.NET 7 and later) the pattern runs on <c>RegexOptions.NonBacktracking</c>, whose time is
/// linear in the input; a pattern that engine refuses (backreferences, lookarounds) and every pattern on .NET Framework
/// and .NET Standard 2.0 run with a match timeout of <see cref="MatchTimeout"/>.
/// </summary>
internal sealed class ValidationPattern
{
    private static readonly ConcurrentDictionary<string, ValidationPattern> s_patterns = new(StringComparer.Ordinal);

    /// <summary>How long one backtracking match may run before the value is reported as not checked in time (a violation).</summary>
    internal static readonly TimeSpan MatchTimeout = TimeSpan.FromMilliseconds(200);

    // Set once, by whichever thread first needs it; a Regex is safe to share between threads.
    private Regex? _regex;
    private int _state; // 0 not built, 1 built, 2 the pattern does not compile on this runtime (the check is skipped)

    private ValidationPattern(string pattern) => Pattern = pattern;

    /// <summary>The pattern as the document wrote it.</summary>
    internal string Pattern { get; }

    /// <summary>The one instance for <paramref name="pattern"/>, compiled on its first match.</summary>
    internal static ValidationPattern For(string pattern) =>
        s_patterns.TryGetValue(pattern, out var known) ? known : s_patterns.GetOrAdd(pattern, static text => new ValidationPattern(text));

    /// <summary>Whether the engine runs in time linear in the input (no backtracking, no timeout needed).</summary>
    internal bool IsNonBacktracking => Compiled() is { } regex && regex.MatchTimeout == Regex.InfiniteMatchTimeout;

    /// <summary>True when <paramref name="value"/> matches somewhere (JSON Schema patterns are not anchored), false when it does not, null when it could not be checked in time.</summary>
    internal bool? IsMatch(string value)
    {
        if (Compiled() is not { } regex)
        {
            // The generator reported the pattern (CTR124) and left its check out; a runtime that still refuses it skips it too.
            return true;
        }

        try
        {
            return regex.IsMatch(value);
        }
        catch (RegexMatchTimeoutException)
        {
            return null;
        }
    }

    private Regex? Compiled()
    {
        if (Volatile.Read(ref _state) == 0)
        {
            var regex = Build(Pattern);
            Interlocked.CompareExchange(ref _regex, regex, null);
            Volatile.Write(ref _state, regex is null ? 2 : 1);
        }

        return _regex;
    }

    private static Regex? Build(string pattern)
    {
        // CultureInvariant: the same answer on every machine. ECMAScript mode is not used: it cannot be combined with
        // NonBacktracking or a timeout-free engine, and the patterns of real documents read the same in .NET syntax.
#if NET7_0_OR_GREATER
        try
        {
            return new Regex(pattern, RegexOptions.CultureInvariant | RegexOptions.NonBacktracking);
        }
        catch (NotSupportedException)
        {
            // Backreferences, lookarounds, atomic groups: the backtracking engine, with a timeout.
        }
        catch (ArgumentException)
        {
            return null;
        }
#endif
        try
        {
            return new Regex(pattern, RegexOptions.CultureInvariant, MatchTimeout);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }
}
