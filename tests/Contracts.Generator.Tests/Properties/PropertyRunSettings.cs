using System;
using System.Globalization;
using System.Linq;
using CsCheck;

namespace Contracts.Generator.Tests.Properties;

/// <summary>
/// The knobs of the property tests, from the environment:
/// <list type="bullet">
/// <item><c>CONTRACTS_PROPERTY_RUNS</c>: unset, a fixed list of <see cref="CiRuns"/> seeds (the same specs on every
/// run, as CI needs); set, that many specs from random seeds (the longer on-demand run).</item>
/// <item><c>CONTRACTS_PROPERTY_SEED</c>: replay the one spec of this CsCheck seed (as printed by a failure).</item>
/// <item><c>CONTRACTS_PROPERTY_INSTANCES</c>: instances per named schema of each spec (default <see cref="DefaultInstances"/>).</item>
/// <item><c>CONTRACTS_PROPERTY_THREADS</c>: specs checked in parallel in the on-demand run (default 1).</item>
/// </list>
/// </summary>
internal sealed record PropertyRunSettings(string[]? Seeds, long RandomRuns, int Instances, int Threads)
{
    public const int CiRuns = 8;
    public const int DefaultInstances = 40;
    public const int MinSchemas = 4;
    public const int MaxSchemas = 9;

    public static PropertyRunSettings FromEnvironment()
    {
        var instances = Number("CONTRACTS_PROPERTY_INSTANCES") ?? DefaultInstances;
        var threads = Number("CONTRACTS_PROPERTY_THREADS") ?? 1;
        if (Environment.GetEnvironmentVariable("CONTRACTS_PROPERTY_SEED") is { Length: > 0 } seed)
        {
            return new PropertyRunSettings([seed.Trim()], 0, instances, 1);
        }

        if (Number("CONTRACTS_PROPERTY_RUNS") is { } runs)
        {
            return new PropertyRunSettings(null, runs, instances, threads);
        }

        // Fixed seeds: PCG streams 0..n-1 at one state, so CI checks the same specs every time.
        var fixedSeeds = Enumerable.Range(0, CiRuns).Select(stream => new PCG((uint)stream, 20261130UL).ToString()).ToArray();
        return new PropertyRunSettings(fixedSeeds, 0, instances, 1);
    }

    private static int? Number(string name) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } text ? int.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture) : null;
}
