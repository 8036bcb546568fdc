using System.Globalization;
using System.IO;

namespace Contracts.Cli.Output;

/// <summary>
/// Writes <c>[i/n] path</c> to stderr as specs finish, so a long run shows it is alive. Quiet for a handful of specs,
/// where the output appears at once anyway. Callers serialize calls.
/// </summary>
internal sealed class ProgressReporter
{
    /// <summary>Above this many specs a run reports progress.</summary>
    public const int Threshold = 8;

    private readonly TextWriter _stderr;
    private readonly int _total;
    private readonly bool _enabled;
    private int _done;

    public ProgressReporter(TextWriter stderr, int total)
    {
        _stderr = stderr;
        _total = total;
        _enabled = total > Threshold;
    }

    public void Finished(string path)
    {
        _done++;
        if (_enabled)
        {
            _stderr.WriteLine(string.Create(CultureInfo.InvariantCulture, $"[{_done}/{_total}] {path}"));
        }
    }
}
