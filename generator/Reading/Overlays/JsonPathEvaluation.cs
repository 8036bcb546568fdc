using System.Globalization;
using System.Threading;
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
    /// that, so a hostile query stops here instead of running for hours.
    /// </summary>
    public const long MaxSteps = 50_000_000;

    private const int CancellationInterval = 4096;

    private readonly CancellationToken _cancellationToken;
    private long _steps;
    private long _nextCancellationCheck = CancellationInterval;

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
}
