using System.Collections.Generic;
using System.Globalization;
using System.Threading;
using System.Text.RegularExpressions;
using SharpYaml.Serialization;

namespace Contracts.Generator.Reading.Overlays;

/// <summary>
/// The state of one <see cref="JsonPathQuery.Select"/> call: the root that <c>$</c> names inside filters, the work done so
/// far against <see cref="MaxSteps"/>, and the caller's cancellation.
/// </summary>
internal sealed class JsonPathEvaluation
{
    /// <summary>
    /// Nodes one evaluation may visit (descendant walks, member scans, deep comparisons, filter runs together). A
    /// descendant query over Stripe's description visits about 250,000; nested descendant segments and filters multiply
    /// that, so a hostile query stops here instead of running for minutes.
    /// </summary>
    public const long MaxSteps = 20_000_000;

    /// <summary>
    /// Nodes one nodelist may hold. Only duplicates take a nodelist past the document's size (<c>$..*..*</c> lists a node
    /// once per ancestor), and each costs memory, so this bounds memory as <see cref="MaxSteps"/> bounds time.
    /// </summary>
    public const int MaxMatches = 2_000_000;

    private const int CancellationInterval = 4096;

    /// <summary>Patterns read from the document, compiled once each; past this many, the rest are compiled each time.</summary>
    private const int MaxCachedPatterns = 256;

    private readonly CancellationToken _cancellationToken;
    private long _steps;
    private long _nextCancellationCheck = CancellationInterval;
    private Dictionary<string, Regex?>? _patterns;

    public JsonPathEvaluation(YamlNode root, CancellationToken cancellationToken)
    {
        Root = root;
        _cancellationToken = cancellationToken;
    }

    public YamlNode Root { get; }

    /// <summary>Counts <paramref name="count"/> units of work; throws past the budget, and when the caller cancelled.</summary>
    public void Step(long count)
    {
        _steps += count;
        if (_steps < _nextCancellationCheck)
        {
            return;
        }

        _nextCancellationCheck = _steps + CancellationInterval;
        _cancellationToken.ThrowIfCancellationRequested();
        if (_steps > MaxSteps)
        {
            throw new JsonPathLimitException("the query visits more than " + MaxSteps.ToString("N0", CultureInfo.InvariantCulture) + " nodes");
        }
    }

    /// <summary>
    /// A pattern that <c>match</c> or <c>search</c> reads from the document, compiled; null when it is not I-Regexp,
    /// which makes the function false (RFC 9535, 2.4.6).
    /// </summary>
    public Regex? Pattern(string pattern, bool anchored)
    {
        var key = (anchored ? "m" : "s") + pattern;
        _patterns ??= new Dictionary<string, Regex?>(System.StringComparer.Ordinal);
        if (_patterns.TryGetValue(key, out var cached))
        {
            return cached;
        }

        Step(pattern.Length);
        var regex = JsonPathRegex.TryCreate(pattern, anchored, out _);
        if (_patterns.Count < MaxCachedPatterns)
        {
            _patterns[key] = regex;
        }

        return regex;
    }

    /// <summary>Throws when <paramref name="nodes"/> has grown past <see cref="MaxMatches"/>.</summary>
    public void CheckSize(List<JsonPathMatch> nodes)
    {
        if (nodes.Count > MaxMatches)
        {
            throw new JsonPathLimitException("the query selects more than " + MaxMatches.ToString("N0", CultureInfo.InvariantCulture) + " nodes");
        }
    }
}
