using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Contracts.Cli.Generation;

namespace Contracts.Cli.Checking;

/// <summary>
/// Checks specs on every core while handing reports back in input order: <paramref name="inOrder"/> is called for
/// report 0, 1, 2… as soon as each and all before it are done, so output is deterministic yet streams.
/// </summary>
internal static class ParallelChecker
{
    public static IReadOnlyList<SpecReport> CheckAll(
        IReadOnlyList<SpecFile> specs,
        Func<SpecFile, SpecReport> check,
        Action<SpecReport> inOrder,
        Action<SpecReport> finished)
    {
        var reports = new SpecReport?[specs.Count];
        var gate = new object();
        var nextToHandOut = 0;

        // Biggest specs first, so one large spec does not start last and leave the other cores idle at the end.
        var schedule = Enumerable.Range(0, specs.Count).OrderByDescending(i => SizeOf(specs[i].Path)).ThenBy(i => i).ToList();
        var partitioner = Partitioner.Create(schedule, EnumerablePartitionerOptions.NoBuffering);
        Parallel.ForEach(partitioner, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, index =>
        {
            var report = check(specs[index]);
            lock (gate)
            {
                reports[index] = report;
                finished(report);
                while (nextToHandOut < reports.Length && reports[nextToHandOut] is { } ready)
                {
                    inOrder(ready);
                    nextToHandOut++;
                }
            }
        });

        return reports.Select(r => r!).ToList();
    }

    private static long SizeOf(string path)
    {
        try
        {
            return new FileInfo(path).Length;
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            return 0;
        }
    }
}
